package org.ketasim.server.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The append-only audit log: who read or changed which patient record, and when.
 *
 * <p>Rows are only ever inserted, inside the transaction of the change they record (so a change and its
 * audit row are committed together or not at all). The database rejects UPDATE and DELETE on the table
 * (triggers, migration V2). Each row also carries {@code hash = SHA-256(prev_hash | seq | at | actor | action |
 * entity | entity_id | patient_id | detail)}, so {@link #verify} detects a row changed or removed by someone
 * who got around the triggers (a database superuser).
 */
public final class AuditLog {

    /** Hash of the (empty) start of the chain. */
    public static final String GENESIS = "0".repeat(64);

    /** One audit entry. */
    public record Entry(long seq, Instant at, Long actorId, String actor, String action, String entity, Long entityId,
                        Long patientId, String detail, String prevHash, String hash) {
    }

    /** Result of checking the chain. */
    public record Verification(boolean intact, long rows, Long firstBrokenSeq, String problem) {
    }

    private AuditLog() {
    }

    /**
     * Appends one entry in the caller's transaction.
     *
     * @param action READ, CREATE, UPDATE, SIGN, OVERRIDE, LOGIN...
     */
    public static void append(Connection c, Long actorId, String actor, String action, String entity, Long entityId,
                              Long patientId, String detail) throws SQLException {
        long seq;
        String prev;
        try (PreparedStatement ps = c.prepareStatement("SELECT seq, hash FROM audit_head WHERE id = 1 FOR UPDATE");
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException("audit_head row missing");
            }
            seq = rs.getLong(1) + 1;
            prev = rs.getString(2);
        }
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String hash = hash(prev, seq, at, actor, action, entity, entityId, patientId, detail);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_log (seq, at_utc, actor_id, actor, action, entity, "
                + "entity_id, patient_id, detail, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?,?,?)")) {
            ps.setLong(1, seq);
            ps.setObject(2, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
            setLong(ps, 3, actorId);
            ps.setString(4, actor);
            ps.setString(5, action);
            ps.setString(6, entity);
            setLong(ps, 7, entityId);
            setLong(ps, 8, patientId);
            ps.setString(9, detail);
            ps.setString(10, prev);
            ps.setString(11, hash);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1")) {
            ps.setLong(1, seq);
            ps.setString(2, hash);
            ps.executeUpdate();
        }
    }

    /** Entries about one patient (or all when {@code patientId} is null), newest first, at most {@code limit}. */
    public static List<Entry> list(Connection c, Long patientId, int limit) throws SQLException {
        String sql = "SELECT seq, at_utc, actor_id, actor, action, entity, entity_id, patient_id, detail, prev_hash, hash "
                + "FROM audit_log" + (patientId != null ? " WHERE patient_id = ?" : "") + " ORDER BY seq DESC LIMIT ?";
        List<Entry> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            if (patientId != null) {
                ps.setLong(i++, patientId);
            }
            ps.setInt(i, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(read(rs));
                }
            }
        }
        return out;
    }

    /** Recomputes the whole chain from the first row. */
    public static Verification verify(Connection c) throws SQLException {
        String prev = GENESIS;
        long expected = 1;
        long rows = 0;
        try (PreparedStatement ps = c.prepareStatement("SELECT seq, at_utc, actor_id, actor, action, entity, entity_id, "
                + "patient_id, detail, prev_hash, hash FROM audit_log ORDER BY seq");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Entry e = read(rs);
                rows++;
                if (e.seq() != expected) {
                    return new Verification(false, rows, e.seq(), "row " + expected + " is missing");
                }
                if (!e.prevHash().equals(prev)) {
                    return new Verification(false, rows, e.seq(), "row " + e.seq() + " does not follow its predecessor");
                }
                String h = hash(prev, e.seq(), e.at(), e.actor(), e.action(), e.entity(), e.entityId(), e.patientId(), e.detail());
                if (!h.equals(e.hash())) {
                    return new Verification(false, rows, e.seq(), "row " + e.seq() + " was changed after it was written");
                }
                prev = e.hash();
                expected++;
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT seq, hash FROM audit_head WHERE id = 1");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            if (rs.getLong(1) != expected - 1 || !rs.getString(2).equals(prev)) {
                return new Verification(false, rows, expected, "the newest rows are missing (head at " + rs.getLong(1) + ")");
            }
        }
        return new Verification(true, rows, null, null);
    }

    private static Entry read(ResultSet rs) throws SQLException {
        return new Entry(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(), (Long) rs.getObject(3, Long.class),
                rs.getString(4), rs.getString(5), rs.getString(6), rs.getObject(7, Long.class), rs.getObject(8, Long.class),
                rs.getString(9), rs.getString(10), rs.getString(11));
    }

    static String hash(String prev, long seq, Instant at, String actor, String action, String entity, Long entityId,
                       Long patientId, String detail) {
        String text = String.join("\u001f", prev, Long.toString(seq), Long.toString(at.toEpochMilli()), actor, action, entity,
                String.valueOf(entityId), String.valueOf(patientId), detail);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void setLong(PreparedStatement ps, int i, Long v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.BIGINT);
        } else {
            ps.setLong(i, v);
        }
    }
}

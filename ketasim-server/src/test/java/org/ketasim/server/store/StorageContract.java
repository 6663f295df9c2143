package org.ketasim.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ketasim.server.clinical.Consultation;
import org.ketasim.server.clinical.DrugClass;
import org.ketasim.server.clinical.HistoryFlag;
import org.ketasim.server.clinical.Instrument;
import org.ketasim.server.clinical.InvalidInput;
import org.ketasim.server.clinical.Role;
import org.ketasim.server.clinical.SessionChecks;
import org.ketasim.server.clinical.VitalSigns;

/** The storage tests, run against every database the clinic supports (H2 and PostgreSQL subclasses). */
abstract class StorageContract {

    Database db;
    ClinicStore store;
    ClinicStore.Actor phys;
    ClinicStore.Actor nurse;

    /** Opens a fresh, migrated database. */
    abstract Database open() throws Exception;

    /** Disables the append-only triggers, as only a database superuser could (to test the hash chain). */
    abstract void bypassTriggers(Statement st) throws SQLException;

    void cleanUp() throws Exception {
    }

    @BeforeEach
    void setUp() throws Exception {
        db = open();
        store = new ClinicStore(db);
        DemoData.seedProtocols(store);
        var p = store.createUser(null, "doc", "Doctor", Role.PHYSICIAN, "x", false);
        var n = store.createUser(null, "nur", "Nurse", Role.NURSE, "x", false);
        phys = new ClinicStore.Actor(p.id(), p.username(), p.role());
        nurse = new ClinicStore.Actor(n.id(), n.username(), n.role());
    }

    @AfterEach
    void tearDown() throws Exception {
        db.close();
        cleanUp();
    }

    long patientReadyForSession(String mrn, HistoryFlag... flags) {
        var p = store.createPatient(nurse, mrn, "Ann", "O'Brien; DROP TABLE patients;--", LocalDate.of(1979, 3, 4), "FEMALE");
        var set = EnumSet.noneOf(HistoryFlag.class);
        set.addAll(List.of(flags));
        store.addConsultation(phys, new Consultation(null, p.id(), 68.5, 170.0, new Consultation.BaselineVitals(122, 76, 68, 98),
                List.of("MDD <b>TRD</b>"), List.of(new Consultation.Medication("Clonazepam", DrugClass.BENZODIAZEPINE, 1.0)), set,
                "notes with 'quotes' and \"double\"", null, null));
        return p.id();
    }

    @Test
    void recordsRoundTripExactlyIncludingHostileText() {
        long id = patientReadyForSession("MRN-1", HistoryFlag.BIPOLAR);
        var rec = store.patientRecord(phys, id);
        assertThat(rec.patient().familyName()).isEqualTo("O'Brien; DROP TABLE patients;--");
        var k = rec.consultations().get(0);
        assertThat(k.weightKg()).isEqualTo(68.5);
        assertThat(k.diagnoses()).containsExactly("MDD <b>TRD</b>");
        assertThat(k.medications()).containsExactly(new Consultation.Medication("Clonazepam", DrugClass.BENZODIAZEPINE, 1.0));
        assertThat(k.history()).containsExactly(HistoryFlag.BIPOLAR);
        assertThat(k.notes()).isEqualTo("notes with 'quotes' and \"double\"");
        assertThat(store.patients(phys, "o'brien")).hasSize(1);
        assertThat(store.patients(phys, "%")).isEmpty(); // LIKE wildcards in the search are literal
    }

    @Test
    void screeningOverrideAndSessionWorkflow() {
        long id = patientReadyForSession("MRN-2", HistoryFlag.BIPOLAR);
        var s = store.screen(phys, id);
        assertThat(s.outcome()).isEqualTo("ELIGIBLE_WITH_CAUTIONS");
        assertThat(s.fired()).extracting(f -> f.id()).containsExactly("R-BIPOLAR");
        long protocol = store.protocols().get(0).id();
        var plan = store.createPlan(phys, id, protocol, null, null, null, null, "");
        var pre = new SessionChecks.PreInfusion(true, true, true, true, false, new VitalSigns(0, 120, 75, 70, 98, 14));
        assertThatThrownBy(() -> store.startSession(nurse, id, plan.id(), 68.5, 10, 100, pre)).hasMessageContaining("not signed");
        store.signPlan(phys, id, plan.id());
        assertThatThrownBy(() -> store.startSession(nurse, id, plan.id(), 68.5, 10, 100, pre)).hasMessageContaining("relative contraindications");
        var o = store.override(phys, id, s.id(), "Bipolar I, stable on lithium for 3 years; mood monitored.");
        assertThat(o.effectiveOutcome()).isEqualTo("ELIGIBLE_BY_OVERRIDE");
        assertThat(o.overriddenBy()).isEqualTo("doc");
        var session = store.startSession(nurse, id, plan.id(), 68.5, 10, 100, pre);
        assertThat(session.dose().doseMg()).isEqualTo(34.3);
        var v = store.recordVitals(nurse, session.id(), new VitalSigns(30, 182, 104, 88, 96, 16));
        assertThat(v.alerts()).extracting(VitalSigns.Alert::code).contains("SBP_HIGH");
        store.recordQuestionnaire(nurse, id, session.id(), Instrument.PHQ9, List.of(1, 1, 1, 1, 1, 1, 1, 1, 1), Instant.now());
        var rec = store.sessionRecord(nurse, session.id());
        assertThat(rec.vitals()).hasSize(2);
        assertThat(rec.vitals().get(1).alerts()).isNotEmpty();
        assertThat(rec.ratings()).singleElement().satisfies(q -> assertThat(q.flags()).isNotEmpty());
    }

    @Test
    void failedChangeLeavesNoTraceNoHalfWrittenSession() throws Exception {
        long id = patientReadyForSession("MRN-3");
        store.screen(phys, id);
        var plan = store.createPlan(phys, id, store.protocols().get(0).id(), null, null, null, null, "");
        store.signPlan(phys, id, plan.id());
        long auditBefore = count("audit_log");
        var bad = new SessionChecks.PreInfusion(true, false, true, true, false, new VitalSigns(0, 120, 75, 70, 98, 14));
        assertThatThrownBy(() -> store.startSession(nurse, id, plan.id(), 68.5, 10, 100, bad)).isInstanceOf(InvalidInput.class)
                .hasMessageContaining("fasting");
        assertThat(count("infusion_sessions")).isZero();
        assertThat(count("vitals")).isZero();
        assertThat(count("audit_log")).isEqualTo(auditBefore);
        // A failure after the first insert of a transaction rolls back that insert too.
        assertThatThrownBy(() -> db.tx(c -> {
            Sql.insert(c, "INSERT INTO patients (mrn, given_name, family_name, birth_date, sex, created_by, created_at) VALUES (?,?,?,?,?,?,?)",
                    "HALF", "A", "B", LocalDate.of(1990, 1, 1), "MALE", phys.id(), Instant.now());
            throw new IllegalStateException("crash in the middle");
        })).hasMessageContaining("crash");
        assertThat(store.patients(phys, "HALF")).isEmpty();
    }

    @Test
    void auditLogRejectsUpdateAndDelete() throws Exception {
        long id = patientReadyForSession("MRN-4");
        store.patientRecord(phys, id);
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
            assertThatThrownBy(() -> st.executeUpdate("UPDATE audit_log SET actor = 'mallory'")).isInstanceOf(SQLException.class)
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> st.executeUpdate("DELETE FROM audit_log")).isInstanceOf(SQLException.class)
                    .hasMessageContaining("append-only");
        }
        var v = store.verifyAudit();
        assertThat(v.intact()).isTrue();
        assertThat(v.rows()).isGreaterThanOrEqualTo(4);
        List<AuditLog.Entry> entries = store.audit(phys, null, 100);
        assertThat(entries).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("CREATE");
            assertThat(e.entity()).isEqualTo("patient");
            assertThat(e.actor()).isEqualTo("nur");
        });
        assertThat(entries).anySatisfy(e -> assertThat(e.action()).isEqualTo("READ"));
    }

    @Test
    void hashChainDetectsARowChangedBehindTheTriggersBack() throws Exception {
        patientReadyForSession("MRN-5");
        assertThat(store.verifyAudit().intact()).isTrue();
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
            bypassTriggers(st);
            st.executeUpdate("UPDATE audit_log SET actor = 'mallory' WHERE seq = 3");
        }
        var v = store.verifyAudit();
        assertThat(v.intact()).isFalse();
        assertThat(v.firstBrokenSeq()).isEqualTo(3L);
        assertThat(v.problem()).contains("changed");
    }

    @Test
    void hashChainDetectsDeletedRows() throws Exception {
        patientReadyForSession("MRN-6");
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
            bypassDeleteTrigger(st);
            st.executeUpdate("DELETE FROM audit_log WHERE seq = (SELECT MAX(seq) FROM audit_log)");
        }
        var v = store.verifyAudit();
        assertThat(v.intact()).isFalse();
        assertThat(v.problem()).contains("missing");
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
            st.executeUpdate("DELETE FROM audit_log WHERE seq = 2");
        }
        assertThat(store.verifyAudit().firstBrokenSeq()).isEqualTo(3L);
    }

    /** Disables the trigger that rejects DELETE on the audit log. */
    abstract void bypassDeleteTrigger(Statement st) throws SQLException;

    @Test
    void concurrentWritersKeepTheChainIntact() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<?>> fs = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            int k = i;
            fs.add(pool.submit(() -> store.createPatient(nurse, "C-" + k, "P", "Q", LocalDate.of(1990, 1, 1), "OTHER")));
        }
        for (Future<?> f : fs) {
            f.get();
        }
        pool.shutdown();
        assertThat(count("patients")).isEqualTo(30);
        var v = store.verifyAudit();
        assertThat(v.intact()).as(String.valueOf(v.problem())).isTrue();
    }

    long count(String table) throws SQLException {
        return db.tx(c -> Sql.one(c, "SELECT COUNT(*) FROM " + table, rs -> rs.getLong(1)).orElseThrow());
    }
}

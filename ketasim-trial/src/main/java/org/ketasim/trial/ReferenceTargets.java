package org.ketasim.trial;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The published trial outcomes of {@code reference/trial-targets.csv} (a copy of
 * {@code shared/reference/trial-targets.csv}, packaged with the models).
 */
public final class ReferenceTargets {

    /** One row: its id, study, endpoint, time and value as written, and the number of patients. */
    public record Row(String id, String study, String endpoint, String time, String value, String n, String source) {
        /** The value as a number, when it is one (some rows give ranges or times, e.g. "10-12 d"). */
        public OptionalDouble number() {
            try {
                return OptionalDouble.of(Double.parseDouble(value.trim()));
            } catch (NumberFormatException e) {
                return OptionalDouble.empty();
            }
        }
    }

    private final Map<String, Row> rows;

    private ReferenceTargets(Map<String, Row> rows) {
        this.rows = rows;
    }

    /** The bundled table. */
    public static ReferenceTargets bundled() {
        try (InputStream in = ReferenceTargets.class.getResourceAsStream("/reference/trial-targets.csv")) {
            if (in == null) {
                throw new IllegalStateException("reference/trial-targets.csv is not on the class path");
            }
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R");
            String[] header = lines[0].split(",", -1);
            Map<String, Row> rows = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                if (lines[i].isBlank()) {
                    continue;
                }
                String[] c = lines[i].split(",", -1);
                Map<String, String> r = new LinkedHashMap<>();
                for (int k = 0; k < header.length && k < c.length; k++) {
                    r.put(header[k], c[k]);
                }
                rows.put(r.get("id"), new Row(r.get("id"), r.get("study"), r.get("endpoint"), r.get("time"), r.get("value"),
                        r.get("n"), r.get("source")));
            }
            return new ReferenceTargets(rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The row with this id, if any. */
    public java.util.Optional<Row> row(String id) {
        return java.util.Optional.ofNullable(rows.get(id));
    }

    public Map<String, Row> rows() {
        return rows;
    }
}

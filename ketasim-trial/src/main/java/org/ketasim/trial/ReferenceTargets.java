package org.ketasim.trial;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;

import org.ketasim.models.ReferenceTables;

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
        Map<String, Row> rows = new LinkedHashMap<>();
        for (Map<String, String> r : ReferenceTables.rows("trial-targets.csv")) {
            rows.put(r.get("id"), new Row(r.get("id"), r.get("study"), r.get("endpoint"), r.get("time"), r.get("value"), r.get("n"),
                    r.get("source")));
        }
        return new ReferenceTargets(rows);
    }

    /** The row with this id, if any. */
    public java.util.Optional<Row> row(String id) {
        return java.util.Optional.ofNullable(rows.get(id));
    }

    public Map<String, Row> rows() {
        return rows;
    }
}

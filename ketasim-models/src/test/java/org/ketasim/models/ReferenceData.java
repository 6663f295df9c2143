package org.ketasim.models;

import java.util.List;
import java.util.Map;

/** Test access to the reference tables ({@link ReferenceTables}); {@link ReferenceCopyTest} keeps the copy in step. */
final class ReferenceData {

    private ReferenceData() {
    }

    static List<Map<String, String>> rows(String file) {
        return ReferenceTables.rows(file);
    }

    static Map<String, String> row(String file, String id) {
        return rows(file).stream().filter(r -> r.get("id").equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + id + " in " + file));
    }

    static double value(String file, String id) {
        return Double.parseDouble(row(file, id).get("value"));
    }
}

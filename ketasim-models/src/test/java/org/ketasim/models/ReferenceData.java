package org.ketasim.models;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The machine-readable targets of {@code shared/reference/}, copied to {@code reference/} and packaged with
 * the models so the tests run on a fresh clone without the shared folder ({@link ReferenceCopyTest} keeps the
 * copy in step).
 */
final class ReferenceData {

    private ReferenceData() {
    }

    /** The rows of a reference CSV, each as column name -> text. */
    static List<Map<String, String>> rows(String file) {
        try (InputStream in = ReferenceData.class.getResourceAsStream("/reference/" + file)) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R");
            String[] header = lines[0].split(",", -1);
            List<Map<String, String>> rows = new ArrayList<>();
            for (int i = 1; i < lines.length; i++) {
                if (lines[i].isBlank()) {
                    continue;
                }
                String[] cells = lines[i].split(",", -1);
                Map<String, String> row = new LinkedHashMap<>();
                for (int c = 0; c < header.length; c++) {
                    row.put(header[c], c < cells.length ? cells[c] : "");
                }
                rows.add(row);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, String> row(String file, String id) {
        return rows(file).stream().filter(r -> r.get("id").equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + id + " in " + file));
    }

    static double value(String file, String id) {
        return Double.parseDouble(row(file, id).get("value"));
    }
}

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
 * The published targets of {@code reference/} (a copy of {@code shared/reference/}, packaged with the
 * models): {@code pk-observations.csv}, {@code pk-parameters.csv}, {@code trial-targets.csv} and
 * {@code mechanism-targets.csv}. Plain comma-separated files with a header row and no quoted commas.
 */
public final class ReferenceTables {

    private ReferenceTables() {
    }

    /** The rows of a reference table, each as column name to text, in file order. */
    public static List<Map<String, String>> rows(String file) {
        try (InputStream in = ReferenceTables.class.getResourceAsStream("/reference/" + file)) {
            if (in == null) {
                throw new IllegalArgumentException("no reference table '" + file + "' on the class path");
            }
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
}

package org.ketasim.trial.calibrate;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.ketasim.lang.Model;
import org.ketasim.lang.ModelException;
import org.ketasim.lang.Parameter;

/**
 * Writes calibrated values back into a model file's text.
 *
 * <p>Only the rows of the calibrated parameters change, and in them only the value and the provenance: the
 * value is replaced (4 significant digits, no exponent) and the column after it is kept aligned where the
 * new number fits; the provenance becomes {@code calibrated "..."}. The name, unit, label, {@code bsv} and
 * every other line are kept byte for byte.
 */
public final class ModelFileWriter {

    private ModelFileWriter() {
    }

    /** The provenance text of a calibration: {@code ketasim calibrate: id1, id2; 2026-11-24}. */
    public static String provenance(List<String> targetIds, LocalDate date) {
        return "ketasim calibrate: " + String.join(", ", targetIds) + "; " + date;
    }

    /** A value as written into the file: 4 significant digits, trailing zeros dropped, never an exponent. */
    public static String format(double v) {
        if (v == 0) {
            return "0";
        }
        String s = new BigDecimal(v).round(new MathContext(4)).stripTrailingZeros().toPlainString();
        return s;
    }

    /**
     * Rewrites {@code text}: each parameter of {@code values} (model file's units) gets its new value and the
     * provenance {@code calibrated "provenance"}.
     *
     * @throws ModelException           if {@code text} is not a valid model
     * @throws IllegalArgumentException if a name is not a row of the model, or the provenance holds a quote
     */
    public static String rewrite(String text, String sourceName, Map<String, Double> values, String provenance) throws ModelException {
        if (provenance.contains("\"") || provenance.contains("\n")) {
            throw new IllegalArgumentException("provenance must not contain quotes or line breaks: " + provenance);
        }
        Model model = Model.parse(text, sourceName);
        // split keeping line terminators, so that the text is rebuilt exactly
        List<String> lines = new java.util.ArrayList<>();
        int from = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lines.add(text.substring(from, i + 1));
                from = i + 1;
            }
        }
        if (from < text.length()) {
            lines.add(text.substring(from));
        }
        for (Map.Entry<String, Double> e : values.entrySet()) {
            if (!Double.isFinite(e.getValue())) {
                throw new IllegalArgumentException(e.getKey() + ": value must be finite, got " + e.getValue());
            }
            if (FreeParameter.isCv(e.getKey())) {
                continue; // after the typical values, so that a row's provenance is rewritten first
            }
            Parameter p = model.parameter(e.getKey())
                    .orElseThrow(() -> new IllegalArgumentException("the model has no parameter " + e.getKey()));
            int k = p.line() - 1;
            lines.set(k, rewriteRow(lines.get(k), p.name(), format(e.getValue()), provenance));
        }
        for (Map.Entry<String, Double> e : values.entrySet()) {
            if (FreeParameter.isCv(e.getKey())) {
                String base = FreeParameter.parameterOf(e.getKey());
                Parameter p = model.parameter(base).orElseThrow(() -> new IllegalArgumentException("the model has no parameter " + base));
                int k = p.line() - 1;
                lines.set(k, rewriteBsv(lines.get(k), base, percent(e.getValue()), values.containsKey(base) ? null : provenance));
            }
        }
        String out = String.join("", lines);
        Model check = Model.parse(out, sourceName); // the result must still be a valid model
        for (Map.Entry<String, Double> e : values.entrySet()) {
            if (FreeParameter.isCv(e.getKey())) {
                double written = check.parameter(FreeParameter.parameterOf(e.getKey())).orElseThrow().bsvCv();
                if (Math.abs(written - Double.parseDouble(percent(e.getValue())) / 100) > 1e-12) {
                    throw new IllegalStateException(e.getKey() + ": rewritten CV reads back as " + written);
                }
                continue;
            }
            double written = check.parameter(e.getKey()).orElseThrow().value();
            if (Double.compare(written, Double.parseDouble(format(e.getValue()))) != 0) {
                throw new IllegalStateException(e.getKey() + ": rewritten value reads back as " + written);
            }
        }
        return out;
    }

    /** A coefficient of variation as the percentage written after {@code bsv}, 3 significant digits. */
    static String percent(double cv) {
        return format(Double.parseDouble(new BigDecimal(cv * 100).round(new MathContext(3)).toPlainString()));
    }

    /**
     * Rewrites the {@code bsv X%} of a row; when {@code provenance} is not null (the typical value was not
     * fitted), the row keeps its provenance and notes where its variability came from inside it.
     */
    static String rewriteBsv(String line, String name, String percent, String provenance) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"(\\s*):(\\s*)bsv\\s+[0-9.]+\\s*%").matcher(line);
        if (!m.find()) {
            throw new IllegalArgumentException("row of " + name + " has no 'bsv NN%' to rewrite: " + line.strip());
        }
        String note = provenance == null ? "" : "; bsv " + provenance;
        return line.substring(0, m.start()) + note + "\"" + m.group(1) + ":" + m.group(2) + "bsv " + percent + "%" + line.substring(m.end());
    }

    /** Rewrites one row {@code NAME = VALUE UNIT : "label" : provenance "..." [: bsv X%]}. */
    static String rewriteRow(String line, String name, String value, String provenance) {
        String eol = line.endsWith("\r\n") ? "\r\n" : line.endsWith("\n") ? "\n" : "";
        String row = line.substring(0, line.length() - eol.length());
        int eq = row.indexOf('=');
        if (eq < 0 || !row.substring(0, eq).trim().equals(name)) {
            throw new IllegalArgumentException("line of " + name + " is not a row 'NAME = VALUE ...': " + row);
        }
        int vs = eq + 1;
        while (vs < row.length() && Character.isWhitespace(row.charAt(vs))) {
            vs++;
        }
        int ve = vs;
        while (ve < row.length() && !Character.isWhitespace(row.charAt(ve)) && row.charAt(ve) != ':') {
            ve++;
        }
        int ws = ve;
        while (ws < row.length() && row.charAt(ws) == ' ') {
            ws++;
        }
        int oldSpan = ws - vs; // the value and the spaces after it
        int pad = ws > ve ? Math.max(1, oldSpan - value.length()) : 0;
        String head = row.substring(0, vs) + value + " ".repeat(pad);
        String rest = row.substring(ws);
        int excess = value.length() + pad - oldSpan;
        if (excess > 0 && !rest.startsWith(":")) {
            // a longer number: take the overflow from the spaces after the unit, so that ':' stays in its column
            int ue = 0;
            while (ue < rest.length() && rest.charAt(ue) != ' ' && rest.charAt(ue) != ':') {
                ue++;
            }
            int us = ue;
            while (us < rest.length() && rest.charAt(us) == ' ') {
                us++;
            }
            int cut = Math.min(excess, us - ue - 1);
            if (cut > 0) {
                rest = rest.substring(0, ue) + rest.substring(ue + cut);
            }
        }
        // In the rest (unit : "label" : provenance [: bsv]), find the provenance: after the second ':' outside quotes.
        int colons = 0;
        int start = -1;
        int end = rest.length();
        boolean quoted = false;
        for (int i = 0; i < rest.length(); i++) {
            char c = rest.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == ':' || c == '#')) {
                if (c == ':' && start < 0) {
                    colons++;
                    if (colons == 2) {
                        start = i + 1;
                    }
                } else if (start >= 0) {
                    end = i;
                    break;
                }
            }
        }
        if (start < 0) {
            throw new IllegalArgumentException("row of " + name + " has no provenance field: " + row);
        }
        String section = rest.substring(start, end);
        int lead = 0;
        while (lead < section.length() && Character.isWhitespace(section.charAt(lead))) {
            lead++;
        }
        int trail = section.length();
        while (trail > lead && Character.isWhitespace(section.charAt(trail - 1))) {
            trail--;
        }
        String newSection = section.substring(0, lead) + "calibrated \"" + provenance + "\"" + section.substring(trail);
        return head + rest.substring(0, start) + newSection + rest.substring(end) + eol;
    }

    /**
     * Writes the rewritten model to {@code output}, atomically.
     *
     * @param input   the model file read, or null when {@code text} is the bundled model
     * @param inPlace whether {@code output} may be {@code input}
     * @throws IllegalArgumentException if {@code output} is {@code input} and {@code inPlace} is false
     */
    public static void write(String text, Path input, Path output, boolean inPlace, Map<String, Double> values, String provenance)
            throws IOException, ModelException {
        if (!inPlace && input != null && Files.exists(output) && Files.isSameFile(input, output)) {
            throw new IllegalArgumentException(output + " is the input model; pass --in-place to overwrite it");
        }
        String out = rewrite(text, input == null ? "ketamine.ksm" : input.toString(), values, provenance);
        Path abs = output.toAbsolutePath();
        if (abs.getParent() != null) {
            Files.createDirectories(abs.getParent());
        }
        Path tmp = Files.createTempFile(abs.getParent(), abs.getFileName().toString(), ".tmp");
        try {
            Files.writeString(tmp, out, StandardCharsets.UTF_8);
            Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}

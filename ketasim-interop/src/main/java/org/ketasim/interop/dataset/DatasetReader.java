package org.ketasim.interop.dataset;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.ketasim.engine.dosing.Dose;
import org.ketasim.engine.dosing.Drug;
import org.ketasim.engine.dosing.Route;
import org.ketasim.lang.Model;
import org.ketasim.lang.Parameter;

/**
 * Reads a NONMEM-style dataset (comma-separated, one header row; see {@link DatasetColumns}) for a model.
 * Every problem is reported with its line and column: {@code data.csv:7:4: AMT must be a non-negative number,
 * got 'abc'}. Lines that start with {@code #} are comments.
 */
public final class DatasetReader {

    private static final String[] ENANTIOMERS = {"S", "R"};

    private final Model model;
    private final String source;
    private final Map<String, Integer> column = new HashMap<>();
    /** Columns that set a model value, by column index. */
    private final Map<Integer, Parameter> valueColumns = new LinkedHashMap<>();

    private DatasetReader(Model model, String source) {
        this.model = model;
        this.source = source;
    }

    /** Reads a dataset file (UTF-8). */
    public static List<DatasetSubject> read(Path file, Model model) throws DatasetException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (MalformedInputException e) {
            throw new DatasetException(file + ": the dataset is not valid UTF-8; save it as UTF-8 CSV");
        } catch (IOException e) {
            throw new DatasetException(file + ": cannot read (" + e.getMessage() + ")");
        }
        return parse(text, file.toString(), model);
    }

    /**
     * Parses a dataset.
     *
     * @param text       the CSV text
     * @param sourceName the name for messages
     * @param model      the model whose covariates, parameters and dose routes the columns refer to
     * @return the subjects in file order
     */
    public static List<DatasetSubject> parse(String text, String sourceName, Model model) throws DatasetException {
        return new DatasetReader(model, sourceName).run(text);
    }

    /** One subject being read. */
    private static final class Pending {
        final long id;
        final int firstLine;
        int arm;
        final Map<String, Double> values = new LinkedHashMap<>();
        final Map<String, Integer> valueLines = new HashMap<>();
        final List<Dose> doses = new ArrayList<>();
        final List<Double> times = new ArrayList<>();
        final List<Double> dv = new ArrayList<>();
        double lastTime = 0;

        Pending(long id, int firstLine) {
            this.id = id;
            this.firstLine = firstLine;
        }

        DatasetSubject build() {
            return new DatasetSubject(id, arm, values, doses, times.stream().mapToDouble(Double::doubleValue).toArray(),
                    dv.stream().mapToDouble(Double::doubleValue).toArray());
        }
    }

    private List<DatasetSubject> run(String text) throws DatasetException {
        String[] lines = text.split("\\R", -1);
        int headerLine = -1;
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].isBlank() && !lines[i].startsWith("#")) {
                headerLine = i;
                break;
            }
        }
        if (headerLine < 0) {
            throw new DatasetException(source + ": the dataset is empty; it needs a header row such as ID,TIME,EVID,AMT,RATE,CMT,DV,MDV");
        }
        header(split(lines[headerLine]), headerLine + 1);
        List<DatasetSubject> subjects = new ArrayList<>();
        Set<Long> finished = new HashSet<>();
        Pending current = null;
        for (int i = headerLine + 1; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int n = i + 1;
            String[] f = split(line);
            if (f.length != width) {
                throw new DatasetException(source, n, Math.min(f.length, width) + 1, "expected " + width
                        + " comma-separated fields as in the header, got " + f.length);
            }
            long id = id(f, n);
            if (current == null || current.id != id) {
                if (current != null) {
                    subjects.add(current.build());
                    finished.add(current.id);
                }
                if (finished.contains(id)) {
                    throw new DatasetException(source, n, col(DatasetColumns.ID), "ID " + id
                            + " appears again after other subjects; the rows of a subject must be contiguous");
                }
                current = new Pending(id, n);
            }
            row(current, f, n);
        }
        if (current != null) {
            subjects.add(current.build());
        }
        if (subjects.isEmpty()) {
            throw new DatasetException(source + ": the dataset has a header but no rows");
        }
        return subjects;
    }

    /** Number of fields of the header (every row has as many). */
    private int width;

    private void header(String[] names, int line) throws DatasetException {
        width = names.length;
        if (names.length == 1 && names[0].trim().contains(" ")) {
            throw new DatasetException(source, line, 1, "the header has one column; separate columns with commas (CSV)");
        }
        for (int c = 0; c < names.length; c++) {
            String name = names[c].trim();
            String upper = name.toUpperCase(Locale.ROOT);
            if (DatasetColumns.STANDARD.contains(upper) && model.parameterIndex(name).isEmpty()) {
                if (column.put(upper, c) != null) {
                    throw new DatasetException(source, line, c + 1, "column " + upper + " appears twice");
                }
            } else if (model.parameterIndex(name).isPresent()) {
                Parameter p = model.parameter(name).get();
                if (valueColumns.containsValue(p)) {
                    throw new DatasetException(source, line, c + 1, "column " + name + " appears twice");
                }
                valueColumns.put(c, p);
            }
        }
        for (String required : List.of(DatasetColumns.ID, DatasetColumns.TIME, DatasetColumns.EVID, DatasetColumns.AMT,
                DatasetColumns.CMT)) {
            if (!column.containsKey(required)) {
                throw new DatasetException(source, line, 0, "the header has no " + required
                        + " column; a dataset needs ID, TIME, EVID, AMT and CMT (and optionally RATE, DRUG, DV, MDV, ADDL, II, SS, covariates)");
            }
        }
    }

    private int col(String name) {
        return column.get(name) + 1;
    }

    private String field(String[] f, String name) {
        Integer c = column.get(name);
        return c == null ? "." : f[c].trim();
    }

    private static boolean missing(String v) {
        return v.isEmpty() || v.equals(".");
    }

    private double number(String[] f, String name, int line, String what) throws DatasetException {
        String v = field(f, name);
        double x;
        try {
            x = Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new DatasetException(source, line, col(name), name + " must be " + what + ", got '" + v + "'");
        }
        if (!Double.isFinite(x)) {
            throw new DatasetException(source, line, col(name), name + " must be " + what + ", got '" + v + "'");
        }
        return x;
    }

    /** An optional number: NaN when missing. */
    private double optional(String[] f, String name, int line, String what) throws DatasetException {
        return missing(field(f, name)) ? Double.NaN : number(f, name, line, what);
    }

    private long id(String[] f, int line) throws DatasetException {
        double v = number(f, DatasetColumns.ID, line, "a positive integer");
        if (v != Math.rint(v) || v < 1 || v > 1e15) {
            throw new DatasetException(source, line, col(DatasetColumns.ID), "ID must be a positive integer, got '"
                    + field(f, DatasetColumns.ID) + "'");
        }
        return (long) v;
    }

    private void row(Pending s, String[] f, int line) throws DatasetException {
        double time = number(f, DatasetColumns.TIME, line, "a non-negative number of hours");
        if (time < 0) {
            throw new DatasetException(source, line, col(DatasetColumns.TIME), "TIME must be a non-negative number of hours, got '"
                    + field(f, DatasetColumns.TIME) + "'");
        }
        if (time < s.lastTime) {
            throw new DatasetException(source, line, col(DatasetColumns.TIME), "TIME " + field(f, DatasetColumns.TIME)
                    + " goes back in time within subject " + s.id + "; sort each subject's rows by TIME");
        }
        s.lastTime = time;
        double evid = number(f, DatasetColumns.EVID, line, "0 (observation), 1 (dose) or 2 (other)");
        if (evid != 0 && evid != 1 && evid != 2) {
            throw new DatasetException(source, line, col(DatasetColumns.EVID), "EVID " + field(f, DatasetColumns.EVID)
                    + " is not supported; use 0 (observation), 1 (dose) or 2 (other); resets (3, 4) are not modelled");
        }
        String amtText = field(f, DatasetColumns.AMT);
        double amt = missing(amtText) ? 0 : number(f, DatasetColumns.AMT, line, "a non-negative number");
        if (amt < 0) {
            throw new DatasetException(source, line, col(DatasetColumns.AMT), "AMT must be a non-negative number, got '" + amtText + "'");
        }
        double ss = optional(f, DatasetColumns.SS, line, "0");
        if (!Double.isNaN(ss) && ss != 0) {
            throw new DatasetException(source, line, col(DatasetColumns.SS), "SS " + field(f, DatasetColumns.SS)
                    + " (steady state) is not supported; give the doses explicitly or with ADDL and II");
        }
        if (column.containsKey(DatasetColumns.ARM)) {
            double arm = optional(f, DatasetColumns.ARM, line, "a positive integer");
            if (!Double.isNaN(arm)) {
                s.arm = (int) arm;
            }
        }
        values(s, f, line);
        if (evid == 1) {
            dose(s, f, line, time, amt);
        } else {
            if (amt != 0) {
                throw new DatasetException(source, line, col(DatasetColumns.AMT), "AMT must be 0 or '.' on a row with EVID "
                        + (int) evid + ", got '" + amtText + "'");
            }
            double mdv = optional(f, DatasetColumns.MDV, line, "0 or 1");
            double dv = evid == 2 || mdv == 1 ? Double.NaN : optional(f, DatasetColumns.DV, line, "a number or '.'");
            s.times.add(time);
            s.dv.add(dv);
        }
    }

    private void dose(Pending s, String[] f, int line, double time, double amt) throws DatasetException {
        if (!(amt > 0)) {
            throw new DatasetException(source, line, col(DatasetColumns.AMT), "AMT must be a positive number of mg on a dose row (EVID 1), got '"
                    + field(f, DatasetColumns.AMT) + "'");
        }
        double rate = optional(f, DatasetColumns.RATE, line, "a non-negative number of mg/h");
        if (rate == -1 || rate == -2) {
            throw new DatasetException(source, line, col(DatasetColumns.RATE), "RATE " + field(f, DatasetColumns.RATE)
                    + " (modelled rate or duration) is not supported; give the rate in mg/h");
        }
        if (rate < 0) {
            throw new DatasetException(source, line, col(DatasetColumns.RATE), "RATE must be a non-negative number of mg/h, got '"
                    + field(f, DatasetColumns.RATE) + "'");
        }
        double durationH = Double.isNaN(rate) || rate == 0 ? 0 : amt / rate;
        String cmtText = field(f, DatasetColumns.CMT);
        Route route = DatasetColumns.route(cmtText);
        if (route == null) {
            throw new DatasetException(source, line, col(DatasetColumns.CMT), "CMT must be a dosing compartment 1-6 (1 iv, 2 im, 3 sc, "
                    + "4 intranasal, 5 oral, 6 sublingual) or a route name, got '" + cmtText + "'");
        }
        Drug drug = Drug.KETAMINE;
        if (column.containsKey(DatasetColumns.DRUG) && !missing(field(f, DatasetColumns.DRUG))) {
            drug = DatasetColumns.drug(field(f, DatasetColumns.DRUG));
            if (drug == null) {
                throw new DatasetException(source, line, col(DatasetColumns.DRUG), "DRUG must be 1 (ketamine), 2 (esketamine) or 3 "
                        + "(arketamine), got '" + field(f, DatasetColumns.DRUG) + "'");
            }
        }
        for (String e : ENANTIOMERS) {
            if (drug.fractionOf(e) > 0 && !hasTarget(route, e)) {
                throw new DatasetException(source, line, col(DatasetColumns.CMT), "the model has no dosing target for "
                        + route.modelName() + " " + e + " (CMT " + cmtText + ")");
            }
        }
        double addl = optional(f, DatasetColumns.ADDL, line, "a non-negative integer");
        double ii = optional(f, DatasetColumns.II, line, "a positive number of hours");
        int extra = 0;
        if (!Double.isNaN(addl) && addl != 0) {
            if (addl < 0 || addl != Math.rint(addl) || addl > 100_000) {
                throw new DatasetException(source, line, col(DatasetColumns.ADDL), "ADDL must be a non-negative integer, got '"
                        + field(f, DatasetColumns.ADDL) + "'");
            }
            if (!(ii > 0)) {
                throw new DatasetException(source, line, column.containsKey(DatasetColumns.II) ? col(DatasetColumns.II) : col(DatasetColumns.ADDL),
                        "ADDL needs II, the dosing interval in hours (> 0)");
            }
            extra = (int) addl;
        }
        for (int k = 0; k <= extra; k++) {
            s.doses.add(new Dose(drug, route, amt, k == 0 ? time : time + k * ii, durationH));
        }
    }

    private boolean hasTarget(Route route, String enantiomer) {
        return model.doseTargets().stream().anyMatch(t -> t.route().equals(route.modelName()) && t.enantiomer().equals(enantiomer));
    }

    private void values(Pending s, String[] f, int line) throws DatasetException {
        for (Map.Entry<Integer, Parameter> e : valueColumns.entrySet()) {
            String text = f[e.getKey()].trim();
            if (missing(text)) {
                continue;
            }
            Parameter p = e.getValue();
            double v;
            try {
                v = Double.parseDouble(text);
            } catch (NumberFormatException ex) {
                v = Double.NaN;
            }
            if (!Double.isFinite(v)) {
                throw new DatasetException(source, line, e.getKey() + 1, p.name() + " must be a number in " + p.unit().symbol()
                        + ", got '" + text + "'");
            }
            if (p.kind() == Parameter.Kind.SWITCH && v != 0 && v != 1) {
                throw new DatasetException(source, line, e.getKey() + 1, p.name() + " is a switch: 0 (off) or 1 (on), got '" + text + "'");
            }
            Double before = s.values.putIfAbsent(p.name(), v);
            if (before == null) {
                s.valueLines.put(p.name(), line);
            } else if (before != v) {
                throw new DatasetException(source, line, e.getKey() + 1, p.name() + " changes within subject " + s.id + " (" + before
                        + " on line " + s.valueLines.get(p.name()) + ", " + text + " here); time-varying values are not supported");
            }
        }
    }

    private static String[] split(String line) {
        return line.split(",", -1);
    }
}

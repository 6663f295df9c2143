package org.ketasim.forecast;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.ketasim.engine.dosing.Dose;
import org.ketasim.engine.dosing.Drug;
import org.ketasim.engine.dosing.Route;
import org.ketasim.engine.dosing.Salt;
import org.ketasim.population.Crosswalk;
import org.ketasim.population.PopulationSpec;
import org.ketasim.population.Scale;

/**
 * Reads a patient file (JSON) into a {@link PatientRecord}, with a precise one-line error
 * ({@link PatientFileException}, message starting with the field path) for anything that cannot be used.
 *
 * <pre>{@code
 * {"weight_kg": 80, "sex": "female", "age": 41, "diagnosis": "trd",
 *  "covariates": {"benzodiazepine_mg_diazepam_eq": 0},
 *  "doses": [{"day": 0, "time": "09:00", "drug": "ketamine", "route": "iv", "amount_mg": 40, "over_min": 40}],
 *  "observations": [{"day": 0, "time": "08:30", "scale": "MADRS", "value": 33},
 *                   {"day": 1, "time": "09:00", "scale": "MADRS", "value": 19}]}
 * }</pre>
 *
 * <p>{@code amount_mg} is the labelled amount: ketamine hydrochloride for racemic ketamine and arketamine, base for
 * esketamine (as the {@code ketasim} command), unless the dose says {@code "salt": "hcl"} or {@code "base"}. An
 * observation may say {@code "after_dose": k} (index into {@code doses}): it must then be recorded after that dose
 * started.
 */
public final class PatientFile {

    private static final Set<String> TOP = Set.of("weight_kg", "sex", "age", "diagnosis", "covariates", "doses",
            "observations", "name", "id", "note");
    private static final Set<String> DOSE = Set.of("day", "time", "drug", "route", "amount_mg", "over_min", "salt",
            "note");
    private static final Set<String> OBS = Set.of("day", "time", "scale", "value", "after_dose", "note");
    /** Covariates set at the top level or estimated, so not accepted under "covariates". */
    private static final Set<String> NOT_IN_COVARIATES = Set.of("weight_kg", "sex_female", "age_y", "baseline_madrs");

    private PatientFile() {
    }

    /**
     * @param file a JSON patient file
     * @return the patient
     * @throws PatientFileException for a file that cannot be read or used
     */
    public static PatientRecord read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new PatientFileException(file + ": cannot read the patient file (" + e.getMessage() + ")");
        }
        return parse(text);
    }

    /**
     * @param json the patient file's text
     * @return the patient
     * @throws PatientFileException for a file that cannot be used
     */
    public static PatientRecord parse(String json) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new PatientFileException("patient file is not valid JSON: "
                    + e.getOriginalMessage().replace('\n', ' '));
        }
        if (root == null || !root.isObject()) {
            throw new PatientFileException("patient file: expected a JSON object {\"weight_kg\": ..., ...}");
        }
        known(root, TOP, "");
        double weight = number(root, "weight_kg", "", "body weight in kg");
        if (!(weight > 0 && weight < 500)) {
            throw new PatientFileException("weight_kg: must be > 0 kg (and < 500), got " + fmt(weight));
        }
        String sexText = text(root, "sex", "", "female or male");
        boolean female = switch (sexText.strip().toLowerCase(Locale.ROOT)) {
            case "female", "f", "woman" -> true;
            case "male", "m", "man" -> false;
            default -> throw new PatientFileException("sex: expected female or male, got '" + sexText + "'");
        };
        double age = number(root, "age", "", "age in years");
        if (!(age >= 0 && age <= 120)) {
            throw new PatientFileException("age: must be 0-120 years, got " + fmt(age));
        }
        String diagnosis = root.has("diagnosis") ? root.get("diagnosis").asText() : "trd";
        try {
            PopulationSpec.preset(diagnosis);
        } catch (IllegalArgumentException e) {
            throw new PatientFileException("diagnosis: unknown '" + diagnosis + "'; known: "
                    + String.join(", ", PopulationSpec.PRESETS));
        }

        Map<String, Double> covariates = new LinkedHashMap<>();
        if (root.has("covariates")) {
            JsonNode c = root.get("covariates");
            if (!c.isObject()) {
                throw new PatientFileException("covariates: expected an object of name: value");
            }
            for (Iterator<String> it = c.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                String path = "covariates." + name;
                if (NOT_IN_COVARIATES.contains(name)) {
                    throw new PatientFileException(path + ": " + (name.equals("baseline_madrs")
                            ? "the baseline is estimated from the scores; record it as an observation before the "
                            + "first dose" : "give it at the top level (weight_kg, sex, age)"));
                }
                if (!PopulationSpec.COVARIATE_NAMES.contains(name)) {
                    List<String> ok = new ArrayList<>(PopulationSpec.COVARIATE_NAMES);
                    ok.removeAll(NOT_IN_COVARIATES);
                    throw new PatientFileException(path + ": unknown covariate; known: " + String.join(", ", ok));
                }
                JsonNode v = c.get(name);
                double value = v.isBoolean() ? (v.asBoolean() ? 1 : 0) : v.isNumber() ? v.asDouble() : Double.NaN;
                if (!Double.isFinite(value) || value < 0) {
                    throw new PatientFileException(path + ": expected a number >= 0 (or true/false), got " + v);
                }
                covariates.put(name, value);
            }
        }

        List<Dose> doses = new ArrayList<>();
        JsonNode ds = root.get("doses");
        if (ds != null && !ds.isArray()) {
            throw new PatientFileException("doses: expected a list of doses");
        }
        double prev = Double.NEGATIVE_INFINITY;
        for (int i = 0; ds != null && i < ds.size(); i++) {
            String path = "doses[" + i + "]";
            JsonNode d = ds.get(i);
            if (!d.isObject()) {
                throw new PatientFileException(path + ": expected an object {\"day\": ..., \"time\": ..., ...}");
            }
            known(d, DOSE, path + ".");
            double t = when(d, path);
            String drugText = text(d, "drug", path + ".", "ketamine, esketamine or arketamine");
            Drug drug;
            try {
                drug = Drug.parse(drugText);
            } catch (IllegalArgumentException e) {
                throw new PatientFileException(path + ".drug: " + e.getMessage());
            }
            Route route;
            String routeText = text(d, "route", path + ".", "iv, im, sc, intranasal, oral or sublingual");
            try {
                route = Route.parse(routeText);
            } catch (IllegalArgumentException e) {
                throw new PatientFileException(path + ".route: " + e.getMessage());
            }
            double mg = number(d, "amount_mg", path + ".", "the amount given in mg");
            if (!(mg > 0 && mg <= 2000)) {
                throw new PatientFileException(path + ".amount_mg: must be > 0 mg (and <= 2000), got " + fmt(mg));
            }
            double overMin = d.has("over_min") ? number(d, "over_min", path + ".", "minutes") : 0;
            if (!(overMin >= 0 && overMin <= 24 * 60)) {
                throw new PatientFileException(path + ".over_min: must be 0-1440 minutes, got " + fmt(overMin));
            }
            Salt salt = drug == Drug.ESKETAMINE ? Salt.BASE : Salt.HCL;
            if (d.has("salt")) {
                String s = d.get("salt").asText().toLowerCase(Locale.ROOT);
                salt = switch (s) {
                    case "hcl", "hydrochloride" -> Salt.HCL;
                    case "base" -> Salt.BASE;
                    default -> throw new PatientFileException(path + ".salt: expected hcl or base, got '" + s + "'");
                };
            }
            if (t < prev) {
                throw new PatientFileException(path + ": " + clock(t) + " is before doses[" + (i - 1) + "] ("
                        + clock(prev) + "); list the doses in time order");
            }
            prev = t;
            doses.add(new Dose(drug, route, salt.toBaseMg(mg), t, overMin / 60.0));
        }

        JsonNode os = root.get("observations");
        if (os == null || !os.isArray() || os.isEmpty()) {
            throw new PatientFileException("observations: at least one score is needed, e.g. [{\"day\": 0, "
                    + "\"time\": \"08:30\", \"scale\": \"MADRS\", \"value\": 33}]");
        }
        List<PatientRecord.Observation> obs = new ArrayList<>();
        prev = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < os.size(); i++) {
            String path = "observations[" + i + "]";
            JsonNode o = os.get(i);
            if (!o.isObject()) {
                throw new PatientFileException(path + ": expected an object {\"day\": ..., \"scale\": ..., ...}");
            }
            known(o, OBS, path + ".");
            double t = when(o, path);
            String scaleText = text(o, "scale", path + ".", "MADRS, HAM-D17, QIDS-SR16 or PHQ-9");
            Scale scale;
            try {
                scale = Scale.parse(scaleText);
            } catch (IllegalArgumentException e) {
                throw new PatientFileException(path + ".scale: " + e.getMessage());
            }
            if (!Crosswalk.supports(scale)) {
                throw new PatientFileException(path + ".scale: " + scale.label() + " is not a depression scale the "
                        + "forecast can use; use MADRS, HAM-D17, QIDS-SR16 or PHQ-9");
            }
            double value = number(o, "value", path + ".", "the score");
            if (!(value >= scale.min() && value <= scale.max())) {
                throw new PatientFileException(path + ".value: " + fmt(value) + " is outside the " + scale.label()
                        + " range " + fmt(scale.min()) + "-" + fmt(scale.max()));
            }
            if (o.has("after_dose")) {
                JsonNode a = o.get("after_dose");
                int k = a.isInt() ? a.asInt() : -1;
                if (k < 0 || k >= doses.size()) {
                    throw new PatientFileException(path + ".after_dose: expected an index into doses (0-"
                            + (doses.size() - 1) + "), got " + a);
                }
                if (doses.get(k).startH() >= t) {
                    throw new PatientFileException(path + ": recorded at " + clock(t) + ", but it claims to follow "
                            + "doses[" + k + "], given later (" + clock(doses.get(k).startH()) + ")");
                }
            }
            if (t < prev) {
                throw new PatientFileException(path + ": " + clock(t) + " is before observations[" + (i - 1) + "] ("
                        + clock(prev) + "); list the observations in time order");
            }
            prev = t;
            obs.add(new PatientRecord.Observation(t, scale, value));
        }
        return new PatientRecord(weight, female, age, diagnosis, covariates, doses, obs);
    }

    /** "day 2 09:00". */
    static String clock(double h) {
        int day = (int) Math.floor(h / 24 + 1e-9);
        double rest = h - 24.0 * day;
        int min = (int) Math.round(rest * 60);
        return String.format(Locale.ROOT, "day %d %02d:%02d", day, min / 60, min % 60);
    }

    private static double when(JsonNode n, String path) {
        double day = number(n, "day", path + ".", "days from the first day (0)");
        if (!(day >= 0 && day <= 3650)) {
            throw new PatientFileException(path + ".day: must be 0-3650, got " + fmt(day));
        }
        double hour = 9;
        if (n.has("time")) {
            String t = n.get("time").asText().strip();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{1,2}):(\\d{2})").matcher(t);
            if (!m.matches() || Integer.parseInt(m.group(1)) > 23 || Integer.parseInt(m.group(2)) > 59) {
                throw new PatientFileException(path + ".time: expected HH:MM (00:00-23:59), got '" + t + "'");
            }
            hour = Integer.parseInt(m.group(1)) + Integer.parseInt(m.group(2)) / 60.0;
        }
        return 24 * day + hour;
    }

    private static void known(JsonNode n, Set<String> fields, String prefix) {
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!fields.contains(f)) {
                throw new PatientFileException(prefix + f + ": unknown field; known: "
                        + String.join(", ", new java.util.TreeSet<>(fields)));
            }
        }
    }

    private static double number(JsonNode n, String field, String prefix, String what) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            throw new PatientFileException(prefix + field + ": missing (" + what + ")");
        }
        if (!v.isNumber()) {
            throw new PatientFileException(prefix + field + ": expected a number (" + what + "), got " + v);
        }
        return v.asDouble();
    }

    private static String text(JsonNode n, String field, String prefix, String what) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull() || v.asText().isBlank()) {
            throw new PatientFileException(prefix + field + ": missing (" + what + ")");
        }
        return v.asText();
    }

    static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e9 ? String.valueOf((long) v) : String.valueOf(v);
    }
}

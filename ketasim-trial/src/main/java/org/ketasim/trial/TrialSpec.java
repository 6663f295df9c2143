package org.ketasim.trial;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ketasim.engine.dosing.Route;
import org.ketasim.engine.dosing.Salt;
import org.ketasim.population.Distribution;
import org.ketasim.population.PopulationSpec;
import org.ketasim.population.Scale;
import org.ketasim.units.Unit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * A virtual trial, as written in a YAML specification: population, design, arms and endpoints.
 *
 * <p>Times are hours from the start of the first dose of the trial (day 0). Every field is checked when
 * the file is read; a problem is reported as {@code file: path.to.field: what was expected}.
 *
 * @param name           trial name
 * @param seed           master seed; the same seed gives the same subjects and results
 * @param subjectsPerArm subjects simulated per arm
 * @param population     who is enrolled
 * @param blinding       the design, which sets the expectancy factor
 * @param arms           the arms
 * @param endpoints      what is measured
 * @param followUpH      end of the simulation (h), covering every endpoint
 * @param targets        published values of the calibration targets (ids of reference/trial-targets.csv)
 * @param validation     published values kept out of calibration, for independent validation
 */
public record TrialSpec(String name, long seed, int subjectsPerArm, PopulationSpec population, Blinding blinding,
                        List<Arm> arms, List<Endpoint> endpoints, double followUpH, List<Target> targets,
                        List<Validation> validation) {

    /**
     * A published value an endpoint should reproduce: the row {@code id} of {@code reference/trial-targets.csv}.
     *
     * @param endpoint endpoint name
     * @param arm      arm name
     * @param id       target id in trial-targets.csv
     */
    public record Target(String endpoint, String arm, String id) {
    }

    /**
     * A published value that is not a calibration target (it is not in {@code reference/}): the model is
     * never fitted to it, so agreement with it is independent validation.
     *
     * @param endpoint endpoint name
     * @param arm      arm name
     * @param value    the published value, in the endpoint's unit
     * @param source   where it was published (and where it is noted, e.g. clinical-targets.md)
     */
    public record Validation(String endpoint, String arm, double value, String source) {
    }

    /** The same trial with another number of subjects per arm. */
    public TrialSpec withSubjectsPerArm(int n) {
        return new TrialSpec(name, seed, n, population, blinding, arms, endpoints, followUpH, targets, validation);
    }

    /** Drugs the engine doses; the others set sessions (placebos) or covariates (pretreatments). */
    static final Set<String> KETAMINES = Set.of("ketamine", "esketamine", "arketamine");
    static final Set<String> PLACEBOS = Set.of("midazolam", "saline");
    /** Drugs given before ketamine to change its action (they carry no ketamine and set covariates). */
    public static final Set<String> PRETREATMENTS = Set.of("rapamycin");
    static final int MAX_SUBJECTS = 10_000_000;

    /** An arm: a name and its doses. */
    public record Arm(String name, List<ArmDose> doses) {
    }

    /**
     * One dosing row of an arm.
     *
     * @param drug      ketamine, esketamine, arketamine, midazolam, saline or rapamycin
     * @param route     route (null for drugs the engine does not dose)
     * @param amount    amount per session, in mg or, if {@code perKg}, mg per kg
     * @param perKg     whether the amount scales with body weight
     * @param salt      how a ketamine amount is expressed
     * @param durationH infusion duration (h); 0 for a bolus
     * @param startsH   session starts (h from day 0, 00:00), offsets applied
     */
    public record ArmDose(String drug, Route route, double amount, boolean perKg, Salt salt, double durationH, List<Double> startsH) {
        boolean isKetamine() {
            return KETAMINES.contains(drug);
        }
    }

    /**
     * An endpoint.
     *
     * @param name      name in the result
     * @param kind      what it measures
     * @param scale     rating scale
     * @param atH       time of the rating (h from the first dose); NaN for relapse endpoints
     * @param threshold remission threshold on {@code scale}; NaN for the scale's default
     * @param afterDay  relapse endpoints: day from which responders are followed
     * @param among     relapse endpoints: "responders"
     * @param vs        comparison endpoints: the other arm's name
     */
    public record Endpoint(String name, EndpointKind kind, Scale scale, double atH, double threshold, double afterDay, String among,
                           String vs) {
    }

    /** Reads and checks a specification file. */
    public static TrialSpec read(Path file) throws SpecException {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new SpecException(file + ": cannot read: " + e.getMessage());
        }
        return parse(text, file.getFileName().toString());
    }

    /** Reads every {@code *.yaml} specification of a folder, in file-name order. */
    public static List<TrialSpec> readFolder(Path folder) throws SpecException {
        if (!Files.isDirectory(folder)) {
            throw new SpecException(folder + ": no such folder");
        }
        List<Path> files = new ArrayList<>();
        try (java.nio.file.DirectoryStream<Path> ds = Files.newDirectoryStream(folder, "*.yaml")) {
            ds.forEach(files::add);
        } catch (IOException e) {
            throw new SpecException(folder + ": cannot list: " + e.getMessage());
        }
        files.sort(null);
        List<TrialSpec> specs = new ArrayList<>();
        for (Path f : files) {
            specs.add(read(f));
        }
        return specs;
    }

    /** Parses and checks a specification given as YAML text. */
    public static TrialSpec parse(String yaml, String sourceName) throws SpecException {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(yaml);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new SpecException(sourceName + ": not valid YAML" + where + ": " + e.getOriginalMessage());
        }
        try {
            return new Reader(sourceName).trial(root);
        } catch (IllegalArgumentException e) {
            throw new SpecException(sourceName + ": " + e.getMessage());
        }
    }

    /** Walks the YAML tree, knowing where it is for error messages. */
    private static final class Reader {
        private static final Pattern QUANTITY = Pattern.compile("\\s*([-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?)\\s*(.*?)\\s*");
        private final String source;

        Reader(String source) {
            this.source = source;
        }

        TrialSpec trial(JsonNode root) {
            if (root == null || !root.isObject()) {
                throw new IllegalArgumentException("expected a mapping with name, seed, subjects_per_arm, population, arms and endpoints");
            }
            only(root, "", "name", "seed", "subjects_per_arm", "population", "blinding", "arms", "endpoints", "follow_up", "targets", "validation");
            String name = text(root, "", "name", null);
            long seed = root.has("seed") ? integer(root.get("seed"), "seed", Long.MIN_VALUE, Long.MAX_VALUE) : 1L;
            int n = (int) integer(required(root, "", "subjects_per_arm"), "subjects_per_arm", 1, MAX_SUBJECTS);
            PopulationSpec population = population(required(root, "", "population"));
            Blinding blinding = root.has("blinding") ? at("blinding", () -> Blinding.parse(root.get("blinding").asText())) : Blinding.OPEN_LABEL;
            JsonNode armsNode = required(root, "", "arms");
            if (!armsNode.isArray() || armsNode.isEmpty()) {
                throw new IllegalArgumentException("arms: expected a list of arms, each with a name and doses");
            }
            List<Arm> arms = new ArrayList<>();
            Set<String> armNames = new HashSet<>();
            for (int i = 0; i < armsNode.size(); i++) {
                Arm arm = arm(armsNode.get(i), "arms[" + i + "]");
                if (!armNames.add(arm.name())) {
                    throw new IllegalArgumentException("arms[" + i + "].name: '" + arm.name() + "' is used twice");
                }
                arms.add(arm);
            }
            double firstDose = arms.stream().flatMap(a -> a.doses().stream()).filter(d -> !PRETREATMENTS.contains(d.drug()))
                    .flatMap(d -> d.startsH().stream()).mapToDouble(Double::doubleValue).min().orElse(0);
            JsonNode epNode = required(root, "", "endpoints");
            if (!epNode.isArray() || epNode.isEmpty()) {
                throw new IllegalArgumentException("endpoints: expected a list of endpoints");
            }
            List<Endpoint> endpoints = new ArrayList<>();
            Set<String> epNames = new HashSet<>();
            double lastH = 0;
            for (int i = 0; i < epNode.size(); i++) {
                Endpoint e = endpoint(epNode.get(i), "endpoints[" + i + "]", armNames);
                if (!epNames.add(e.name())) {
                    throw new IllegalArgumentException("endpoints[" + i + "].name: '" + e.name() + "' is used twice");
                }
                endpoints.add(e);
                lastH = Math.max(lastH, e.kind().isRelapse() ? e.afterDay() * 24 + 1 : e.atH());
            }
            double followUp = root.has("follow_up") ? duration(root.get("follow_up"), "follow_up") : Double.NaN;
            boolean relapse = endpoints.stream().anyMatch(e -> e.kind().isRelapse());
            double needed = firstDose + lastH + (relapse ? 84 * 24 : 0);
            if (Double.isNaN(followUp)) {
                followUp = needed;
            } else if (followUp + firstDose < firstDose + lastH) {
                throw new IllegalArgumentException("follow_up: ends before the last endpoint (" + lastH / 24 + " d)");
            } else {
                followUp = firstDose + followUp;
            }
            List<Target> targets = new ArrayList<>();
            if (root.has("targets")) {
                JsonNode tn = root.get("targets");
                if (!tn.isArray()) {
                    throw new IllegalArgumentException("targets: expected a list of {endpoint, arm, id}");
                }
                for (int i = 0; i < tn.size(); i++) {
                    String path = "targets[" + i + "]";
                    JsonNode t = tn.get(i);
                    only(t, path, "endpoint", "arm", "id");
                    String ep = text(t, path, "endpoint", null);
                    String arm = text(t, path, "arm", null);
                    if (!epNames.contains(ep)) {
                        throw new IllegalArgumentException(path + ".endpoint: no endpoint named '" + ep + "'");
                    }
                    if (!armNames.contains(arm)) {
                        throw new IllegalArgumentException(path + ".arm: no arm named '" + arm + "'");
                    }
                    targets.add(new Target(ep, arm, text(t, path, "id", null)));
                }
            }
            List<Validation> validation = new ArrayList<>();
            if (root.has("validation")) {
                JsonNode vn = root.get("validation");
                if (!vn.isArray()) {
                    throw new IllegalArgumentException("validation: expected a list of {endpoint, arm, value, source}");
                }
                for (int i = 0; i < vn.size(); i++) {
                    String path = "validation[" + i + "]";
                    JsonNode v = vn.get(i);
                    only(v, path, "endpoint", "arm", "value", "source");
                    String ep = text(v, path, "endpoint", null);
                    String arm = text(v, path, "arm", null);
                    if (!epNames.contains(ep)) {
                        throw new IllegalArgumentException(path + ".endpoint: no endpoint named '" + ep + "'");
                    }
                    if (!armNames.contains(arm)) {
                        throw new IllegalArgumentException(path + ".arm: no arm named '" + arm + "'");
                    }
                    JsonNode value = v.get("value");
                    if (value == null || !value.isNumber()) {
                        throw new IllegalArgumentException(path + ".value: expected the published number, got " + (value == null ? "nothing" : value));
                    }
                    validation.add(new Validation(ep, arm, value.asDouble(), text(v, path, "source", null)));
                }
            }
            return new TrialSpec(name, seed, n, population, blinding, List.copyOf(arms), List.copyOf(endpoints), followUp, List.copyOf(targets),
                    List.copyOf(validation));
        }

        PopulationSpec population(JsonNode node) {
            only(node, "population", "preset", "baseline", "covariates", "variability");
            String preset = text(node, "population", "preset", null);
            PopulationSpec spec = at("population.preset", () -> PopulationSpec.preset(preset));
            if (node.has("baseline")) {
                JsonNode b = node.get("baseline");
                only(b, "population.baseline", "scale", "min", "max");
                Scale scale = at("population.baseline.scale", () -> Scale.parse(text(b, "population.baseline", "scale", "MADRS")));
                double min = b.has("min") ? number(b.get("min"), "population.baseline.min") : scale.min();
                double max = b.has("max") ? number(b.get("max"), "population.baseline.max") : scale.max();
                if (min > max) {
                    throw new IllegalArgumentException("population.baseline: min " + min + " is above max " + max);
                }
                PopulationSpec s = spec;
                spec = at("population.baseline", () -> s.withBaselineRange(scale, min, max));
            }
            if (node.has("covariates")) {
                Iterator<Map.Entry<String, JsonNode>> it = node.get("covariates").fields();
                while (it.hasNext()) {
                    Map.Entry<String, JsonNode> c = it.next();
                    String path = "population.covariates." + c.getKey();
                    Distribution d = distribution(c.getValue(), path);
                    PopulationSpec s = spec;
                    spec = at(path, () -> s.withCovariate(c.getKey(), d));
                }
            }
            if (node.has("variability")) {
                Iterator<Map.Entry<String, JsonNode>> it = node.get("variability").fields();
                while (it.hasNext()) {
                    Map.Entry<String, JsonNode> c = it.next();
                    String path = "population.variability." + c.getKey();
                    double cv = percent(c.getValue(), path);
                    PopulationSpec s = spec;
                    spec = at(path, () -> s.withParameterVariability(c.getKey(), cv));
                }
            }
            return spec;
        }

        Distribution distribution(JsonNode node, String path) {
            if (node.isNumber() || node.isBoolean()) {
                return Distribution.fixed(node.isBoolean() ? (node.asBoolean() ? 1 : 0) : node.asDouble());
            }
            if (node.isObject()) {
                only(node, path, "mean", "sd", "min", "max", "median", "cv", "p");
                double lo = node.has("min") ? number(node.get("min"), path + ".min") : Double.NEGATIVE_INFINITY;
                double hi = node.has("max") ? number(node.get("max"), path + ".max") : Double.POSITIVE_INFINITY;
                if (node.has("p")) {
                    double p = number(node.get("p"), path + ".p");
                    if (p < 0 || p > 1) {
                        throw new IllegalArgumentException(path + ".p: expected a probability in [0, 1], got " + p);
                    }
                    return Distribution.bernoulli(p);
                }
                if (node.has("mean")) {
                    double sd = node.has("sd") ? number(node.get("sd"), path + ".sd") : 0;
                    if (sd < 0) {
                        throw new IllegalArgumentException(path + ".sd: must not be negative");
                    }
                    return Distribution.normal(number(node.get("mean"), path + ".mean"), sd, lo, hi);
                }
                if (node.has("median")) {
                    return Distribution.logNormal(number(node.get("median"), path + ".median"),
                            node.has("cv") ? percent(node.get("cv"), path + ".cv") : 0, lo, hi);
                }
                if (node.has("min") && node.has("max")) {
                    return Distribution.uniform(lo, hi);
                }
            }
            throw new IllegalArgumentException(path + ": expected a number, or {mean, sd[, min, max]}, {median, cv}, {min, max} or {p}");
        }

        Arm arm(JsonNode node, String path) {
            only(node, path, "name", "doses");
            String name = text(node, path, "name", null);
            JsonNode doses = required(node, path, "doses");
            if (!doses.isArray() || doses.isEmpty()) {
                throw new IllegalArgumentException(path + ".doses: expected a list of doses");
            }
            List<ArmDose> list = new ArrayList<>();
            for (int i = 0; i < doses.size(); i++) {
                list.add(dose(doses.get(i), path + ".doses[" + i + "]"));
            }
            return new Arm(name, List.copyOf(list));
        }

        ArmDose dose(JsonNode node, String path) {
            only(node, path, "drug", "route", "amount", "over", "on_days", "at", "offset", "salt");
            String drug = text(node, path, "drug", null).toLowerCase(Locale.ROOT);
            if (!KETAMINES.contains(drug) && !PLACEBOS.contains(drug) && !PRETREATMENTS.contains(drug)) {
                throw new IllegalArgumentException(path + ".drug: expected ketamine, esketamine, arketamine, midazolam, saline or rapamycin, got '" + drug + "'");
            }
            Route route = at(path + ".route", () -> Route.parse(text(node, path, "route", PRETREATMENTS.contains(drug) ? "oral" : "iv")));
            String amountText = text(node, path, "amount", drug.equals("saline") ? "0 mg" : null);
            Matcher m = QUANTITY.matcher(amountText);
            if (!m.matches()) {
                throw new IllegalArgumentException(path + ".amount: expected a dose such as '0.5 mg/kg' or '35 mg', got '" + amountText + "'");
            }
            double value = Double.parseDouble(m.group(1));
            String unitText = m.group(2).replace(" ", "");
            boolean perKg;
            double mg;
            try {
                Unit u = Unit.parse(unitText.isEmpty() ? "1" : unitText);
                if (u.dimension().equals(Unit.parse("mg").dimension())) {
                    perKg = false;
                    mg = u.toCanonical(value);
                } else if (u.dimension().isDimensionless() && unitText.contains("/")) {
                    perKg = true;
                    mg = u.toCanonical(value) * 1e6; // mg per kg
                } else {
                    throw new IllegalArgumentException("not a dose");
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(path + ".amount: expected a dose such as '0.5 mg/kg' or '35 mg', got '" + amountText + "'");
            }
            if (mg < 0 || (mg == 0 && !drug.equals("saline")) || (perKg ? mg > 15 : mg > 2000)) {
                throw new IllegalArgumentException(path + ".amount: '" + amountText + "' is not a plausible dose (0 < dose <= 15 mg/kg or 2000 mg)");
            }
            Salt salt = node.has("salt") ? at(path + ".salt", () -> parseSalt(node.get("salt").asText()))
                    : drug.equals("esketamine") ? Salt.BASE : Salt.HCL;
            double over = node.has("over") ? duration(node.get("over"), path + ".over") : 0;
            if (over < 0 || over > 24 * 14) {
                throw new IllegalArgumentException(path + ".over: expected a duration between 0 and 14 d, e.g. '40 min'");
            }
            List<Double> days = new ArrayList<>();
            JsonNode dn = node.has("on_days") ? node.get("on_days") : null;
            if (dn == null) {
                days.add(0.0);
            } else if (dn.isArray() && !dn.isEmpty()) {
                for (int i = 0; i < dn.size(); i++) {
                    double d = number(dn.get(i), path + ".on_days[" + i + "]");
                    if (d < 0 || d > 3650) {
                        throw new IllegalArgumentException(path + ".on_days[" + i + "]: expected a day between 0 and 3650, got " + d);
                    }
                    days.add(d);
                }
            } else {
                throw new IllegalArgumentException(path + ".on_days: expected a list of day numbers, e.g. [0, 2, 4]");
            }
            double clock = 0;
            if (node.has("at")) {
                try {
                    clock = LocalTime.parse(node.get("at").asText()).toSecondOfDay() / 3600.0;
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException(path + ".at: expected a clock time HH:MM, got '" + node.get("at").asText() + "'");
                }
            }
            double offset = node.has("offset") ? signedDuration(node.get("offset"), path + ".offset") : 0;
            List<Double> starts = new ArrayList<>();
            for (double d : days) {
                starts.add(d * 24 + clock + offset);
            }
            return new ArmDose(drug, route, perKg ? mg : mg, perKg, salt, over, List.copyOf(starts));
        }

        Endpoint endpoint(JsonNode node, String path, Set<String> arms) {
            only(node, path, "name", "kind", "scale", "at", "threshold", "after_day", "among", "vs");
            String name = text(node, path, "name", null);
            EndpointKind kind = at(path + ".kind", () -> EndpointKind.parse(text(node, path, "kind", null)));
            Scale scale = at(path + ".scale", () -> Scale.parse(text(node, path, "scale", "MADRS")));
            if (scale == Scale.CAPS5) {
                throw new IllegalArgumentException(path + ".scale: CAPS-5 is not modelled yet; use MADRS, HAM-D17, QIDS-SR16, PHQ-9, pain NRS or CADSS");
            }
            if ((scale == Scale.PAIN_NRS || scale == Scale.CADSS) && kind == EndpointKind.REMISSION_RATE && !node.has("threshold")) {
                throw new IllegalArgumentException(path + ".threshold: " + scale + " has no published remission threshold; give one");
            }
            double atH = Double.NaN;
            if (!kind.isRelapse()) {
                atH = duration(required(node, path, "at"), path + ".at");
            }
            double threshold = node.has("threshold") ? number(node.get("threshold"), path + ".threshold") : Double.NaN;
            if (!Double.isNaN(threshold) && (threshold < scale.min() || threshold > scale.max())) {
                throw new IllegalArgumentException(path + ".threshold: " + threshold + " is outside the " + scale + " range "
                        + scale.min() + "-" + scale.max());
            }
            double afterDay = Double.NaN;
            String among = null;
            if (kind.isRelapse()) {
                afterDay = number(required(node, path, "after_day"), path + ".after_day");
                among = text(node, path, "among", "responders");
                if (!among.equals("responders")) {
                    throw new IllegalArgumentException(path + ".among: only 'responders' is supported, got '" + among + "'");
                }
            }
            String vs = null;
            if (kind.needsVs()) {
                vs = text(node, path, "vs", null);
                if (!arms.contains(vs)) {
                    throw new IllegalArgumentException(path + ".vs: no arm named '" + vs + "'; arms are " + arms);
                }
            }
            return new Endpoint(name, kind, scale, atH, threshold, afterDay, among, vs);
        }

        // ---- small readers

        double duration(JsonNode node, String path) {
            double h = signedDuration(node, path);
            if (h < 0) {
                throw new IllegalArgumentException(path + ": must not be negative");
            }
            return h;
        }

        double signedDuration(JsonNode node, String path) {
            String text = node.asText();
            Matcher m = QUANTITY.matcher(text);
            String hint = path + ": expected a duration such as '40 min', '24 h' or '14 d', got '" + text + "'";
            if (!m.matches() || m.group(2).isEmpty()) {
                throw new IllegalArgumentException(hint);
            }
            try {
                Unit u = Unit.parse(m.group(2).replace(" ", ""));
                if (!u.dimension().equals(Unit.parse("h").dimension())) {
                    throw new IllegalArgumentException(hint);
                }
                return u.toCanonical(Double.parseDouble(m.group(1)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(hint);
            }
        }

        static Salt parseSalt(String s) {
            switch (s.toLowerCase(Locale.ROOT)) {
                case "hcl":
                    return Salt.HCL;
                case "base":
                    return Salt.BASE;
                default:
                    throw new IllegalArgumentException("expected hcl or base, got '" + s + "'");
            }
        }

        double percent(JsonNode node, String path) {
            String t = node.asText().trim();
            try {
                double v = t.endsWith("%") ? Double.parseDouble(t.substring(0, t.length() - 1)) / 100 : Double.parseDouble(t);
                if (v < 0 || v > 5) {
                    throw new NumberFormatException();
                }
                return v;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(path + ": expected a coefficient of variation such as 25% or 0.25, got '" + t + "'");
            }
        }

        static double number(JsonNode node, String path) {
            if (node == null || !node.isNumber()) {
                throw new IllegalArgumentException(path + ": expected a number, got '" + (node == null ? "nothing" : node.asText()) + "'");
            }
            double v = node.asDouble();
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException(path + ": expected a finite number");
            }
            return v;
        }

        static long integer(JsonNode node, String path, long min, long max) {
            if (node == null || !node.canConvertToLong() || !node.isIntegralNumber()) {
                throw new IllegalArgumentException(path + ": expected a whole number, got '" + (node == null ? "nothing" : node.asText()) + "'");
            }
            long v = node.asLong();
            if (v < min || v > max) {
                throw new IllegalArgumentException(path + ": expected " + min + " to " + max + ", got " + v);
            }
            return v;
        }

        static String text(JsonNode node, String path, String field, String dflt) {
            JsonNode v = node.get(field);
            if (v == null || v.isNull()) {
                if (dflt != null) {
                    return dflt;
                }
                throw new IllegalArgumentException(join(path, field) + ": required");
            }
            if (!v.isValueNode() || v.asText().isBlank()) {
                throw new IllegalArgumentException(join(path, field) + ": expected a text value");
            }
            return v.asText().trim();
        }

        static JsonNode required(JsonNode node, String path, String field) {
            JsonNode v = node.get(field);
            if (v == null || v.isNull()) {
                throw new IllegalArgumentException(join(path, field) + ": required");
            }
            return v;
        }

        static void only(JsonNode node, String path, String... fields) {
            if (!node.isObject()) {
                throw new IllegalArgumentException((path.isEmpty() ? "top level" : path) + ": expected a mapping");
            }
            Set<String> allowed = Set.of(fields);
            Iterator<String> it = node.fieldNames();
            while (it.hasNext()) {
                String f = it.next();
                if (!allowed.contains(f)) {
                    throw new IllegalArgumentException(join(path, f) + ": unknown field; expected one of " + String.join(", ", fields));
                }
            }
        }

        static String join(String path, String field) {
            return path.isEmpty() ? field : path + "." + field;
        }

        static <T> T at(String path, java.util.function.Supplier<T> f) {
            try {
                return f.get();
            } catch (IllegalArgumentException e) {
                String msg = e.getMessage();
                throw new IllegalArgumentException(msg != null && msg.startsWith(path) ? msg : path + ": " + msg);
            }
        }
    }
}

package org.ketasim.cli;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.ketasim.engine.dosing.Dose;
import org.ketasim.engine.dosing.Drug;
import org.ketasim.engine.dosing.Regimen;
import org.ketasim.engine.dosing.Route;
import org.ketasim.engine.dosing.Salt;

import picocli.CommandLine.Option;

/**
 * The patient and the course of doses, as typed on the command line; shared by {@code simulate} and
 * {@code demo}. Validation happens here, at the edge, so the engine only ever sees canonical values.
 */
final class CourseOptions {

    /** Plausible adult range for the weight-based model (allometry was fitted on 10-150 kg). */
    static final double MIN_WEIGHT_KG = 20;
    static final double MAX_WEIGHT_KG = 300;
    /** Above anaesthetic induction doses (1-4.5 mg/kg IV): surely a typing error. */
    static final double MAX_DOSE_MG_PER_KG = 15;
    static final double MAX_DOSE_MG = 2000;

    @Option(names = "--weight", paramLabel = "KG", description = "Body weight in kg (20-300; default ${DEFAULT-VALUE}).", defaultValue = "70")
    String weight = "70";

    @Option(names = "--drug", description = "ketamine (racemic), esketamine or arketamine (default ${DEFAULT-VALUE}).", defaultValue = "ketamine")
    String drug = "ketamine";

    @Option(names = "--route", description = "iv, im, sc, intranasal, oral or sublingual (default ${DEFAULT-VALUE}).", defaultValue = "iv")
    String route = "iv";

    @Option(names = "--dose", paramLabel = "AMOUNT", description = "Dose per session, e.g. 0.5mg/kg or 35mg (default 0.5mg/kg, unless --rate and --over give it).")
    String dose;

    @Option(names = "--rate", paramLabel = "RATE", description = "Infusion rate, e.g. 0.75mg/kg/h or 52.5mg/h; with --over it gives the dose, with --dose the duration.")
    String rate;

    @Option(names = "--salt", description = "How the dose is expressed: hcl (ketamine hydrochloride, the usual clinical convention for racemic ketamine and arketamine) or base (the convention for esketamine/Spravato). Default: by drug.")
    String salt;

    @Option(names = "--over", paramLabel = "DURATION", description = "Infusion duration, e.g. 40min; 0 for a bolus (default ${DEFAULT-VALUE} for iv, 0 otherwise).")
    String over;

    @Option(names = "--days", split = ",", paramLabel = "DAY", description = "Days of the sessions, e.g. 0,2,4,7,9,11 (default ${DEFAULT-VALUE}).", defaultValue = "0")
    List<String> days = new ArrayList<>(List.of("0"));

    @Option(names = "--at", paramLabel = "HH:MM", description = "Clock time of each session on its day (default ${DEFAULT-VALUE}); time 0 is day 0, 00:00.", defaultValue = "00:00")
    String at = "00:00";

    @Option(names = "--set", paramLabel = "NAME=VALUE", description = "Override a model parameter or covariate, in the unit of the model file (see 'ketasim params').")
    Map<String, String> sets = new LinkedHashMap<>();

    double weightKg() {
        double w;
        try {
            w = Double.parseDouble(weight.trim().replaceAll("(?i)\\s*kg$", ""));
        } catch (NumberFormatException e) {
            throw new UserInputException("--weight '" + weight + "' is not a number of kilograms (for example --weight 70)");
        }
        if (!Double.isFinite(w) || w < MIN_WEIGHT_KG || w > MAX_WEIGHT_KG) {
            throw new UserInputException("--weight " + weight + " kg is outside 20-300 kg; give the patient's weight in kg");
        }
        return w;
    }

    Drug drug() {
        return Drug.parse(drug);
    }

    Route route() {
        return Route.parse(route);
    }

    Salt salt(Drug d) {
        if (salt == null) {
            return d == Drug.ESKETAMINE ? Salt.BASE : Salt.HCL;
        }
        switch (salt.toLowerCase(Locale.ROOT)) {
            case "hcl":
            case "hydrochloride":
                return Salt.HCL;
            case "base":
                return Salt.BASE;
            default:
                throw new UserInputException("--salt '" + salt + "' is not known; use hcl or base");
        }
    }

    /** Dose per session in mg of the form given (salt or base), checked for plausibility. */
    double doseMg(double weightKg) {
        if (dose == null && rate != null && over != null) {
            return plausible(rateMgPerH(weightKg) * durationH(route()), weightKg, "--rate x --over");
        }
        String text = dose == null ? "0.5mg/kg" : dose;
        Quantities.Quantity q = Quantities.parse("--dose", text);
        double mg;
        if (Quantities.isMass(q.unit())) {
            mg = q.canonical();
        } else if (Quantities.isMassPerMass(q.unit())) {
            mg = q.canonical() * weightKg * 1e6; // ratio (mg/mg) x body weight in mg
        } else {
            throw new UserInputException("--dose '" + text + "' needs a unit of mass or mass per body weight (for example 0.5mg/kg or 35mg)");
        }
        return plausible(mg, weightKg, "--dose '" + text + "'");
    }

    private static double plausible(double mg, double weightKg, String what) {
        if (!(mg > 0)) {
            throw new UserInputException(what + " must be positive");
        }
        if (mg > MAX_DOSE_MG || mg / weightKg > MAX_DOSE_MG_PER_KG) {
            throw new UserInputException(String.format(Locale.ROOT,
                    "%s (%.4g mg for %.0f kg) is implausible: above %.0f mg/kg or %.0f mg per session", what, mg, weightKg,
                    MAX_DOSE_MG_PER_KG, MAX_DOSE_MG));
        }
        return mg;
    }

    /** The --rate in mg/h (of the form given, salt or base). */
    double rateMgPerH(double weightKg) {
        Quantities.Quantity q = Quantities.parse("--rate", rate);
        double perH;
        if (q.unit().dimension().equals(org.ketasim.units.Unit.parse("mg/h").dimension())) {
            perH = q.canonical();
        } else if (q.unit().dimension().equals(org.ketasim.units.Unit.parse("1/h").dimension()) && q.unit().symbol().contains("/kg")) {
            perH = q.canonical() * weightKg * 1e6;
        } else {
            throw new UserInputException("--rate '" + rate + "' needs a unit of mass per time, e.g. 52.5mg/h or 0.75mg/kg/h");
        }
        if (!(perH > 0)) {
            throw new UserInputException("--rate '" + rate + "' must be positive");
        }
        return perH;
    }

    double durationH(Route r) {
        if (over == null && rate != null) {
            if (dose == null) {
                throw new UserInputException("--rate needs --over (the duration) or --dose (the amount)");
            }
            return doseMg(weightKg()) / rateMgPerH(weightKg());
        }
        String text = over != null ? over : (r == Route.IV ? "40min" : "0min");
        double h = Quantities.hours("--over", text, "min");
        if (h < 0) {
            throw new UserInputException("--over '" + text + "' must not be negative");
        }
        if (h > 24 * 7) {
            throw new UserInputException("--over '" + text + "' is longer than a week; give the infusion duration, e.g. 40min");
        }
        return h;
    }

    double clockH() {
        try {
            LocalTime t = LocalTime.parse(at.length() == 4 ? "0" + at : at);
            return t.toSecondOfDay() / 3600.0;
        } catch (DateTimeParseException e) {
            throw new UserInputException("--at '" + at + "' is not a clock time; use HH:MM, e.g. 09:00");
        }
    }

    List<Double> sessionDays() {
        List<Double> out = new ArrayList<>();
        for (String d : days) {
            double v;
            try {
                v = Double.parseDouble(d.trim());
            } catch (NumberFormatException e) {
                throw new UserInputException("--days '" + d + "' is not a day number; use e.g. --days 0,2,4,7,9,11");
            }
            if (!Double.isFinite(v) || v < 0 || v > 3650) {
                throw new UserInputException("--days " + d + " is outside 0-3650");
            }
            out.add(v);
        }
        return out;
    }

    /** The regimen described by these options. */
    Regimen regimen(double weightKg) {
        Drug d = drug();
        Route r = route();
        double baseMg = salt(d).toBaseMg(doseMg(weightKg));
        double durationH = durationH(r);
        if (rate != null && dose != null && over != null
                && Math.abs(rateMgPerH(weightKg) * durationH - doseMg(weightKg)) > 0.01 * doseMg(weightKg)) {
            throw new UserInputException("--dose, --rate and --over disagree (rate x duration is not the dose); give two of the three");
        }
        List<Dose> doses = new ArrayList<>();
        for (double day : sessionDays()) {
            doses.add(new Dose(d, r, baseMg, day * 24 + clockH(), durationH));
        }
        return Regimen.of(doses);
    }

    /** A short human description, e.g. "ketamine iv 0.5mg/kg over 40 min on days 0,2,4". */
    String describe() {
        Route r = route();
        double h = durationH(r);
        return drug + " " + route + " " + (dose != null ? dose : rate != null ? rate + " x " + over : "0.5mg/kg") + (h > 0 ? String.format(Locale.ROOT, " over %.0f min", h * 60) : " (bolus)")
                + " on day" + (days.size() > 1 ? "s " : " ") + String.join(",", days) + " at " + at;
    }
}

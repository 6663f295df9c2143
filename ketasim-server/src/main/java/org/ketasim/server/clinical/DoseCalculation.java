package org.ketasim.server.clinical;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The numbers a nurse needs to draw up and run an infusion.
 *
 * <p>The dose is racemic ketamine hydrochloride (the clinical convention: "0.5 mg/kg ketamine HCl"). The drug
 * volume is drawn from a vial of the given concentration and added to a bag of diluent (commonly 100 mL of
 * sodium chloride 0.9 %); the pump runs the whole volume over the infusion time. With a bag volume of 0 the
 * drug runs undiluted from a syringe driver.
 *
 * @param weightKg           body weight used (kg)
 * @param doseMgPerKg        prescribed dose (mg/kg)
 * @param doseMg             dose (mg), rounded to 0.1 mg
 * @param vialMgPerMl        vial concentration (mg/mL)
 * @param drugVolumeMl       volume drawn from the vial (mL), to 0.01 mL
 * @param bagVolumeMl        diluent volume (mL)
 * @param totalVolumeMl      volume the pump delivers (mL)
 * @param durationMin        infusion time (min)
 * @param pumpRateMlPerH     pump rate (mL/h), to 0.1 mL/h
 * @param doseRateMgPerKgPerH dose rate (mg/kg/h)
 * @param warnings           anything a second checker should look at twice
 */
public record DoseCalculation(double weightKg, double doseMgPerKg, double doseMg, double vialMgPerMl, double drugVolumeMl,
                              double bagVolumeMl, double totalVolumeMl, int durationMin, double pumpRateMlPerH,
                              double doseRateMgPerKgPerH, List<String> warnings) {

    /** Vial strengths of ketamine HCl on the market (mg/mL). */
    public static final List<Double> VIAL_STRENGTHS_MG_PER_ML = List.of(10.0, 50.0, 100.0);

    /** Computes the infusion, rejecting values outside what a sub-anaesthetic protocol can mean. */
    public static DoseCalculation of(double weightKg, double doseMgPerKg, double vialMgPerMl, double bagVolumeMl, int durationMin) {
        check("weight_kg", weightKg, 30, 250);
        check("dose_mg_per_kg", doseMgPerKg, 0.05, 1.5);
        check("vial_mg_per_ml", vialMgPerMl, 1, 100);
        check("bag_volume_ml", bagVolumeMl, 0, 1000);
        check("duration_min", durationMin, 10, 240);
        double doseMg = Math.round(weightKg * doseMgPerKg * 10) / 10.0;
        double drugMl = Math.round(doseMg / vialMgPerMl * 100) / 100.0;
        double totalMl = Math.round((drugMl + bagVolumeMl) * 100) / 100.0;
        double rate = Math.round(totalMl / (durationMin / 60.0) * 10) / 10.0;
        List<String> warnings = new ArrayList<>();
        if (doseMgPerKg > 1.0) {
            warnings.add(String.format(Locale.ROOT, "%.2f mg/kg is above the usual 0.5-1.0 mg/kg range", doseMgPerKg));
        }
        if (doseMg > 150) {
            warnings.add(String.format(Locale.ROOT, "%.1f mg is a large absolute dose; check the weight", doseMg));
        }
        if (!VIAL_STRENGTHS_MG_PER_ML.contains(vialMgPerMl)) {
            warnings.add("vial strength " + vialMgPerMl + " mg/mL is not one of 10, 50 or 100 mg/mL");
        }
        if (drugMl < 0.5) {
            warnings.add(String.format(Locale.ROOT, "%.2f mL is hard to draw up accurately; use a weaker vial", drugMl));
        }
        return new DoseCalculation(weightKg, doseMgPerKg, doseMg, vialMgPerMl, drugMl, bagVolumeMl, totalMl, durationMin, rate,
                doseMgPerKg * 60.0 / durationMin, List.copyOf(warnings));
    }

    private static void check(String name, double v, double lo, double hi) {
        if (!Double.isFinite(v) || v < lo || v > hi) {
            throw new InvalidInput(String.format(Locale.ROOT, "%s must be between %s and %s, got %s", name, fmt(lo), fmt(hi), fmt(v)));
        }
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}

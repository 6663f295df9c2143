package org.ketasim.engine.dosing;

import java.util.Locale;

/**
 * One administration: an amount of a drug, by a route, starting at a time, given at once or over a
 * duration.
 *
 * <p>A dose with {@code durationH == 0} is a bolus: the whole amount enters the model's target states at
 * {@code startH}. A dose with {@code durationH > 0} is a zero-order input (an infusion): the amount enters
 * at the constant rate {@code amountMg / durationH} from {@code startH} to {@link #endH()}, split over the
 * same targets and fractions as a bolus of that route would be. Any route may be given over a duration
 * (an IV or SC infusion, but also a series of nasal sprays or a slow oral intake approximated as
 * zero-order); the model decides what the route's targets are.
 *
 * <p>Amounts are always milligrams of ketamine <em>base</em>; use {@link Salt#toBaseMg(double)} to
 * convert a hydrochloride dose.
 *
 * @param drug      the administered product (racemate or an enantiomer)
 * @param route     how it is given
 * @param amountMg  amount of ketamine base (mg), finite and &gt; 0
 * @param startH    start of administration (h from day 0, 00:00), finite and &ge; 0
 * @param durationH length of the administration (h), finite and &ge; 0; 0 means a bolus
 */
public record Dose(Drug drug, Route route, double amountMg, double startH, double durationH)
        implements Comparable<Dose> {

    /**
     * Checks the values.
     *
     * @param drug      the administered product (racemate or an enantiomer)
     * @param route     how it is given
     * @param amountMg  amount of ketamine base (mg), finite and &gt; 0
     * @param startH    start of administration (h from day 0, 00:00), finite and &ge; 0
     * @param durationH length of the administration (h), finite and &ge; 0; 0 means a bolus
     * @throws IllegalArgumentException with a one-line message naming the bad value
     */
    public Dose {
        if (drug == null) {
            throw new IllegalArgumentException("dose drug is missing");
        }
        if (route == null) {
            throw new IllegalArgumentException("dose route is missing");
        }
        if (!(amountMg > 0) || !Double.isFinite(amountMg)) {
            throw new IllegalArgumentException("dose amount must be a positive finite number of mg, got " + amountMg);
        }
        if (!(startH >= 0) || !Double.isFinite(startH)) {
            throw new IllegalArgumentException("dose start must be a finite time >= 0 h, got " + startH);
        }
        if (!(durationH >= 0) || !Double.isFinite(durationH)) {
            throw new IllegalArgumentException("dose duration must be a finite time >= 0 h (0 = bolus), got " + durationH);
        }
    }

    /**
     * A bolus (instantaneous) dose.
     *
     * @param drug     the administered product
     * @param route    how it is given
     * @param amountMg amount of ketamine base (mg)
     * @param startH   time of administration (h from day 0, 00:00)
     * @return the dose
     */
    public static Dose bolus(final Drug drug, final Route route, final double amountMg, final double startH) {
        return new Dose(drug, route, amountMg, startH, 0.0);
    }

    /**
     * A zero-order (constant-rate) dose.
     *
     * @param drug      the administered product
     * @param route     how it is given
     * @param amountMg  total amount of ketamine base (mg)
     * @param startH    start of the infusion (h from day 0, 00:00)
     * @param durationH length of the infusion (h), &gt; 0
     * @return the dose
     * @throws IllegalArgumentException if {@code durationH} is not &gt; 0
     */
    public static Dose infusion(final Drug drug, final Route route, final double amountMg,
                                final double startH, final double durationH) {
        if (!(durationH > 0)) {
            throw new IllegalArgumentException("infusion duration must be > 0 h, got " + durationH);
        }
        return new Dose(drug, route, amountMg, startH, durationH);
    }

    /**
     * Whether the dose is given over a duration.
     *
     * @return true for a zero-order input, false for a bolus
     */
    public boolean isInfusion() {
        return durationH > 0;
    }

    /**
     * End of administration; equals {@link #startH()} for a bolus.
     *
     * @return end time (h from day 0, 00:00)
     */
    public double endH() {
        return startH + durationH;
    }

    /**
     * Input rate while the dose runs.
     *
     * @return amountMg / durationH (mg/h), or +infinity for a bolus
     */
    public double rateMgPerH() {
        return durationH > 0 ? amountMg / durationH : Double.POSITIVE_INFINITY;
    }

    /**
     * The amount that has entered by a given time: all of a bolus at or after its start, the elapsed
     * share of an infusion.
     *
     * @param timeH time (h from day 0, 00:00)
     * @return administered base amount (mg), between 0 and {@link #amountMg()}
     */
    public double administeredMgBy(final double timeH) {
        if (timeH < startH) {
            return 0.0;
        }
        if (durationH == 0 || timeH >= endH()) {
            return amountMg;
        }
        return amountMg * ((timeH - startH) / durationH);
    }

    /**
     * The same dose moved to another start time.
     *
     * @param newStartH start (h from day 0, 00:00)
     * @return a new dose
     */
    public Dose at(final double newStartH) {
        return new Dose(drug, route, amountMg, newStartH, durationH);
    }

    /** Orders by start, then end, then drug, route and amount, so that a regimen's order is stable. */
    @Override
    public int compareTo(final Dose other) {
        int c = Double.compare(startH, other.startH);
        if (c == 0) {
            c = Double.compare(durationH, other.durationH);
        }
        if (c == 0) {
            c = drug.compareTo(other.drug);
        }
        if (c == 0) {
            c = route.compareTo(other.route);
        }
        if (c == 0) {
            c = Double.compare(amountMg, other.amountMg);
        }
        return c;
    }

    /** For example {@code "35 mg ketamine iv over 0.667 h at 9 h"}. */
    @Override
    public String toString() {
        final String amount = String.format(Locale.ROOT, "%.6g mg %s %s", amountMg, drug.displayName(), route.modelName());
        final String over = durationH > 0 ? String.format(Locale.ROOT, " over %.6g h", durationH) : "";
        return amount + over + String.format(Locale.ROOT, " at %.6g h", startH);
    }
}

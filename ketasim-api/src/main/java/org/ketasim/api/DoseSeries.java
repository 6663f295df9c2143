package org.ketasim.api;

import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;

import org.ketasim.engine.dosing.Dose;
import org.ketasim.engine.dosing.Drug;
import org.ketasim.engine.dosing.Route;
import org.ketasim.engine.dosing.Salt;

/**
 * The same dose of one drug by one route, given on several days: the way a clinic writes a schedule.
 * Start one with {@link Doses}.
 *
 * <p>The amount is either fixed ({@link #mg}) or per kilogram of body weight ({@link #mgPerKg}), and is
 * written as the clinic writes it: by default as the hydrochloride salt for racemic ketamine and
 * arketamine ("0.5 mg/kg ketamine hydrochloride") and as base for esketamine (the Spravato convention);
 * {@link #salt} overrides. {@link #resolve(OptionalDouble)} turns the series into the engine's
 * {@link Dose}s, which are always mg of ketamine base:
 *
 * <pre>
 *   base mg = salt.toBaseMg(mgPerKg × weightKg)      (or salt.toBaseMg(mg))
 *   start h = 24 × day + hour of day + k × interval   (k = 0 … count − 1)
 * </pre>
 *
 * <p>Each method returns a new series; instances are immutable and thread-safe. Every method checks its
 * argument at once and throws {@link IllegalArgumentException} with a one-line message.
 */
public final class DoseSeries {

    private final Drug drug;
    private final Route route;
    private final double amount;
    private final boolean perKg;
    private final Salt salt;
    private final double durationH;
    private final int[] days;
    private final double hourOfDay;
    private final double intervalH;
    private final int count;

    private DoseSeries(final Drug drug, final Route route, final double amount, final boolean perKg, final Salt salt,
                       final double durationH, final int[] days, final double hourOfDay, final double intervalH,
                       final int count) {
        this.drug = drug;
        this.route = route;
        this.amount = amount;
        this.perKg = perKg;
        this.salt = salt;
        this.durationH = durationH;
        this.days = days;
        this.hourOfDay = hourOfDay;
        this.intervalH = intervalH;
        this.count = count;
    }

    static DoseSeries start(final Drug drug, final Route route) {
        if (drug == null) {
            throw new IllegalArgumentException("drug is missing; use Drug.KETAMINE, Drug.ESKETAMINE or Drug.ARKETAMINE");
        }
        if (route == null) {
            throw new IllegalArgumentException("route is missing; use Doses.iv(...), Doses.intranasal(...), ...");
        }
        return new DoseSeries(drug, route, Double.NaN, false, null, 0, new int[] {0}, 0, 0, 1);
    }

    /**
     * A fixed amount per dose.
     *
     * @param mgPerDose amount of each dose (mg, of the form given by {@link #salt()}), finite and &gt; 0
     * @return a new series
     * @throws IllegalArgumentException if the amount is not a positive finite number
     */
    public DoseSeries mg(final double mgPerDose) {
        checkAmount(mgPerDose, "mg");
        return new DoseSeries(drug, route, mgPerDose, false, salt, durationH, days, hourOfDay, intervalH, count);
    }

    /**
     * An amount per kilogram of body weight, resolved against the patient's weight
     * ({@link Patient.Builder#weightKg}), which must then be given.
     *
     * @param mgPerKgPerDose amount of each dose (mg/kg, of the form given by {@link #salt()}), finite and &gt; 0
     * @return a new series
     * @throws IllegalArgumentException if the amount is not a positive finite number
     */
    public DoseSeries mgPerKg(final double mgPerKgPerDose) {
        checkAmount(mgPerKgPerDose, "mg/kg");
        return new DoseSeries(drug, route, mgPerKgPerDose, true, salt, durationH, days, hourOfDay, intervalH, count);
    }

    private static void checkAmount(final double v, final String unit) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException("dose amount must be a positive finite number of " + unit + ", got " + v);
        }
    }

    /**
     * How the amount is expressed: hydrochloride salt or base.
     *
     * @param form {@link Salt#HCL} or {@link Salt#BASE}
     * @return a new series
     * @throws IllegalArgumentException if {@code form} is null
     */
    public DoseSeries salt(final Salt form) {
        if (form == null) {
            throw new IllegalArgumentException("salt is missing; use Salt.HCL or Salt.BASE");
        }
        return new DoseSeries(drug, route, amount, perKg, form, durationH, days, hourOfDay, intervalH, count);
    }

    /**
     * Gives each dose over a duration (a zero-order infusion) instead of as a bolus.
     *
     * @param duration length of each administration, &ge; 0 and at most 7 days (zero means a bolus)
     * @return a new series
     * @throws IllegalArgumentException if the duration is null, negative or longer than 7 days
     */
    public DoseSeries over(final Duration duration) {
        if (duration == null || duration.isNegative() || duration.compareTo(Duration.ofDays(7)) > 0) {
            throw new IllegalArgumentException("infusion duration must be between 0 and 7 days (0 = bolus), got " + duration);
        }
        return new DoseSeries(drug, route, amount, perKg, salt, hours(duration), days, hourOfDay, intervalH, count);
    }

    /**
     * Gives each dose at once (the default).
     *
     * @return a new series with no duration
     */
    public DoseSeries bolus() {
        return new DoseSeries(drug, route, amount, perKg, salt, 0, days, hourOfDay, intervalH, count);
    }

    /**
     * The treatment days (day 0 is the first; the default is day 0 only).
     *
     * @param dayNumbers one or more day numbers, each 0 to 3650
     * @return a new series
     * @throws IllegalArgumentException if no day is given or a day is outside 0-3650
     */
    public DoseSeries onDays(final int... dayNumbers) {
        if (dayNumbers == null || dayNumbers.length == 0) {
            throw new IllegalArgumentException("a dose series needs at least one day, e.g. onDays(0, 2, 4)");
        }
        for (final int d : dayNumbers) {
            if (d < 0 || d > 3650) {
                throw new IllegalArgumentException("treatment day " + d + " is outside 0-3650 (day 0 is the first)");
            }
        }
        return new DoseSeries(drug, route, amount, perKg, salt, durationH, dayNumbers.clone(), hourOfDay, intervalH, count);
    }

    /**
     * The clock time of the (first) dose on each day (the default is 00:00; time 0 is day 0, 00:00).
     *
     * @param timeOfDay clock time
     * @return a new series
     * @throws IllegalArgumentException if {@code timeOfDay} is null
     */
    public DoseSeries at(final LocalTime timeOfDay) {
        if (timeOfDay == null) {
            throw new IllegalArgumentException("time of day is missing, e.g. at(LocalTime.of(9, 0))");
        }
        return new DoseSeries(drug, route, amount, perKg, salt, durationH, days, timeOfDay.toNanoOfDay() / 3.6e12, intervalH, count);
    }

    /**
     * Repeats the dose on each listed day at a fixed interval, starting at that day's {@link #at time}:
     * {@code every(Duration.ofHours(6), 4)} gives four doses six hours apart.
     *
     * @param interval time between starts, &gt; 0
     * @param dosesPerDay number of doses per listed day, &ge; 1
     * @return a new series
     * @throws IllegalArgumentException if the interval is null or not positive, or the count is below 1
     */
    public DoseSeries every(final Duration interval, final int dosesPerDay) {
        if (interval == null || interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("dosing interval must be > 0, got " + interval);
        }
        if (dosesPerDay < 1) {
            throw new IllegalArgumentException("number of doses per day must be >= 1, got " + dosesPerDay);
        }
        return new DoseSeries(drug, route, amount, perKg, salt, durationH, days, hourOfDay, hours(interval), dosesPerDay);
    }

    private static double hours(final Duration d) {
        return d.toNanos() / 3.6e12;
    }

    /**
     * The drug.
     *
     * @return racemic ketamine, esketamine or arketamine
     */
    public Drug drug() {
        return drug;
    }

    /**
     * The route.
     *
     * @return how each dose is given
     */
    public Route route() {
        return route;
    }

    /**
     * Whether the amount is per kilogram of body weight.
     *
     * @return true after {@link #mgPerKg}, false after {@link #mg}
     */
    public boolean perKg() {
        return perKg;
    }

    /**
     * The amount per dose as written.
     *
     * @return mg, or mg/kg when {@link #perKg()}; NaN before {@link #mg} or {@link #mgPerKg} was called
     */
    public double amount() {
        return amount;
    }

    /**
     * How the amount is expressed: as set, else by drug (base for esketamine, hydrochloride otherwise).
     *
     * @return the salt form
     */
    public Salt salt() {
        return salt != null ? salt : drug == Drug.ESKETAMINE ? Salt.BASE : Salt.HCL;
    }

    /**
     * Length of each administration.
     *
     * @return duration (h); 0 for a bolus
     */
    public double durationH() {
        return durationH;
    }

    /**
     * Start times of the doses, in the order of the days listed.
     *
     * @return a new array of start times (h from day 0, 00:00)
     */
    public double[] startsH() {
        final double[] s = new double[days.length * count];
        int i = 0;
        for (final int day : days) {
            for (int k = 0; k < count; k++) {
                s[i++] = 24.0 * day + hourOfDay + k * intervalH;
            }
        }
        return s;
    }

    /**
     * The engine's doses for a patient of the given weight.
     *
     * @param weightKg the patient's body weight (kg); needed only for mg/kg amounts
     * @return one dose per start time, amounts in mg of ketamine base
     * @throws IllegalArgumentException if no amount was set, or the amount is per kg and no weight is given
     */
    public List<Dose> resolve(final OptionalDouble weightKg) {
        if (Double.isNaN(amount)) {
            throw new IllegalArgumentException("the " + drug.displayName() + " " + route.modelName()
                    + " doses have no amount; call mg(...) or mgPerKg(...)");
        }
        final double mg;
        if (perKg) {
            if (weightKg == null || weightKg.isEmpty()) {
                throw new IllegalArgumentException("the " + drug.displayName() + " " + route.modelName() + " dose is "
                        + number(amount) + " mg/kg but the patient has no weight; set Patient.builder().weightKg(...)");
            }
            mg = amount * weightKg.getAsDouble();
        } else {
            mg = amount;
        }
        final double baseMg = salt().toBaseMg(mg);
        final List<Dose> out = new ArrayList<>();
        for (final double start : startsH()) {
            out.add(new Dose(drug, route, baseMg, start, durationH));
        }
        return out;
    }

    /** A number in at most six significant digits, without trailing zeros: 0.5, 35, 1.23457e+06. */
    static String number(final double v) {
        final String g = String.format(Locale.ROOT, "%.6g", v);
        return g.contains("e") ? g : new java.math.BigDecimal(g).stripTrailingZeros().toPlainString();
    }

    @Override
    public boolean equals(final Object o) {
        return o instanceof DoseSeries s && drug == s.drug && route == s.route && Double.compare(amount, s.amount) == 0
                && perKg == s.perKg && salt() == s.salt() && Double.compare(durationH, s.durationH) == 0
                && Arrays.equals(days, s.days) && Double.compare(hourOfDay, s.hourOfDay) == 0
                && Double.compare(intervalH, s.intervalH) == 0 && count == s.count;
    }

    @Override
    public int hashCode() {
        return Objects.hash(drug, route, amount, perKg, salt(), durationH, Arrays.hashCode(days), hourOfDay, intervalH, count);
    }

    /** For example {@code "ketamine iv 0.5 mg/kg (hcl) over 40 min on days 0,2,4 at 0 h"}. */
    @Override
    public String toString() {
        final StringBuilder s = new StringBuilder(drug.displayName()).append(' ').append(route.modelName()).append(' ');
        s.append(number(amount)).append(perKg ? " mg/kg (" : " mg (").append(salt().name().toLowerCase(Locale.ROOT)).append(')');
        s.append(durationH > 0 ? " over " + number(durationH * 60) + " min" : " bolus");
        s.append(days.length > 1 ? " on days " : " on day ");
        s.append(Arrays.stream(days).mapToObj(Integer::toString).reduce((a, b) -> a + "," + b).orElse(""));
        s.append(" at ").append(number(hourOfDay)).append(" h");
        if (count > 1) {
            s.append(", ").append(count).append(" times every ").append(number(intervalH)).append(" h");
        }
        return s.toString();
    }
}

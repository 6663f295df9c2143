package org.ketasim.engine.dosing;

import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An immutable, time-ordered list of doses: what a patient receives.
 *
 * <p>Build one from single doses ({@link #of(Dose...)}) or in the clinic's own words:
 *
 * <pre>{@code
 * Regimen sixInfusions = Regimen.builder()
 *     .dose(35, Drug.KETAMINE, Route.IV).overHours(40 / 60.0)
 *         .onDays(0, 2, 4, 7, 9, 11).at(LocalTime.of(9, 0))
 *     .build();
 *
 * Regimen spravatoInduction = Regimen.builder()
 *     .dose(56, Drug.ESKETAMINE, Route.INTRANASAL).onDays(0, 3, 7, 10).atHour(10)
 *     .dose(84, Drug.ESKETAMINE, Route.INTRANASAL).onDays(14, 17, 21, 24).atHour(10)
 *     .build();
 *
 * Regimen q6h = Regimen.builder()
 *     .dose(25, Drug.KETAMINE, Route.ORAL).atHour(8).every(6, 4)   // 08:00, 14:00, 20:00, 02:00
 *     .build();
 * }</pre>
 *
 * <p>All times are hours from day 0, 00:00; all amounts are mg of ketamine base. The regimen's
 * {@link #breakpoints()} (dose starts and infusion ends) are where the simulator splits the integration,
 * so no integrator step ever straddles a discontinuity of the dosing input.
 */
public final class Regimen implements Iterable<Dose> {

    private static final Regimen EMPTY = new Regimen(List.of());

    private final List<Dose> doses;
    private final double[] breakpoints;
    private final double totalMg;

    private Regimen(final List<Dose> sortedDoses) {
        this.doses = sortedDoses;
        final double[] times = new double[2 * sortedDoses.size()];
        int n = 0;
        double total = 0;
        for (final Dose dose : sortedDoses) {
            times[n++] = dose.startH();
            if (dose.isInfusion()) {
                times[n++] = dose.endH();
            }
            total += dose.amountMg();
        }
        Arrays.sort(times, 0, n);
        int unique = 0;
        for (int i = 0; i < n; i++) {
            if (unique == 0 || times[i] != times[unique - 1]) {
                times[unique++] = times[i];
            }
        }
        this.breakpoints = Arrays.copyOf(times, unique);
        this.totalMg = total;
    }

    /**
     * The regimen with no doses.
     *
     * @return the empty regimen
     */
    public static Regimen empty() {
        return EMPTY;
    }

    /**
     * A regimen of the given doses, in any order.
     *
     * @param doses the doses
     * @return the regimen, sorted by start time
     */
    public static Regimen of(final Dose... doses) {
        return of(Arrays.asList(doses));
    }

    /**
     * A regimen of the given doses, in any order.
     *
     * @param doses the doses
     * @return the regimen, sorted by start time
     */
    public static Regimen of(final Collection<Dose> doses) {
        final List<Dose> sorted = new ArrayList<>(doses.size());
        for (final Dose dose : doses) {
            if (dose == null) {
                throw new IllegalArgumentException("regimen contains a missing (null) dose");
            }
            sorted.add(dose);
        }
        Collections.sort(sorted);
        return sorted.isEmpty() ? EMPTY : new Regimen(Collections.unmodifiableList(sorted));
    }

    /**
     * Starts a builder for the clinic's way of writing a schedule.
     *
     * @return a new, empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The doses, sorted by start time (then by end time, drug, route and amount).
     *
     * @return an unmodifiable list
     */
    public List<Dose> doses() {
        return doses;
    }

    @Override
    public Iterator<Dose> iterator() {
        return doses.iterator();
    }

    /**
     * Number of doses.
     *
     * @return the count
     */
    public int size() {
        return doses.size();
    }

    /**
     * Whether the regimen has no doses.
     *
     * @return true if empty
     */
    public boolean isEmpty() {
        return doses.isEmpty();
    }

    /**
     * The times at which the dosing input changes: every dose start and every infusion end, sorted
     * ascending, without duplicates.
     *
     * @return a new array of times (h from day 0, 00:00)
     */
    public double[] breakpoints() {
        return breakpoints.clone();
    }

    /**
     * Sum of all doses.
     *
     * @return total base amount (mg)
     */
    public double totalMg() {
        return totalMg;
    }

    /**
     * The amount administered up to a time, counting the elapsed share of running infusions and, at a
     * bolus time, the bolus itself.
     *
     * @param timeH time (h from day 0, 00:00)
     * @return cumulative base amount (mg)
     */
    public double administeredMgBy(final double timeH) {
        double sum = 0;
        for (final Dose dose : doses) {
            if (dose.startH() > timeH) {
                break;
            }
            sum += dose.administeredMgBy(timeH);
        }
        return sum;
    }

    /**
     * This regimen with more doses.
     *
     * @param more doses to add
     * @return a new regimen
     */
    public Regimen plus(final Regimen more) {
        final List<Dose> all = new ArrayList<>(doses);
        all.addAll(more.doses);
        return of(all);
    }

    /**
     * This regimen with one more dose.
     *
     * @param dose dose to add
     * @return a new regimen
     */
    public Regimen plus(final Dose dose) {
        final List<Dose> all = new ArrayList<>(doses);
        all.add(dose);
        return of(all);
    }

    @Override
    public boolean equals(final Object other) {
        return other instanceof Regimen && ((Regimen) other).doses.equals(doses);
    }

    @Override
    public int hashCode() {
        return doses.hashCode();
    }

    @Override
    public String toString() {
        return doses.stream().map(Dose::toString).collect(Collectors.joining("; ", "Regimen[", "]"));
    }

    /**
     * Collects doses and dose series; {@link #build()} returns the regimen.
     *
     * <p>Not thread-safe; a builder is meant to be used by one caller and thrown away.
     */
    public static final class Builder {

        private final List<Dose> doses = new ArrayList<>();
        private Series pending;

        private Builder() {
        }

        /**
         * Adds one dose as it is.
         *
         * @param dose the dose
         * @return this builder
         */
        public Builder add(final Dose dose) {
            commit();
            if (dose == null) {
                throw new IllegalArgumentException("regimen contains a missing (null) dose");
            }
            doses.add(dose);
            return this;
        }

        /**
         * Adds doses as they are.
         *
         * @param more the doses
         * @return this builder
         */
        public Builder addAll(final Iterable<Dose> more) {
            for (final Dose dose : more) {
                add(dose);
            }
            return this;
        }

        /**
         * Starts a dose series: by default one bolus on day 0 at 00:00. Refine it with
         * {@link Series#overHours}, {@link Series#onDays}, {@link Series#at} and {@link Series#every}.
         *
         * @param amountMg amount of each dose (mg of ketamine base), &gt; 0
         * @param drug     the administered product
         * @param route    how it is given
         * @return the series, which adds itself to this builder when the next series starts or on build
         */
        public Series dose(final double amountMg, final Drug drug, final Route route) {
            commit();
            // Validate the amount, drug and route right away so that the error points at this call.
            new Dose(drug, route, amountMg, 0.0, 0.0);
            pending = new Series(this, amountMg, drug, route);
            return pending;
        }

        /**
         * The regimen of all doses added so far.
         *
         * @return the regimen
         */
        public Regimen build() {
            commit();
            return of(doses);
        }

        private void commit() {
            if (pending != null) {
                final Series series = pending;
                pending = null;
                series.expandInto(doses);
            }
        }
    }

    /**
     * A dose repeated on given days at a time of day, optionally several times a day at a fixed
     * interval: the way a clinic writes a schedule.
     *
     * <p>Start times are {@code 24 h × day + hourOfDay + k × intervalH} for every listed day and
     * {@code k = 0 … times − 1}.
     */
    public static final class Series {

        private final Builder builder;
        private final double amountMg;
        private final Drug drug;
        private final Route route;
        private double durationH;
        private int[] days = {0};
        private double hourOfDay;
        private double intervalH;
        private int times = 1;

        private Series(final Builder builder, final double amountMg, final Drug drug, final Route route) {
            this.builder = builder;
            this.amountMg = amountMg;
            this.drug = drug;
            this.route = route;
        }

        /**
         * Gives each dose over a duration (zero-order) instead of as a bolus.
         *
         * @param duration length of each administration (h), finite and &ge; 0 (0 = bolus)
         * @return this series
         */
        public Series overHours(final double duration) {
            if (!(duration >= 0) || !Double.isFinite(duration)) {
                throw new IllegalArgumentException("dose duration must be a finite time >= 0 h (0 = bolus), got " + duration);
            }
            this.durationH = duration;
            return this;
        }

        /**
         * Gives each dose over a duration (zero-order) instead of as a bolus.
         *
         * @param duration length of each administration
         * @return this series
         */
        public Series over(final Duration duration) {
            return overHours(duration.toNanos() / 3.6e12);
        }

        /**
         * The days on which the dose is given (day 0 is the first treatment day).
         *
         * @param dayNumbers day numbers, each &ge; 0
         * @return this series
         */
        public Series onDays(final int... dayNumbers) {
            if (dayNumbers.length == 0) {
                throw new IllegalArgumentException("a dose series needs at least one day");
            }
            for (final int day : dayNumbers) {
                if (day < 0) {
                    throw new IllegalArgumentException("treatment days must be >= 0 (day 0 is the first), got " + day);
                }
            }
            this.days = dayNumbers.clone();
            return this;
        }

        /**
         * The clock time of the (first) dose on each day.
         *
         * @param timeOfDay clock time
         * @return this series
         */
        public Series at(final LocalTime timeOfDay) {
            return atHour(timeOfDay.toNanoOfDay() / 3.6e12);
        }

        /**
         * The clock time of the (first) dose on each day.
         *
         * @param hour time of day (h after midnight), 0 &le; hour &lt; 24
         * @return this series
         */
        public Series atHour(final double hour) {
            if (!(hour >= 0 && hour < 24)) {
                throw new IllegalArgumentException("time of day must be in [0, 24) h, got " + hour);
            }
            this.hourOfDay = hour;
            return this;
        }

        /**
         * Repeats the dose at a fixed interval, starting at each day's time.
         *
         * @param interval time between starts (h), finite and &gt; 0
         * @param count    number of doses per listed day, &ge; 1
         * @return this series
         */
        public Series every(final double interval, final int count) {
            if (!(interval > 0) || !Double.isFinite(interval)) {
                throw new IllegalArgumentException("dosing interval must be a finite time > 0 h, got " + interval);
            }
            if (count < 1) {
                throw new IllegalArgumentException("number of repeated doses must be >= 1, got " + count);
            }
            this.intervalH = interval;
            this.times = count;
            return this;
        }

        /**
         * Ends this series and starts the next one.
         *
         * @param nextAmountMg amount of each dose (mg of ketamine base)
         * @param nextDrug     the administered product
         * @param nextRoute    how it is given
         * @return the new series
         * @see Builder#dose(double, Drug, Route)
         */
        public Series dose(final double nextAmountMg, final Drug nextDrug, final Route nextRoute) {
            return builder.dose(nextAmountMg, nextDrug, nextRoute);
        }

        /**
         * Ends this series and returns to the builder (to add single doses).
         *
         * @return the builder
         */
        public Builder and() {
            builder.commit();
            return builder;
        }

        /**
         * Ends this series and builds the regimen.
         *
         * @return the regimen
         */
        public Regimen build() {
            return builder.build();
        }

        private void expandInto(final List<Dose> out) {
            for (final int day : days) {
                for (int k = 0; k < times; k++) {
                    out.add(new Dose(drug, route, amountMg, 24.0 * day + hourOfDay + k * intervalH, durationH));
                }
            }
        }
    }
}

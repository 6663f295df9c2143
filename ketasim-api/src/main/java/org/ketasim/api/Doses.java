package org.ketasim.api;

import org.ketasim.engine.dosing.Drug;
import org.ketasim.engine.dosing.Route;

/**
 * Starts a {@link DoseSeries}: one drug by one route, refined with the amount, the duration and the days.
 *
 * <pre>{@code
 * DoseSeries sixInfusions = Doses.iv(Drug.KETAMINE).mgPerKg(0.5).over(Duration.ofMinutes(40))
 *         .onDays(0, 2, 4, 7, 9, 11);
 * DoseSeries spravato = Doses.intranasal(Drug.ESKETAMINE).mg(56).onDays(0, 3).at(LocalTime.of(10, 0));
 * }</pre>
 *
 * @see DoseSeries
 */
public final class Doses {

    private Doses() {
    }

    /**
     * Intravenous doses (bolus, or an infusion with {@link DoseSeries#over}).
     *
     * @param drug racemic ketamine, esketamine or arketamine
     * @return a series with no amount yet, on day 0 at 00:00
     * @throws IllegalArgumentException if {@code drug} is null
     */
    public static DoseSeries iv(final Drug drug) {
        return of(drug, Route.IV);
    }

    /**
     * Intramuscular injections.
     *
     * @param drug racemic ketamine, esketamine or arketamine
     * @return a series with no amount yet, on day 0 at 00:00
     * @throws IllegalArgumentException if {@code drug} is null
     */
    public static DoseSeries im(final Drug drug) {
        return of(drug, Route.IM);
    }

    /**
     * Subcutaneous injections or infusions.
     *
     * @param drug racemic ketamine, esketamine or arketamine
     * @return a series with no amount yet, on day 0 at 00:00
     * @throws IllegalArgumentException if {@code drug} is null
     */
    public static DoseSeries sc(final Drug drug) {
        return of(drug, Route.SC);
    }

    /**
     * Intranasal sprays (esketamine with the Spravato device sets the model's {@code SPRAVATO} covariate).
     *
     * @param drug racemic ketamine, esketamine or arketamine
     * @return a series with no amount yet, on day 0 at 00:00
     * @throws IllegalArgumentException if {@code drug} is null
     */
    public static DoseSeries intranasal(final Drug drug) {
        return of(drug, Route.INTRANASAL);
    }

    /**
     * Oral (swallowed) doses.
     *
     * @param drug racemic ketamine, esketamine or arketamine
     * @return a series with no amount yet, on day 0 at 00:00
     * @throws IllegalArgumentException if {@code drug} is null
     */
    public static DoseSeries oral(final Drug drug) {
        return of(drug, Route.ORAL);
    }

    /**
     * Sublingual or buccal doses.
     *
     * @param drug racemic ketamine, esketamine or arketamine
     * @return a series with no amount yet, on day 0 at 00:00
     * @throws IllegalArgumentException if {@code drug} is null
     */
    public static DoseSeries sublingual(final Drug drug) {
        return of(drug, Route.SUBLINGUAL);
    }

    /**
     * Doses of a drug by any route.
     *
     * @param drug  racemic ketamine, esketamine or arketamine
     * @param route how it is given
     * @return a series with no amount yet, on day 0 at 00:00
     * @throws IllegalArgumentException if {@code drug} or {@code route} is null
     */
    public static DoseSeries of(final Drug drug, final Route route) {
        return DoseSeries.start(drug, route);
    }
}

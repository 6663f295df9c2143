/**
 * What a patient receives: immutable values for routes, drugs, salts, doses and regimens.
 *
 * <ul>
 *   <li>{@link org.ketasim.engine.dosing.Route}: iv, im, sc, intranasal, oral, sublingual (the model's
 *       {@code [dosing]} keywords) with the usual aliases (intravenous, po, sl, nasal, …).</li>
 *   <li>{@link org.ketasim.engine.dosing.Drug}: racemic ketamine (50 % S, 50 % R), esketamine (S),
 *       arketamine (R).</li>
 *   <li>{@link org.ketasim.engine.dosing.Salt}: amounts are mg of ketamine base; convert hydrochloride
 *       doses with {@code Salt.HCL.toBaseMg(mg)} (× 237.73/274.19).</li>
 *   <li>{@link org.ketasim.engine.dosing.Dose}: drug, route, amount (mg base), start (h from day 0,
 *       00:00) and duration (h; 0 for a bolus, otherwise a zero-order input at amount/duration).</li>
 *   <li>{@link org.ketasim.engine.dosing.Regimen}: a sorted list of doses, built from single doses or in
 *       the clinic's words: {@code .dose(35, KETAMINE, IV).overHours(2/3.0).onDays(0, 2, 4).at(9:00)},
 *       {@code .every(6, 4)}. Its {@code breakpoints()} are where the simulator splits the
 *       integration.</li>
 * </ul>
 *
 * <p>Invalid values (a negative or NaN amount, a negative start, an unknown route name) are rejected
 * when the value is created, with a one-line message naming the value.
 */
package org.ketasim.engine.dosing;

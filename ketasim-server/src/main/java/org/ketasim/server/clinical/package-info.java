/**
 * Clinical rules, free of storage and HTTP: {@link org.ketasim.server.clinical.EligibilityRules} (each rule
 * with id, reason and source), {@link org.ketasim.server.clinical.Instrument} (items, scoring, severity
 * bands and flags), {@link org.ketasim.server.clinical.DoseCalculation} (mg, mL, mL/h),
 * {@link org.ketasim.server.clinical.VitalSigns} (alerts at clinical thresholds),
 * {@link org.ketasim.server.clinical.SessionChecks} (before the infusion and before discharge) and
 * {@link org.ketasim.server.clinical.Outcomes} (response and remission with Wilson intervals). Quantities carry
 * their unit in their name.
 */
package org.ketasim.server.clinical;

/**
 * Calibration of model parameters to published trial outcomes.
 *
 * <p>{@link org.ketasim.trial.calibrate.Calibration} runs the trials of a set of specifications with chosen
 * parameters free ({@link org.ketasim.trial.calibrate.FreeParameter}, bounded, searched in log space by
 * default) and minimises the sum of squared scaled errors against the targets they name
 * ({@link org.ketasim.trial.calibrate.CalibrationTarget}, rows of {@code reference/trial-targets.csv}) with
 * Hipparchus' CMA-ES. Every evaluation uses the trials' own seeds (common random numbers), so the objective is
 * deterministic. {@link org.ketasim.trial.calibrate.ModelFileWriter} writes the result back into a model file,
 * changing only the fitted rows' values and provenance. Runs and their outcome are logged in
 * {@code docs/calibration.md}.
 */
package org.ketasim.trial.calibrate;

/**
 * Global sensitivity analysis of the model's responses to its parameters.
 *
 * <p>{@link org.ketasim.trial.sensitivity.Morris} is Morris elementary-effects screening (Morris 1991; μ* of
 * Campolongo et al. 2007) over the {@code [parameters]} rows of a model, each varied on a log scale between
 * value/f and value·f; {@link org.ketasim.trial.sensitivity.SensitivityMeasure} defines the scalar responses of the
 * typical patient that it screens (MADRS change at 24 h after one infusion, day of relapse after six). The
 * command is {@code ketasim sensitivity}; results are in {@code docs/performance.md}.
 */
package org.ketasim.trial.sensitivity;

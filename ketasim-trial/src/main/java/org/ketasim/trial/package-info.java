/**
 * Virtual trials.
 *
 * <p>A {@link org.ketasim.trial.TrialSpec} (read from YAML with {@code TrialSpec.read(path)}) names a
 * population preset, a design (blinding), arms of doses, and endpoints. A
 * {@link org.ketasim.trial.TrialRunner} draws each arm's virtual patients, simulates them in parallel with
 * the engine, rates their scores with rater noise, and returns a {@link org.ketasim.trial.TrialResult}:
 * every endpoint with its 95% interval ({@link org.ketasim.trial.Estimate}), mean trajectories with bands,
 * and Kaplan–Meier curves. The same seed gives the same result on any machine and any number of threads.
 */
package org.ketasim.trial;

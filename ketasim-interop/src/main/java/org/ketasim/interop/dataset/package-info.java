/**
 * NONMEM-style datasets ({@code ID, TIME, EVID, AMT, RATE, CMT, DV, MDV}, covariates), as NONMEM, Monolix, nlmixr2,
 * rxode2 and mrgsolve read them: {@link org.ketasim.interop.dataset.DatasetReader} (errors by line and column),
 * {@link org.ketasim.interop.dataset.DatasetWriter}, {@link org.ketasim.interop.dataset.DatasetSimulation} (each
 * subject's doses at its observation times) and {@link org.ketasim.interop.dataset.TrialDataset} (a virtual trial's
 * subjects). The columns and codes are listed on {@link org.ketasim.interop.dataset.DatasetColumns}.
 *
 * <pre>{@code
 * List<DatasetSubject> subjects = DatasetReader.read(Path.of("data.csv"), model);
 * List<DatasetSimulation.SubjectRun> runs =
 *         DatasetSimulation.run(model, subjects, model.defaultParameters(), Set.of(), SolverOptions.defaults());
 * }</pre>
 */
package org.ketasim.interop.dataset;

/**
 * Virtual patients and populations, and the clinical rating scales their outcomes are reported on.
 *
 * <h2>Populations</h2>
 * A {@link org.ketasim.population.PopulationSpec} says what patients look like: a
 * {@link org.ketasim.population.Distribution law} for each covariate (weight, sex, age, BMI, baseline MADRS,
 * baseline pain, CYP2B6*6 and BDNF Met allele counts, benzodiazepine dose, family history of alcohol use
 * disorder, oral antidepressant), inclusion ranges on the baseline score, and the between-subject variability of
 * model parameters. Presets follow published trial populations ({@code trd}, {@code trd-adjunctive}, {@code mdd},
 * {@code bipolar-depression}, {@code ptsd}, {@code crps}); each law names its source or says it is assumed
 * ({@link org.ketasim.population.PopulationSpec#source(String)}, {@link
 * org.ketasim.population.PopulationSpec#describe()}).
 *
 * <pre>{@code
 * Model model = Model.load(Path.of("models/ketamine.ksm"));
 * PopulationSpec spec = PopulationSpec.preset("trd")
 *         .withBaselineRange(Scale.MADRS, 25, 60)
 *         .withCorrelation("CL_S", "CL_R", 0.8);
 * VirtualPopulation population = new VirtualPopulation(model, spec, 20240601L);
 * VirtualPatient patient = population.patient(17);      // the same patient 17 every time, on every thread
 * double[] p = patient.parameters();                    // canonical units, layout of model.parameters()
 * // ... simulate with p, then rate the true MADRS as a trial rater would:
 * RandomGenerator rater = patient.noiseStream();
 * double rated = RatingNoise.rate(Scale.MADRS, trueMadrs, rater);
 * boolean responded = Outcomes.response(patient.covariates().baselineMadrs(), rated);
 * }</pre>
 *
 * <p>{@link org.ketasim.population.VirtualPopulation#patient(long)} is a pure function of (seed, index, spec,
 * model): a trial may generate patients in any order, in parallel, or only the ones it needs. The class comment
 * of {@link org.ketasim.population.VirtualPopulation} states exactly how a patient is drawn and which parts stay
 * fixed when the spec changes (etas never move when a covariate law changes; one parameter's CV does not move
 * another's eta).
 *
 * <h2>Scales</h2>
 * {@link org.ketasim.population.Scale} lists MADRS, HAM-D17, QIDS-SR16, PHQ-9, CAPS-5, pain NRS and CADSS with
 * their ranges and remission thresholds; {@link org.ketasim.population.Crosswalk} converts between the depression
 * scales through the MADRS (published links: Leucht 2018, Carmody 2006; the PHQ-9 link is a labelled
 * assumption); {@link org.ketasim.population.RatingNoise} adds rater error (whole points, clamped to the range);
 * {@link org.ketasim.population.Outcomes} defines response, remission and relapse.
 *
 * <h2>Random numbers: no library</h2>
 * The module uses {@link java.util.random.RandomGenerator} (JDK 17) and its own
 * {@link org.ketasim.population.SplitMix64}, the algorithm of {@link java.util.SplittableRandom} written out in
 * 20 lines, rather than commons-rng. Reasons: (1) reproducibility must not depend on a library's or the JDK's
 * choice of Gaussian algorithm, so every normal draw here is an inverse-CDF of one 52-bit uniform, with the
 * quantile function in this module; (2) per-patient streams need random access by index
 * ({@code SplitMix64.derive(seed, i)} is O(1)), which a counter-based mix gives directly; (3) the statistical
 * quality needed (tens of draws per patient, fresh stream each) is well within SplitMix64's (it passes BigCrush
 * per Steele et al. 2014); (4) one dependency fewer for every module above this one. Any
 * {@code RandomGenerator} may be passed to {@link org.ketasim.population.Distribution#sample} and
 * {@link org.ketasim.population.RatingNoise#rate}; only {@code nextLong()} is called.
 *
 * <h2>Units</h2>
 * Covariates are in clinical units (kg, y, kg/m^2, points, mg diazepam equivalents per day); the parameter vector
 * of a {@link org.ketasim.population.VirtualPatient} is in the model's canonical units (mg, L, h, umol, points;
 * so {@code AGE} is in hours there). Scores are points of their scale; CVs and probabilities are fractions.
 *
 * <p>Errors are one-line {@link java.lang.IllegalArgumentException}s naming the value and the accepted ones.
 */
package org.ketasim.population;

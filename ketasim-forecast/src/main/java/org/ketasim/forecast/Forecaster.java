package org.ketasim.forecast;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresBuilder;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresOptimizer;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresProblem;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LevenbergMarquardtOptimizer;
import org.hipparchus.util.Pair;
import org.ketasim.engine.Simulator;
import org.ketasim.engine.dosing.Dose;
import org.ketasim.engine.dosing.Drug;
import org.ketasim.engine.dosing.Regimen;
import org.ketasim.engine.dosing.Route;
import org.ketasim.engine.dosing.Salt;
import org.ketasim.engine.solve.SolverOptions;
import org.ketasim.lang.Model;
import org.ketasim.lang.Parameter;
import org.ketasim.models.SessionCovariates;
import org.ketasim.population.Crosswalk;
import org.ketasim.population.Distribution;
import org.ketasim.population.Outcomes;
import org.ketasim.population.PopulationSpec;
import org.ketasim.population.VirtualPopulation;
import org.ketasim.population.RatingNoise;
import org.ketasim.population.Scale;

/**
 * Bayesian individualisation of the population model from a patient's own scores, forecast and next-session
 * recommendation. See docs/forecast.md for the method.
 *
 * <p>Unknowns, in standardised form (prior N(0, I)): the random effects z of the estimated parameters
 * ({@code eta = L z}, L the Cholesky factor of the population's eta covariance, omega^2 = ln(1 + CV^2)) and the
 * latent baseline MADRS (M0 = mu + sigma z_M, prior from the population's baseline_madrs law). The model's MADRS is
 * linear in MADRS0 ({@code d/dt Y = k_out (MADRS0 (1 - I) - Y)}, {@code Y(0) = MADRS0}), so each simulation runs
 * with MADRS0 = 1 and is scaled. Residuals: (observed - crosswalk(M0 y1(t))) / sqrt(sd_rater^2 + 1/12) (rater
 * noise of {@link RatingNoise}, plus rounding). MAP: Levenberg-Marquardt on residuals + prior rows; Laplace
 * covariance: inverse of the finite-difference Hessian of the negative log posterior at the MAP (Gauss-Newton when
 * that is not positive definite). Parameters with variability that are not estimated keep their prior.
 *
 * <p>Thread-safe: each call works on its own state.
 */
public final class Forecaster {

    /** The parameters estimated by default (others with variability keep their prior). */
    public static final List<String> DEFAULT_ESTIMATED = List.of("w_T", "w_S", "Pl");

    private final Model model;
    private final Simulator simulator;
    private final Simulator fast;
    private final int madrsOut;
    private final int madrs0Slot;

    /**
     * @param model  the model (the ketamine model: needs a {@code madrs} output and a {@code MADRS0} covariate)
     * @param solver solver options
     */
    public Forecaster(Model model, SolverOptions solver) {
        this.model = model;
        this.simulator = new Simulator(model.compile(), model.doseTargets(), solver);
        // draws and candidate sessions: bands and days in response need no more than 1e-4 relative accuracy
        this.fast = simulator.withOptions(solver.withTolerances(Math.max(solver.rtol(), 1e-4),
                Math.max(solver.atol(), 1e-7)));
        this.madrsOut = model.outputIndex("madrs").orElseThrow(
                () -> new IllegalArgumentException(model + " has no madrs output"));
        this.madrs0Slot = model.parameterIndex("MADRS0").orElseThrow(
                () -> new IllegalArgumentException(model + " has no MADRS0 covariate"));
    }

    /**
     * Settings of a forecast.
     *
     * @param draws             posterior draws for the bands and probabilities
     * @param seed              seed of the draws
     * @param gridStepDays      spacing of the trajectory (days)
     * @param horizonDays       forecast and recommendation horizon after the last event (days)
     * @param probabilityDays   days at which to give P(response), P(remission) (empty: last event + 7, 14, 28)
     * @param doseStepsMgPerKg  candidate doses (mg/kg, labelled amount)
     * @param candidateDays     candidate next-session days: 1..candidateDays after the last event
     * @param maxPerWeek        at most this many sessions in any 7 days
     * @param recommend         whether to evaluate candidate sessions
     * @param estimated         parameters to individualise (each must have between-subject variability)
     */
    public record Options(int draws, long seed, double gridStepDays, double horizonDays, double[] probabilityDays,
                          double[] doseStepsMgPerKg, int candidateDays, int maxPerWeek, boolean recommend,
                          List<String> estimated) {
        /** @return the defaults: 100 draws, 6-hourly grid, 28-day horizon, 0.5/0.75/1.0 mg/kg, 7 days, 3 a week */
        public static Options defaults() {
            return new Options(100, 20261124L, 0.25, 28, new double[0], new double[] {0.5, 0.75, 1.0}, 7, 3, true,
                    DEFAULT_ESTIMATED);
        }

        /** @param n draws  @return a copy */
        public Options withDraws(int n) {
            return new Options(n, seed, gridStepDays, horizonDays, probabilityDays, doseStepsMgPerKg, candidateDays,
                    maxPerWeek, recommend, estimated);
        }

        /** @param on whether to recommend  @return a copy */
        public Options withRecommend(boolean on) {
            return new Options(draws, seed, gridStepDays, horizonDays, probabilityDays, doseStepsMgPerKg,
                    candidateDays, maxPerWeek, on, estimated);
        }

        /** @param days probability days  @return a copy */
        public Options withProbabilityDays(double... days) {
            return new Options(draws, seed, gridStepDays, horizonDays, days.clone(), doseStepsMgPerKg, candidateDays,
                    maxPerWeek, recommend, estimated);
        }

        /** @param doses candidate doses (mg/kg)  @param days candidate days  @param perWeek limit  @return a copy */
        public Options withLimits(double[] doses, int days, int perWeek) {
            return new Options(draws, seed, gridStepDays, horizonDays, probabilityDays, doses.clone(), days, perWeek,
                    recommend, estimated);
        }

        /** @param newSeed seed of the draws  @return a copy */
        public Options withSeed(long newSeed) {
            return new Options(draws, newSeed, gridStepDays, horizonDays, probabilityDays, doseStepsMgPerKg,
                    candidateDays, maxPerWeek, recommend, estimated);
        }

        /** @param names parameters to individualise  @return a copy */
        public Options withEstimated(List<String> names) {
            return new Options(draws, seed, gridStepDays, horizonDays, probabilityDays, doseStepsMgPerKg,
                    candidateDays, maxPerWeek, recommend, List.copyOf(names));
        }

        /** @param days horizon  @param step grid step  @return a copy */
        public Options withHorizon(double days, double step) {
            return new Options(draws, seed, step, days, probabilityDays, doseStepsMgPerKg, candidateDays, maxPerWeek,
                    recommend, estimated);
        }
    }

    // ------------------------------------------------------------------------------------------------ the fit

    /**
     * The posterior of one patient (Laplace approximation in standardised coordinates).
     *
     * @param names      estimated parameter names, then "MADRS0"
     * @param map        posterior mode (standardised: z of the estimated etas, then z_M)
     * @param covariance posterior covariance of {@code map}
     * @param mapEta     etas of all variable parameters at the MAP (estimated ones from {@code map}, others 0)
     * @param madrs0     baseline MADRS at the MAP
     * @param objective  negative log posterior at the MAP (up to a constant)
     * @param simulations simulations the fit took
     * @param laplace    "hessian" or "gauss-newton": how the covariance was obtained
     */
    public record Posterior(List<String> names, double[] map, double[][] covariance, double[] mapEta, double madrs0,
                            double objective, int simulations, String laplace) {
    }

    /** One patient's prepared problem. */
    final class Problem {
        final PatientRecord patient;
        final PopulationSpec spec;
        final double[] base;              // defaults + covariates + session covariates, MADRS0 = 1
        final int[] etaSlot;              // all variable parameters
        final String[] etaName;
        final double[][] etaL;            // Cholesky factor of the eta covariance
        final int[] est;                  // positions (in etaSlot) of the estimated parameters
        final double mu;
        final double sigma;
        final Regimen regimen;
        final double[] obsT;
        final Scale[] obsScale;
        final double[] obsValue;
        final double[] obsSd;
        final Map<String, double[]> cache = new HashMap<>();
        final java.util.concurrent.atomic.AtomicInteger sims = new java.util.concurrent.atomic.AtomicInteger();
        double bestObjective = Double.POSITIVE_INFINITY;
        double[] best;

        Problem(PatientRecord patient, List<String> estimated) {
            this.patient = patient;
            this.spec = PopulationSpec.preset(patient.diagnosis());
            this.regimen = Regimen.of(patient.doses());
            simulator.check(regimen);
            base = model.defaultParameters();
            setCovariate("WT", patient.weightKg());
            setCovariate("AGE", patient.ageY());
            setCovariate("SEX", patient.female() ? 1 : 0);
            String[][] map = {{"BMI", "bmi"}, {"CYP2B6_6", "cyp2b6_star6_alleles"},
                {"BDNF_MET", "bdnf_met_alleles"}, {"BZD", "benzodiazepine_mg_diazepam_eq"},
                {"FHX_AUD", "family_history_aud"}, {"ORAL_AD", "oral_antidepressant"}, {"PAIN0", "baseline_pain_nrs"}};
            for (String[] m : map) {
                Double v = patient.covariates().get(m[1]);
                double value = v != null ? v : spec.covariate(m[1]).quantile(0.5);
                setCovariate(m[0], value);
            }
            base[madrs0Slot] = 1;

            // the population's own random effects (which parameters vary, their covariance): one definition
            VirtualPopulation.RandomEffects effects = new VirtualPopulation(model, spec, 0).randomEffects();
            List<String> names = effects.names();
            double[][] cov = effects.covariance();
            etaSlot = effects.slots();
            etaName = names.toArray(new String[0]);
            etaL = new CholeskyDecomposition(new Array2DRowRealMatrix(cov)).getL().getData();
            est = new int[estimated.size()];
            for (int k = 0; k < est.length; k++) {
                est[k] = names.indexOf(estimated.get(k));
                if (est[k] < 0) {
                    throw new IllegalArgumentException("cannot individualise " + estimated.get(k)
                            + ": it has no between-subject variability in " + spec.name() + "; variable: " + names);
                }
            }
            Distribution b = spec.covariate("baseline_madrs");
            if (b instanceof Distribution.Normal n) {
                mu = n.mean();
                sigma = n.sd();
            } else {
                mu = b.quantile(0.5);
                sigma = Math.max(1, (b.quantile(0.8413) - b.quantile(0.1587)) / 2);
            }
            int n = patient.observations().size();
            obsT = new double[n];
            obsScale = new Scale[n];
            obsValue = new double[n];
            obsSd = new double[n];
            for (int i = 0; i < n; i++) {
                PatientRecord.Observation o = patient.observations().get(i);
                obsT[i] = o.timeH();
                obsScale[i] = o.scale();
                obsValue[i] = o.value();
                obsSd[i] = Math.sqrt(RatingNoise.sd(o.scale()) * RatingNoise.sd(o.scale()) + 1.0 / 12);
            }
        }

        private void setCovariate(String name, double clinical) {
            model.parameterIndex(name).ifPresent(i -> base[i] = model.parameters().get(i).unit().toCanonical(clinical));
        }

        /** All etas from the full standardised vector z (length etaSlot.length). */
        double[] eta(double[] zAll) {
            int m = etaSlot.length;
            double[] eta = new double[m];
            for (int j = 0; j < m; j++) {
                double s = 0;
                for (int k = 0; k <= j; k++) {
                    s += etaL[j][k] * zAll[k];
                }
                eta[j] = s;
            }
            return eta;
        }

        double[] params(double[] zAll, Regimen r) {
            double[] p = base.clone();
            double[] eta = eta(zAll);
            for (int j = 0; j < etaSlot.length; j++) {
                p[etaSlot[j]] *= Math.exp(eta[j]);
            }
            double first = r.isEmpty() ? 24 * 3650 : r.doses().get(0).startH();
            SessionCovariates.apply(model, p, r, first, Set.of());
            return p;
        }

        /** MADRS with MADRS0 = 1 at times. */
        double[] unitMadrs(double[] zAll, Regimen r, double[] times) {
            sims.incrementAndGet();
            return simulator.run(params(zAll, r), r, times).output(madrsOut);
        }

        /** As unitMadrs, with the looser tolerances of the draws. */
        double[] unitMadrsFast(double[] zAll, Regimen r, double[] times) {
            sims.incrementAndGet();
            return fast.run(params(zAll, r), r, times).output(madrsOut);
        }

        double[] zAll(double[] theta) {
            double[] z = new double[etaSlot.length];
            for (int k = 0; k < est.length; k++) {
                z[est[k]] = theta[k];
            }
            return z;
        }

        double m0(double zM) {
            return Math.max(0.5, Math.min(60, mu + sigma * zM));
        }

        double[] fitCurve(double[] theta) {
            double[] key = Arrays.copyOf(theta, est.length);
            return cache.computeIfAbsent(Arrays.toString(key), k -> unitMadrs(zAll(theta), regimen, obsT));
        }

        /** Residuals: observations, then prior rows (theta itself). */
        double[] residuals(double[] theta) {
            double[] y1 = fitCurve(theta);
            double m0 = m0(theta[est.length]);
            int n = obsT.length;
            double[] r = new double[n + theta.length];
            for (int i = 0; i < n; i++) {
                double pred = Crosswalk.fromMadrs(obsScale[i], Math.max(0, Math.min(60, m0 * y1[i])));
                r[i] = (obsValue[i] - pred) / obsSd[i];
            }
            double f = 0;
            for (int k = 0; k < theta.length; k++) {
                r[n + k] = theta[k];
            }
            for (double v : r) {
                f += v * v;
            }
            if (f < bestObjective) {
                bestObjective = f;
                best = theta.clone();
            }
            return r;
        }

        double objective(double[] theta) {
            double s = 0;
            for (double v : residuals(theta)) {
                s += v * v;
            }
            return 0.5 * s;
        }

        double[][] jacobian(double[] theta, double[] r0) {
            int q = theta.length;
            double[][] j = new double[r0.length][q];
            for (int k = 0; k < q; k++) {
                double h = 1e-3;
                double[] t = theta.clone();
                t[k] += h;
                double[] r1 = residuals(t);
                for (int i = 0; i < r0.length; i++) {
                    j[i][k] = (r1[i] - r0[i]) / h;
                }
            }
            return j;
        }
    }

    /**
     * Individualises one patient.
     *
     * @param patient   the patient
     * @param estimated parameters to individualise
     * @return the posterior
     */
    public Posterior individualise(PatientRecord patient, List<String> estimated) {
        return fit(new Problem(patient, estimated));
    }

    Posterior fit(Problem pb) {
        int q = pb.est.length + 1;
        double[] start = new double[q];
        // start the baseline at the first score before the first dose, if any
        double firstDose = pb.regimen.isEmpty() ? Double.POSITIVE_INFINITY : pb.regimen.doses().get(0).startH();
        for (int i = 0; i < pb.obsT.length; i++) {
            if (pb.obsT[i] <= firstDose) {
                double m = Crosswalk.toMadrs(pb.obsScale[i], pb.obsValue[i]);
                start[q - 1] = Math.max(-3, Math.min(3, (m - pb.mu) / pb.sigma));
                break;
            }
        }
        LeastSquaresProblem problem = new LeastSquaresBuilder()
                .start(start)
                .target(new double[pb.obsT.length + q])
                .model(point -> {
                    double[] theta = point.toArray();
                    double[] r = pb.residuals(theta);
                    double[][] j = pb.jacobian(theta, r);
                    // the builder fits model(theta) to target 0: model = -residual
                    double[] neg = new double[r.length];
                    for (int i = 0; i < r.length; i++) {
                        neg[i] = -r[i];
                        for (int k = 0; k < q; k++) {
                            j[i][k] = -j[i][k];
                        }
                    }
                    return new Pair<>(new ArrayRealVector(neg, false), new Array2DRowRealMatrix(j, false));
                })
                .parameterValidator(v -> {
                    for (int k = 0; k < v.getDimension(); k++) {
                        v.setEntry(k, Math.max(-5, Math.min(5, v.getEntry(k))));
                    }
                    return v;
                })
                .maxEvaluations(60).maxIterations(60)
                .build();
        double[] map;
        try {
            LeastSquaresOptimizer.Optimum opt = new LevenbergMarquardtOptimizer()
                    .withCostRelativeTolerance(1e-6).withParameterRelativeTolerance(1e-5).optimize(problem);
            map = opt.getPoint().toArray();
        } catch (org.hipparchus.exception.MathIllegalStateException tooMany) {
            map = pb.best.clone();     // the best point seen (the cost only decreases in accepted LM steps)
        }
        if (pb.best != null && pb.bestObjective < 2 * pb.objective(map)) {
            map = pb.best.clone();
        }
        double f0 = pb.objective(map);

        // Laplace: finite-difference Hessian of the negative log posterior
        double h = 0.05;
        double[][] hess = new double[q][q];
        for (int a = 0; a < q; a++) {
            double[] tp = map.clone();
            double[] tm = map.clone();
            tp[a] += h;
            tm[a] -= h;
            hess[a][a] = (pb.objective(tp) - 2 * f0 + pb.objective(tm)) / (h * h);
            for (int b = 0; b < a; b++) {
                double[] pp = map.clone();
                double[] pm = map.clone();
                double[] mp = map.clone();
                double[] mm = map.clone();
                pp[a] += h; pp[b] += h;
                pm[a] += h; pm[b] -= h;
                mp[a] -= h; mp[b] += h;
                mm[a] -= h; mm[b] -= h;
                hess[a][b] = (pb.objective(pp) - pb.objective(pm) - pb.objective(mp) + pb.objective(mm)) / (4 * h * h);
                hess[b][a] = hess[a][b];
            }
        }
        String how = "hessian";
        RealMatrix cov;
        try {
            cov = new CholeskyDecomposition(new Array2DRowRealMatrix(hess), 1e-10, 1e-12).getSolver().getInverse();
        } catch (RuntimeException notPositive) {
            double[][] j = pb.jacobian(map, pb.residuals(map));
            RealMatrix jm = new Array2DRowRealMatrix(j, false);
            cov = new CholeskyDecomposition(jm.transposeMultiply(jm), 1e-10, 1e-12).getSolver().getInverse();
            how = "gauss-newton";
        }
        List<String> names = new ArrayList<>();
        for (int k : pb.est) {
            names.add(pb.etaName[k]);
        }
        names.add("MADRS0");
        return new Posterior(names, map, cov.getData(), pb.eta(pb.zAll(map)), pb.m0(map[q - 1]), f0, pb.sims.get(), how);
    }

    // ------------------------------------------------------------------------------------------------ forecast

    /**
     * Individualises the patient and forecasts.
     *
     * @param patient the patient
     * @param o       settings
     * @return the forecast
     */
    public Forecast forecast(PatientRecord patient, Options o) {
        Problem pb = new Problem(patient, o.estimated());
        Posterior post = fit(pb);
        int q = post.map().length;
        double lastEvent = Math.max(pb.obsT[pb.obsT.length - 1], pb.regimen.isEmpty() ? 0 : patient.lastDoseH());
        int today = (int) Math.floor(lastEvent / 24 + 1e-9);
        double clockH = pb.obsT[pb.obsT.length - 1] - 24.0 * Math.floor(pb.obsT[pb.obsT.length - 1] / 24 + 1e-9);
        int endDay = today + (int) Math.ceil(o.horizonDays());
        // the grid passes through the clock time of the last score: offset + k * step, from day 0 to the horizon
        double stepH = 24 * o.gridStepDays();
        double offset = clockH - stepH * Math.floor(clockH / stepH + 1e-9);
        List<Double> grid = new ArrayList<>();
        for (int k = 0; offset + k * stepH <= 24.0 * endDay + clockH + 1e-6; k++) {
            grid.add(offset + k * stepH);
        }
        double[] probDays = o.probabilityDays().length > 0 ? o.probabilityDays()
                : new double[] {today + 7, today + 14, today + 28};
        int ng = grid.size();
        double[] times = new double[ng + probDays.length];
        for (int i = 0; i < ng; i++) {
            times[i] = grid.get(i);
        }
        for (int i = 0; i < probDays.length; i++) {
            times[ng + i] = 24 * probDays[i] + clockH;
        }

        // scales to report: those observed, the first observed is the primary one
        List<Scale> scales = new ArrayList<>();
        for (Scale s : pb.obsScale) {
            if (!scales.contains(s)) {
                scales.add(s);
            }
        }
        Scale primary = scales.get(0);

        // posterior draws
        double[][] lc = new CholeskyDecomposition(new Array2DRowRealMatrix(post.covariance()), 1e-10, 1e-14)
                .getL().getData();
        SplittableRandom rng = new SplittableRandom(o.seed());
        int nd = Math.max(1, o.draws());
        double[][] y = new double[nd][];     // MADRS (latent) at times
        double[] m0s = new double[nd];
        double[][] zs = new double[nd][];
        for (int d = 0; d < nd; d++) {          // random numbers drawn in order: results do not depend on threads
            double[] xi = new double[q];
            for (int k = 0; k < q; k++) {
                xi[k] = rng.nextGaussian();
            }
            double[] theta = post.map().clone();
            for (int a = 0; a < q; a++) {
                for (int b = 0; b <= a; b++) {
                    theta[a] += lc[a][b] * xi[b];
                }
            }
            double[] zAll = new double[pb.etaSlot.length];
            for (int j = 0; j < zAll.length; j++) {
                zAll[j] = rng.nextGaussian();            // prior for parameters not estimated
            }
            for (int k = 0; k < pb.est.length; k++) {
                zAll[pb.est[k]] = Math.max(-6, Math.min(6, theta[k]));
            }
            m0s[d] = pb.m0(theta[q - 1]);
            zs[d] = zAll;
        }
        java.util.stream.IntStream.range(0, nd).parallel().forEach(d -> {
            double[] y1 = pb.unitMadrsFast(zs[d], pb.regimen, times);
            double[] yd = new double[times.length];
            for (int i = 0; i < times.length; i++) {
                yd[i] = Math.max(0, Math.min(60, m0s[d] * y1[i]));
            }
            y[d] = yd;
        });
        // population-only prediction: typical patient (eta 0), baseline from the pre-dose score if any
        double firstDose = pb.regimen.isEmpty() ? Double.POSITIVE_INFINITY : pb.regimen.doses().get(0).startH();
        double popM0 = pb.mu;
        for (int i = 0; i < pb.obsT.length; i++) {
            if (pb.obsT[i] <= firstDose) {
                popM0 = Crosswalk.toMadrs(pb.obsScale[i], pb.obsValue[i]);
                break;
            }
        }
        double[] popY1 = pb.unitMadrs(new double[pb.etaSlot.length], pb.regimen, times);

        List<Forecast.Point> trajectory = new ArrayList<>();
        List<Forecast.Point> population = new ArrayList<>();
        double[] buf = new double[nd];
        for (Scale s : scales) {
            for (int i = 0; i < ng; i++) {
                double sum = 0;
                for (int d = 0; d < nd; d++) {
                    buf[d] = Crosswalk.fromMadrs(s, y[d][i]);
                    sum += buf[d];
                }
                Arrays.sort(buf);
                trajectory.add(new Forecast.Point(times[i] / 24, s, sum / nd, quantile(buf, 0.05),
                        quantile(buf, 0.5), quantile(buf, 0.95)));
                double pop = Crosswalk.fromMadrs(s, Math.max(0, Math.min(60, popM0 * popY1[i])));
                population.add(new Forecast.Point(times[i] / 24, s, pop, pop, pop, pop));
            }
        }
        // probabilities on the primary scale (response: <= half the latent baseline)
        List<Forecast.Probability> probs = new ArrayList<>();
        for (int k = 0; k < probDays.length; k++) {
            int i = ng + k;
            int resp = 0;
            int rem = 0;
            for (int d = 0; d < nd; d++) {
                double score = Crosswalk.fromMadrs(primary, y[d][i]);
                double baseline = Crosswalk.fromMadrs(primary, m0s[d]);
                resp += Outcomes.response(baseline, score) ? 1 : 0;
                rem += primary.hasRemissionThreshold() && Outcomes.remission(primary, score) ? 1 : 0;
            }
            probs.add(new Forecast.Probability(probDays[k], primary, (double) resp / nd,
                    primary.hasRemissionThreshold() ? (double) rem / nd : Double.NaN));
        }
        // relapse: first grid day after the last dose where the posterior-median ratio score/baseline leaves response
        Double relapse = null;
        String relapseNote;
        if (pb.regimen.isEmpty()) {
            relapseNote = "no doses given";
        } else {
            double last = patient.lastDoseH();
            boolean inResponse = false;
            double[] ratio = new double[nd];
            relapseNote = "not in response after the last dose (posterior median)";
            for (int i = 0; i < ng; i++) {
                if (times[i] <= last) {
                    continue;
                }
                for (int d = 0; d < nd; d++) {
                    ratio[d] = Crosswalk.fromMadrs(primary, y[d][i]) / Math.max(1e-9, Crosswalk.fromMadrs(primary, m0s[d]));
                }
                Arrays.sort(ratio);
                double med = quantile(ratio, 0.5);
                if (med <= 0.5) {
                    inResponse = true;
                    relapseNote = "stays in response through the horizon (posterior median)";
                } else if (inResponse) {
                    relapse = round2(times[i] / 24);
                    relapseNote = "posterior-median " + primary.label() + " rises above half the baseline";
                    break;
                }
            }
        }
        List<Forecast.Estimate> estimates = new ArrayList<>();
        for (int k = 0; k < pb.est.length; k++) {
            int j = pb.est[k];
            double typical = pb.base[pb.etaSlot[j]];
            double omega = pb.etaL[j][j];
            double etaHat = post.mapEta()[j];
            double sdZ = Math.sqrt(post.covariance()[k][k]);
            Parameter p = model.parameters().get(pb.etaSlot[j]);
            estimates.add(new Forecast.Estimate(p.name(), p.unit().symbol(), p.unit().fromCanonical(typical),
                    p.unit().fromCanonical(typical * Math.exp(etaHat)), etaHat, omega * sdZ, omega));
        }
        double sdM = Math.sqrt(post.covariance()[q - 1][q - 1]) * pb.sigma;
        estimates.add(new Forecast.Estimate("MADRS0", "points", pb.mu, post.madrs0(), Double.NaN, sdM, pb.sigma));

        Forecast.Recommendation rec = o.recommend() ? recommend(pb, post, o, today, clockH, primary) : null;
        return new Forecast(primary, trajectory, population, probs, relapse, relapseNote, rec, estimates, post,
                nd, pb.sims.get());
    }

    // ------------------------------------------------------------------------------------------------ recommendation

    private Forecast.Recommendation recommend(Problem pb, Posterior post, Options o, int today, double clockH,
                                              Scale primary) {
        double[] zMap = pb.zAll(post.map());
        double m0 = post.madrs0();
        double doseClock = pb.regimen.isEmpty() ? 9
                : pb.patient.lastDoseH() - 24 * Math.floor(pb.patient.lastDoseH() / 24 + 1e-9);
        Dose template = pb.regimen.isEmpty() ? new Dose(Drug.KETAMINE, Route.IV, 1, 0, 40 / 60.0)
                : pb.regimen.doses().get(pb.regimen.size() - 1);
        Salt salt = template.drug() == Drug.ESKETAMINE ? Salt.BASE : Salt.HCL;
        int endDay = today + (int) Math.ceil(o.horizonDays());
        double[] days = new double[endDay - today];
        double[] t = new double[days.length];
        for (int i = 0; i < days.length; i++) {
            days[i] = today + 1 + i;
            t[i] = 24 * days[i] + doseClock - 0.25;    // just before the day's session slot
        }
        // no further sessions
        double nowH = Math.max(pb.obsT[pb.obsT.length - 1], pb.regimen.isEmpty() ? 0 : pb.patient.lastDoseH());
        double[] tNow = Arrays.copyOf(t, t.length + 1);
        tNow[t.length] = nowH;
        double[] noneNow = pb.unitMadrsFast(zMap, pb.regimen, tNow);
        double[] none = Arrays.copyOf(noneNow, t.length);
        boolean respondingNow = inResponse(primary, m0, noneNow[t.length]);
        // Spravato (esketamine intranasal) comes in fixed 56 / 84 mg doses, not per kg
        boolean spravato = template.drug() == Drug.ESKETAMINE && template.route() == Route.INTRANASAL;
        double[] amounts = spravato ? new double[] {56, 84} : o.doseStepsMgPerKg();
        int noneOut = 0;
        Integer noneLoss = null;
        for (int i = 0; i < t.length; i++) {
            if (!inResponse(primary, m0, none[i])) {
                noneOut++;
                if (noneLoss == null) {
                    noneLoss = (int) days[i];
                }
            }
        }
        List<double[]> candidates = new ArrayList<>();
        for (int dd = 1; dd <= o.candidateDays(); dd++) {
            for (double a : amounts) {
                candidates.add(new double[] {dd, a});
            }
        }
        final int endDayF = endDay;
        List<Forecast.Alternative> alts = new ArrayList<>(candidates.parallelStream().map(c -> {
                int dd = (int) c[0];
                double labelledMg = spravato ? c[1] : c[1] * pb.patient.weightKg();
                double mgkg = spravato ? round3(c[1] / pb.patient.weightKg()) : c[1];
                int endDay2 = endDayF;
                int first = today + dd;
                List<Dose> plan = new ArrayList<>(pb.regimen.doses());
                List<Integer> sessionDays = new ArrayList<>();
                double baseMg = salt.toBaseMg(labelledMg);
                if (!allowed(plan, 24 * first + doseClock, o.maxPerWeek())) {
                    return null;
                }
                plan.add(new Dose(template.drug(), template.route(), baseMg, 24 * first + doseClock, template.durationH()));
                sessionDays.add(first);
                double[] y1 = null;
                for (int iter = 0; iter < 30; iter++) {
                    y1 = pb.unitMadrsFast(zMap, Regimen.of(plan), t);
                    int lastSession = sessionDays.get(sessionDays.size() - 1);
                    int loss = -1;
                    for (int i = 0; i < t.length; i++) {
                        if (days[i] > lastSession && !inResponse(primary, m0, y1[i])) {
                            loss = (int) days[i];
                            break;
                        }
                    }
                    if (loss < 0) {
                        break;
                    }
                    int next = Math.max(lastSession + 1, loss - 1);
                    while (next <= endDay2 && !allowed(plan, 24 * next + doseClock, o.maxPerWeek())) {
                        next++;
                    }
                    if (next > endDay2) {
                        break;
                    }
                    plan.add(new Dose(template.drug(), template.route(), baseMg, 24 * next + doseClock, template.durationH()));
                    sessionDays.add(next);
                }
                int out = 0;
                for (int i = 0; i < t.length; i++) {
                    if (days[i] >= first && !inResponse(primary, m0, y1[i])) {
                        out++;
                    }
                }
                int before = 0;
                for (int i = 0; i < t.length; i++) {
                    if (days[i] < first && !inResponse(primary, m0, none[i])) {
                        before++;
                    }
                }
                int idxAfter = Math.min(t.length - 1, first - today);   // the morning after the session
                return new Forecast.Alternative(first, mgkg, round2(labelledMg), sessionDays.size(), sessionDays,
                        out + before,
                        round2(Crosswalk.fromMadrs(primary, Math.min(60, m0 * y1[idxAfter]))),
                        round2(Crosswalk.fromMadrs(primary, Math.min(60, m0 * y1[t.length - 1]))));
            }).filter(java.util.Objects::nonNull).toList());
        alts.sort((a, b) -> a.daysOutOfResponse() != b.daysOutOfResponse()
                ? Integer.compare(a.daysOutOfResponse(), b.daysOutOfResponse())
                : a.sessions() != b.sessions() ? Integer.compare(a.sessions(), b.sessions())
                : a.doseMgPerKg() != b.doseMgPerKg() ? Double.compare(a.doseMgPerKg(), b.doseMgPerKg())
                : Integer.compare(b.nextDay(), a.nextDay()));
        if (alts.isEmpty()) {
            return new Forecast.Recommendation(null, null, null, "no candidate session fits the limits ("
                    + o.maxPerWeek() + " a week)", List.of(), noneLoss, noneOut);
        }
        Forecast.Alternative best = alts.get(0);
        StringBuilder why = new StringBuilder();
        why.append("Individual (MAP) prediction on ").append(primary.label()).append(": without further sessions ");
        why.append(!respondingNow && noneLoss != null && noneLoss == today + 1
                ? "the patient is not in response now (score above half the baseline) and stays out"
                : noneLoss == null ? "the patient stays in response through day " + endDay
                : "response (score <= half the baseline) is lost by day " + noneLoss);
        why.append(" (").append(noneOut).append(" of ").append(t.length).append(" days out of response). ");
        why.append("A session on day ").append(best.nextDay()).append(" at ")
                .append(spravato ? PatientFile.fmt(best.doseMg()) + " mg " + template.drug().displayName()
                        + " (Spravato)" : best.doseMgPerKg() + " mg/kg")
                .append(", repeated at that dose on the day before response would be lost (at most ")
                .append(o.maxPerWeek()).append(" a week), gives ").append(best.daysOutOfResponse())
                .append(" days out of response with ").append(best.sessions()).append(" session(s) by day ")
                .append(endDay).append("; ");
        why.append(best.daysOutOfResponse() == 0 ? "it keeps the patient in response with the fewest infusions"
                : "no candidate keeps the patient in response throughout; this one leaves the fewest days out");
        why.append(" (ties: lower dose, then later day). Decision support only: a clinician decides.");
        return new Forecast.Recommendation(best.nextDay(), best.doseMgPerKg(), best.doseMg(), why.toString(), alts,
                noneLoss, noneOut);
    }

    private static boolean inResponse(Scale s, double m0, double y1) {
        double baseline = Crosswalk.fromMadrs(s, m0);
        return Crosswalk.fromMadrs(s, Math.max(0, Math.min(60, m0 * y1))) <= 0.5 * baseline;
    }

    /** Whether a session at startH keeps every 7-day window at most maxPerWeek sessions. */
    static boolean allowed(List<Dose> plan, double startH, int maxPerWeek) {
        List<Double> starts = new ArrayList<>();
        for (Dose d : plan) {
            if (d.startH() > startH - 168 && d.startH() <= startH) {
                starts.add(d.startH());
            }
        }
        starts.add(startH);
        for (double w0 : starts) {
            int c = 1;
            for (Dose d : plan) {
                if (d.startH() >= w0 - 1e-6 && d.startH() < w0 + 168 - 1e-6) {
                    c++;
                }
            }
            if (c > maxPerWeek) {
                return false;
            }
        }
        return true;
    }

    static double quantile(double[] sorted, double p) {
        double x = p * (sorted.length - 1);
        int i = (int) Math.floor(x);
        int j = Math.min(sorted.length - 1, i + 1);
        return sorted[i] + (x - i) * (sorted[j] - sorted[i]);
    }

    static double round3(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    static double round2(double v) {
        return Math.round(v * 100) / 100.0;
    }
}

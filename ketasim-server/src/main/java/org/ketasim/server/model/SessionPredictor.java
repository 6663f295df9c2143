package org.ketasim.server.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.ketasim.engine.Simulator;
import org.ketasim.engine.Trajectory;
import org.ketasim.engine.dosing.Dose;
import org.ketasim.engine.dosing.Drug;
import org.ketasim.engine.dosing.Regimen;
import org.ketasim.engine.dosing.Route;
import org.ketasim.engine.dosing.Salt;
import org.ketasim.engine.solve.SolverOptions;
import org.ketasim.lang.Model;
import org.ketasim.models.ModelLibrary;
import org.ketasim.models.SessionCovariates;
import org.ketasim.population.Crosswalk;
import org.ketasim.population.PopulationSpec;
import org.ketasim.population.VirtualPatient;
import org.ketasim.population.VirtualPopulation;
import org.ketasim.population.Scale;

/**
 * The model beside the patient: what KetaSim's typical patient of this weight would show for this dose.
 *
 * <p>The bundled ketamine model ({@code models/ketamine.ksm}) is compiled once. A session prediction is the
 * plasma ketamine level, the CADSS rise and the blood pressure (the patient's own resting pressure plus the
 * model's change) over the three hours after the start of an IV infusion. A course prediction is the MADRS
 * of the typical patient given the patient's actual sessions, starting from the patient's baseline. These
 * are the model's typical patient, without between-patient variability: an orientation, not a forecast for
 * this person.
 */
public final class SessionPredictor {

    private final Model model;
    private final Simulator simulator;
    private final VirtualPopulation population;
    private final java.util.Map<String, CourseCurve> courseCache = new java.util.LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(java.util.Map.Entry<String, CourseCurve> eldest) {
            return size() > 128;
        }
    };
    /** The same session is looked at many times while it runs: keep the last 512 predictions. */
    private final java.util.Map<String, SessionCurves> cache = new java.util.LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(java.util.Map.Entry<String, SessionCurves> eldest) {
            return size() > 512;
        }
    };

    public SessionPredictor() {
        this.model = ModelLibrary.ketamine();
        this.simulator = new Simulator(model.compile(), model.doseTargets(), SolverOptions.defaults());
        this.population = new VirtualPopulation(model, PopulationSpec.preset("trd").withoutBaselineRanges(), 20261124L);
    }

    /**
     * Predicted curves for one IV session.
     *
     * @param timesMin        minutes from the start of the infusion
     * @param ketamineNgMl    plasma ketamine (S + R) (ng/mL)
     * @param cadss           CADSS rise over baseline (points)
     * @param sbpMmHg         systolic pressure: resting + model change (mmHg)
     * @param dbpMmHg         diastolic pressure: resting + model change (mmHg)
     */
    public record SessionCurves(double[] timesMin, double[] ketamineNgMl, double[] cadss, double[] sbpMmHg, double[] dbpMmHg,
                                double peakKetamineNgMl, double peakCadss, double peakSbpMmHg, String note) {
    }

    /**
     * MADRS over a course: the model's typical patient, and the 5-95 % band of virtual patients.
     *
     * @param days   days after the first session
     * @param madrs  typical patient (points)
     * @param lo     5th percentile of the virtual patients (points)
     * @param hi     95th percentile of the virtual patients (points)
     */
    public record CourseCurve(double[] days, double[] madrs, double[] lo, double[] hi, int bandPatients, String note) {
    }

    /** Virtual patients in the expected band. */
    static final int BAND_PATIENTS = 40;

    /**
     * @param weightKg    body weight (kg)
     * @param doseMgHcl   dose as ketamine hydrochloride (mg)
     * @param durationMin infusion time (min)
     * @param restingSbp  resting systolic pressure (mmHg)
     * @param restingDbp  resting diastolic pressure (mmHg)
     */
    public SessionCurves session(double weightKg, double doseMgHcl, int durationMin, int restingSbp, int restingDbp) {
        String key = weightKg + "|" + doseMgHcl + "|" + durationMin + "|" + restingSbp + "|" + restingDbp;
        synchronized (cache) {
            SessionCurves hit = cache.get(key);
            if (hit != null) {
                return hit;
            }
        }
        SessionCurves curves = simulateSession(weightKg, doseMgHcl, durationMin, restingSbp, restingDbp);
        synchronized (cache) {
            cache.put(key, curves);
        }
        return curves;
    }

    private SessionCurves simulateSession(double weightKg, double doseMgHcl, int durationMin, int restingSbp, int restingDbp) {
        double[] p = parameters(weightKg, Double.NaN);
        Regimen regimen = Regimen.of(List.of(new Dose(Drug.KETAMINE, Route.IV, Salt.HCL.toBaseMg(doseMgHcl), 0, durationMin / 60.0)));
        SessionCovariates.apply(model, p, regimen, 0, Set.of());
        int n = 181 / 3 + 1;
        double[] tMin = new double[n];
        double[] tH = new double[n];
        for (int i = 0; i < n; i++) {
            tMin[i] = i * 3;
            tH[i] = tMin[i] / 60.0;
        }
        Trajectory tr = simulator.run(p, regimen, tH);
        double[] k = tr.output(index("ketamine_ng_ml"));
        double[] cadss = tr.output(index("cadss"));
        double[] dsbp = tr.output(index("sbp_change_mmhg"));
        double[] ddbp = tr.output(index("dbp_change_mmhg"));
        double[] sbp = new double[n];
        double[] dbp = new double[n];
        double pk = 0;
        double pc = 0;
        double ps = 0;
        for (int i = 0; i < n; i++) {
            sbp[i] = restingSbp + dsbp[i];
            dbp[i] = restingDbp + ddbp[i];
            pk = Math.max(pk, k[i]);
            pc = Math.max(pc, cadss[i]);
            ps = Math.max(ps, sbp[i]);
        }
        return new SessionCurves(tMin, k, cadss, sbp, dbp, pk, pc, ps,
                "KetaSim typical patient (models/ketamine.ksm) of this weight and dose; no between-patient variability");
    }

    /**
     * The typical patient's MADRS over a course.
     *
     * @param sessions   per session: {start (h from the first session), dose (mg HCl), duration (min)}
     * @param baselineMadrs baseline MADRS (points)
     * @param untilDays  end of the curve (days after the first session)
     */
    public CourseCurve course(double weightKg, List<double[]> sessions, double baselineMadrs, double untilDays) {
        StringBuilder key = new StringBuilder("course|").append(weightKg).append('|').append(baselineMadrs).append('|').append(untilDays);
        for (double[] x : sessions) {
            key.append('|').append(java.util.Arrays.toString(x));
        }
        synchronized (courseCache) {
            CourseCurve hit = courseCache.get(key.toString());
            if (hit != null) {
                return hit;
            }
        }
        CourseCurve c = simulateCourse(weightKg, sessions, baselineMadrs, untilDays);
        synchronized (courseCache) {
            courseCache.put(key.toString(), c);
        }
        return c;
    }

    private CourseCurve simulateCourse(double weightKg, List<double[]> sessions, double baselineMadrs, double untilDays) {
        double[] p = parameters(weightKg, baselineMadrs);
        List<Dose> doses = new ArrayList<>();
        for (double[] s : sessions) {
            doses.add(new Dose(Drug.KETAMINE, Route.IV, Salt.HCL.toBaseMg(s[1]), s[0], s[2] / 60.0));
        }
        Regimen regimen = Regimen.of(doses);
        SessionCovariates.apply(model, p, regimen, 0, Set.of());
        int n = (int) Math.ceil(untilDays * 4) + 1;
        double[] tH = new double[n];
        double[] days = new double[n];
        for (int i = 0; i < n; i++) {
            days[i] = i / 4.0;
            tH[i] = days[i] * 24;
        }
        Trajectory tr = simulator.run(p, regimen, tH);
        // The band: virtual patients of the TRD preset (between-patient variability of the model's parameters and
        // covariates), each given this patient's weight, baseline and sessions.
        int k = index("madrs");
        List<double[]> runs = new ArrayList<>();
        int wt = model.parameterIndex("WT").orElseThrow();
        int y0 = model.parameterIndex("MADRS0").orElseThrow();
        for (VirtualPatient vp : population.patients(0, BAND_PATIENTS)) {
            double[] q = vp.parameters();
            q[wt] = p[wt];
            q[y0] = p[y0];
            SessionCovariates.apply(model, q, regimen, 0, Set.of());
            try {
                runs.add(simulator.run(q, regimen, tH).output(k));
            } catch (RuntimeException e) {
                // a virtual patient the integrator cannot follow is left out of the band
            }
        }
        double[] lo = new double[n];
        double[] hi = new double[n];
        double[] col = new double[runs.size()];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < runs.size(); j++) {
                col[j] = runs.get(j)[i];
            }
            java.util.Arrays.sort(col);
            lo[i] = col.length == 0 ? Double.NaN : col[(int) Math.floor(0.05 * (col.length - 1))];
            hi[i] = col.length == 0 ? Double.NaN : col[(int) Math.ceil(0.95 * (col.length - 1))];
        }
        return new CourseCurve(days, tr.output(k), lo, hi, runs.size(),
                "KetaSim typical patient given this patient's sessions, from this patient's baseline; band: 5-95 % of "
                        + runs.size() + " virtual patients of the 'trd' population preset with the same weight, baseline and sessions");
    }

    /** PHQ-9 from MADRS and back, by the population module's crosswalk. */
    public static double madrsToPhq9(double madrs) {
        return Crosswalk.fromMadrs(Scale.PHQ9, madrs);
    }

    public static double phq9ToMadrs(double phq9) {
        return Crosswalk.toMadrs(Scale.PHQ9, phq9);
    }

    private double[] parameters(double weightKg, double baselineMadrs) {
        double[] p = model.defaultParameters();
        int wt = model.parameterIndex("WT").orElseThrow();
        p[wt] = model.parameters().get(wt).unit().toCanonical(weightKg);
        if (!Double.isNaN(baselineMadrs)) {
            int y0 = model.parameterIndex("MADRS0").orElseThrow();
            p[y0] = model.parameters().get(y0).unit().toCanonical(baselineMadrs);
        }
        return p;
    }

    private int index(String output) {
        return model.outputIndex(output).orElseThrow(() -> new IllegalStateException("model has no output " + output));
    }
}

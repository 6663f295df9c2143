package org.ketasim.interop.dataset;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;

import org.ketasim.engine.Simulator;
import org.ketasim.engine.Trajectory;
import org.ketasim.engine.dosing.Dose;
import org.ketasim.engine.dosing.Regimen;
import org.ketasim.engine.solve.SolverOptions;
import org.ketasim.lang.Model;
import org.ketasim.lang.Parameter;
import org.ketasim.population.VirtualPatient;
import org.ketasim.population.VirtualPopulation;
import org.ketasim.trial.EndpointKind;
import org.ketasim.trial.TrialRunner;
import org.ketasim.trial.TrialSpec;
import org.ketasim.trial.TrialSpec.Arm;
import org.ketasim.trial.TrialSpec.Endpoint;

/**
 * A virtual trial's subjects as a dataset: for each arm and subject, the covariates and the parameters drawn
 * for that patient (every model value that differs from its default in some subject, plus all covariates), the
 * doses, and observation rows at baseline (time 0) and at the endpoint times, with DV the simulated MADRS
 * (the model's true score, without rater noise).
 *
 * <p>The subjects are the ones {@link org.ketasim.trial.TrialRunner} simulates: the same population seeds per arm
 * and the same per-subject courses ({@link TrialRunner#course}: design factor, masking, rapamycin pretreatment,
 * {@code SPRAVATO}, {@code T_FIRST}). Subject IDs are numbered across arms from 1.
 */
public final class TrialDataset {


    private TrialDataset() {
    }

    /** A subject as the trial simulates it: parameters (canonical), doses, arm. */
    private record Course(int arm, long id, double[] parameters, List<Dose> doses) {
    }

    /**
     * Builds the dataset of a trial.
     *
     * @param options the solver used for DV (the trial's own)
     */
    public static List<DatasetSubject> of(Model model, TrialSpec spec, SolverOptions options) {
        List<Course> courses = new ArrayList<>();
        TrialRunner runner = new TrialRunner(model, options);
        for (int a = 0; a < spec.arms().size(); a++) {
            Arm arm = spec.arms().get(a);
            VirtualPopulation population = new VirtualPopulation(model, spec.population(), TrialRunner.armSeed(spec, a));
            for (int i = 0; i < spec.subjectsPerArm(); i++) {
                courses.add(course(runner, spec, arm, a + 1, (long) a * spec.subjectsPerArm() + i + 1, population.patient(i)));
            }
        }
        double[] times = observationTimes(spec);
        // which values to write: every covariate, and every other value that differs from its default somewhere
        List<Parameter> written = new ArrayList<>();
        for (int j = 0; j < model.parameters().size(); j++) {
            Parameter q = model.parameters().get(j);
            boolean varies = q.kind() == Parameter.Kind.COVARIATE;
            for (int k = 0; k < courses.size() && !varies; k++) {
                varies = courses.get(k).parameters()[j] != q.canonicalValue();
            }
            if (varies) {
                written.add(q);
            }
        }
        Simulator simulator = new Simulator(model.compile(), model.doseTargets(), options);
        int madrs = model.outputIndex("madrs").orElse(-1);
        DatasetSubject[] subjects = new DatasetSubject[courses.size()];
        IntStream.range(0, subjects.length).parallel().forEach(k -> {
            Course c = courses.get(k);
            Map<String, Double> values = new LinkedHashMap<>();
            for (Parameter q : written) {
                values.put(q.name(), q.unit().fromCanonical(c.parameters()[model.parameterIndex(q.name()).getAsInt()]));
            }
            double[] dv = new double[times.length];
            if (madrs >= 0) {
                Trajectory tr = simulator.run(c.parameters(), Regimen.of(c.doses()), times);
                for (int i = 0; i < times.length; i++) {
                    dv[i] = tr.outputs()[i][madrs];
                }
            } else {
                java.util.Arrays.fill(dv, Double.NaN);
            }
            subjects[k] = new DatasetSubject(c.id(), c.arm(), values, c.doses(), times, dv);
        });
        return List.of(subjects);
    }

    /** Baseline, the endpoint times, and daily times of relapse follow-up, from the first dose. */
    static double[] observationTimes(TrialSpec spec) {
        double first = spec.arms().stream().flatMap(a -> a.doses().stream()).filter(d -> !TrialSpec.PRETREATMENTS.contains(d.drug()))
                .flatMap(d -> d.startsH().stream()).mapToDouble(Double::doubleValue).min().orElse(0);
        TreeSet<Double> t = new TreeSet<>();
        t.add(0.0);
        for (Endpoint e : spec.endpoints()) {
            if (!isRelapse(e.kind())) {
                t.add(first + e.atH());
            } else {
                for (double h = first + e.afterDay() * 24 + 24; h <= spec.followUpH() + 1e-9; h += 24) {
                    t.add(h);
                }
            }
        }
        return t.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** As {@code EndpointKind.isRelapse()}, which is package-private. */
    private static boolean isRelapse(EndpointKind kind) {
        return kind == EndpointKind.MEDIAN_DAYS_TO_RELAPSE || kind == EndpointKind.KAPLAN_MEIER;
    }

    /** One subject's parameters and doses, from TrialRunner (the one place that builds them). */
    private static Course course(TrialRunner runner, TrialSpec spec, Arm arm, int armNumber, long id, VirtualPatient patient) {
        TrialRunner.SubjectCourse c = runner.course(spec, arm, patient);
        List<Dose> doses = new ArrayList<>(c.regimen().doses());
        doses.sort(null);
        return new Course(armNumber, id, c.parameters(), doses);
    }

}

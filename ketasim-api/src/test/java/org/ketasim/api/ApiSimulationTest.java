package org.ketasim.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.ketasim.engine.Simulator;
import org.ketasim.engine.Trajectory;
import org.ketasim.engine.dosing.Dose;
import org.ketasim.engine.dosing.Drug;
import org.ketasim.engine.dosing.Regimen;
import org.ketasim.engine.dosing.Route;
import org.ketasim.engine.dosing.Salt;
import org.ketasim.engine.solve.SolverOptions;
import org.ketasim.lang.Model;
import org.ketasim.models.SessionCovariates;
import org.ketasim.population.Sex;

/** The API's simulation is the engine's, assembled the documented way. */
class ApiSimulationTest {

    private static final Model MODEL = KetaSim.ketamineModel();
    private static final int[] COURSE_DAYS = {0, 2, 4, 7, 9, 11};

    private static DoseSeries standardInfusion() {
        return Doses.iv(Drug.KETAMINE).mgPerKg(0.5).over(Duration.ofMinutes(40)).onDays(COURSE_DAYS);
    }

    @Test
    void standardCourseIsBitIdenticalToTheEngineRunAssembledByHand() {
        Patient patient = Patient.builder().weightKg(80).sex(Sex.FEMALE).ageYears(41).covariate("BZD", 10, "mg").build();
        SimulationResult api = Simulation.builder(MODEL).patient(patient).dose(standardInfusion())
                .until(Duration.ofDays(14)).every(Duration.ofMinutes(30)).build().run();

        // By hand, as ketasim simulate does: defaults, covariates (canonical), session covariates, engine.
        double[] p = MODEL.defaultParameters();
        p[MODEL.parameterIndex("WT").getAsInt()] = MODEL.parameter("WT").orElseThrow().unit().toCanonical(80);
        p[MODEL.parameterIndex("SEX").getAsInt()] = 1;
        p[MODEL.parameterIndex("AGE").getAsInt()] = MODEL.parameter("AGE").orElseThrow().unit().toCanonical(41);
        p[MODEL.parameterIndex("BZD").getAsInt()] = MODEL.parameter("BZD").orElseThrow().unit().toCanonical(10);
        Regimen.Builder doses = Regimen.builder();
        for (int day : COURSE_DAYS) {
            doses.add(new Dose(Drug.KETAMINE, Route.IV, Salt.HCL.toBaseMg(0.5 * 80), 24.0 * day, 40 / 60.0));
        }
        Regimen regimen = doses.build();
        SessionCovariates.apply(MODEL, p, regimen, 0, Set.of());
        double[] times = new double[14 * 48 + 1];
        for (int i = 0; i < times.length; i++) {
            times[i] = i * 0.5;
        }
        Trajectory byHand = new Simulator(MODEL.compile(), MODEL.doseTargets(), SolverOptions.defaults()).run(p, regimen, times);

        assertThat(api.regimen()).isEqualTo(regimen);
        assertThat(api.times()).containsExactly(times);
        for (String name : api.outputNames()) {
            assertThat(api.output(name)).as(name).containsExactly(byHand.output(MODEL.outputIndex(name).getAsInt()));
        }
        for (int s = 0; s < MODEL.states().size(); s++) {
            assertThat(api.state(MODEL.states().get(s).name())).containsExactly(byHand.state(s));
        }
        assertThat(api.balanceMg()).containsExactly(byHand.balanceMg());
        assertThat(api.dosedMg()).containsExactly(byHand.dosedMg());
        // and it does something: ketamine is in plasma at the end of the first infusion, MADRS falls
        double[] cp = api.output("ketamine_ng_ml");
        assertThat(cp[0]).isZero();
        assertThat(cp[1]).isGreaterThan(50);   // 30 min into the first infusion
        double[] madrs = api.output("madrs");
        assertThat(madrs[madrs.length - 1]).isLessThan(madrs[0] - 5);
    }

    @Test
    void mgPerKgResolvesAgainstTheWeightAndTheMassBalanceCountsIt() {
        for (double kg : new double[] {55, 80, 123.5}) {
            SimulationResult r = Simulation.builder(MODEL).patient(Patient.builder().weightKg(kg).build())
                    .dose(standardInfusion().salt(Salt.BASE)).until(Duration.ofDays(12)).every(Duration.ofHours(6)).build().run();
            assertThat(r.regimen().size()).isEqualTo(COURSE_DAYS.length);
            for (Dose d : r.regimen()) {
                assertThat(d.amountMg()).isEqualTo(0.5 * kg);          // analytic: 0.5 mg/kg x weight, base
                assertThat(d.durationH()).isEqualTo(40 / 60.0);
            }
            double total = COURSE_DAYS.length * 0.5 * kg;
            double[] dosed = r.dosedMg();
            double[] balance = r.balanceMg();
            int last = dosed.length - 1;
            assertThat(dosed[last]).isCloseTo(total, within(1e-9 * total));
            // the model's own [balance] (drug in body + eliminated) accounts for every mg given
            assertThat(balance[last]).isCloseTo(total, within(1e-4 * total));
            assertThat(r.maxBalanceErrorMg()).isLessThan(1e-4 * total);
        }
        // hydrochloride (the default for racemic ketamine) is converted to base by molar mass
        Simulation hcl = Simulation.builder(MODEL).patient(Patient.builder().weightKg(80).build()).dose(standardInfusion()).build();
        assertThat(hcl.regimen().doses().get(0).amountMg()).isEqualTo(40 * Salt.BASE_MOLAR_MASS / Salt.HCL_MOLAR_MASS, within(1e-12));
        assertThat(hcl.parameter("WT")).isEqualTo(80);
    }

    @Test
    void outputsHaveNamesUnitsAndLabels() {
        SimulationResult r = Simulation.builder(MODEL).dose(Doses.iv(Drug.KETAMINE).mg(35))
                .timesH(2, 0, 1).build().run();
        assertThat(r.times()).containsExactly(2, 0, 1);
        assertThat(r.outputNames()).contains("ketamine_ng_ml", "madrs", "cadss").hasSize(MODEL.outputs().size());
        assertThat(r.outputUnit("madrs")).isEqualTo("points");
        assertThat(r.outputUnit("ketamine_ng_ml")).isEqualTo("ng/mL");
        assertThat(r.outputLabel("ketamine_ng_ml")).isEqualTo("Plasma ketamine (S + R)");
        double[] cp = r.output("ketamine_ng_ml");   // a bolus at 0 h is in plasma at 0 h; then it falls
        assertThat(cp).hasSize(3);
        assertThat(cp[1]).isGreaterThan(cp[2]);
        assertThat(cp[2]).isGreaterThan(cp[0]);
        assertThat(cp[0]).isPositive();
        assertThat(r.solverStatistics().acceptedSteps()).isPositive();
    }

    @Test
    void sessionCovariatesFollowTheRegimenUnlessThePatientSetsThem() {
        Simulation spravato = Simulation.builder(MODEL)
                .dose(Doses.intranasal(Drug.ESKETAMINE).mg(56).onDays(1, 4).at(LocalTime.of(9, 30))).build();
        assertThat(spravato.parameter("T_FIRST")).isEqualTo(33.5);
        assertThat(spravato.parameter("SPRAVATO")).isEqualTo(1);
        assertThat(spravato.regimen().doses().get(0).amountMg()).isEqualTo(56);   // esketamine: base by default
        Simulation kept = Simulation.builder(MODEL).patient(Patient.builder().covariate("T_FIRST", 2, "d").build())
                .dose(Doses.iv(Drug.KETAMINE).mg(35).onDays(3)).build();
        assertThat(kept.parameter("T_FIRST")).isEqualTo(48);
        assertThat(kept.parameter("SPRAVATO")).isZero();
    }

    @Test
    void parametersAndCovariatesAreConvertedFromTheirUnits() {
        Simulation inModelUnits = Simulation.builder(MODEL).parameter("CL_S", 120).parameter("lhb_trapping", 0)
                .patient(Patient.builder().covariate("BZD", 10).build()).build();
        Simulation converted = Simulation.builder(MODEL).parameter("CL_S", 2, "L/min").parameter("lhb_trapping", 0)
                .patient(Patient.builder().covariate("BZD", 10_000, "ug").build()).build();
        assertThat(converted.canonicalParameters()).containsExactly(inModelUnits.canonicalParameters());
        assertThat(converted.parameter("CL_S")).isEqualTo(120, within(1e-12));
        assertThat(converted.parameter("BZD")).isEqualTo(10, within(1e-12));
        assertThat(converted.parameter("lhb_trapping")).isZero();
    }

    @Test
    void engineRegimensAndSeriesCombine() {
        Regimen extra = Regimen.of(Dose.bolus(Drug.KETAMINE, Route.IM, 30, 100));
        Simulation s = Simulation.builder(MODEL).regimen(extra)
                .dose(Doses.oral(Drug.KETAMINE).mg(50).salt(Salt.BASE).onDays(0).at(LocalTime.of(8, 0)).every(Duration.ofHours(6), 4))
                .build();
        assertThat(s.regimen().doses()).extracting(Dose::startH).containsExactly(8.0, 14.0, 20.0, 26.0, 100.0);
        assertThat(s.regimen().totalMg()).isEqualTo(230);
    }
}

package example;

import java.nio.file.Path;
import java.time.Duration;

import org.ketasim.api.Doses;
import org.ketasim.api.EndpointValue;
import org.ketasim.api.KetaSim;
import org.ketasim.api.Patient;
import org.ketasim.api.Simulation;
import org.ketasim.api.SimulationResult;
import org.ketasim.api.Trial;
import org.ketasim.api.TrialOutcome;
import org.ketasim.engine.dosing.Drug;
import org.ketasim.population.Sex;

/** One patient's six-infusion course, then a small virtual trial (run from the repository root). */
public class ReadmeExample {

    public static void main(String[] args) throws Exception {
        Patient patient = Patient.builder().weightKg(80).sex(Sex.FEMALE).ageYears(41)
                .covariate("BZD", 10, "mg")               // daily benzodiazepine, mg diazepam equivalents
                .build();
        Simulation simulation = Simulation.builder(KetaSim.ketamineModel())
                .patient(patient)
                .dose(Doses.iv(Drug.KETAMINE).mgPerKg(0.5).over(Duration.ofMinutes(40)).onDays(0, 2, 4, 7, 9, 11))
                .until(Duration.ofDays(28)).every(Duration.ofHours(1))
                .build();
        SimulationResult result = simulation.run();
        double[] hours = result.times();
        double[] madrs = result.output("madrs");
        System.out.printf("MADRS %.1f -> %.1f %s after %.0f h%n", madrs[0], madrs[madrs.length - 1],
                result.outputUnit("madrs"), hours[hours.length - 1]);

        TrialOutcome trial = Trial.fromYaml(Path.of("trials/murrough-2013.yaml")).subjectsPerArm(100).run();
        EndpointValue response = trial.endpoint("ketamine", "r24");
        System.out.printf("response at 24 h: %.2f (95%% CI %.2f-%.2f)%n",
                response.value(), response.ciLow(), response.ciHigh());
    }
}

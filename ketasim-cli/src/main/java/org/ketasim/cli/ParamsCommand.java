package org.ketasim.cli;

import java.util.Locale;
import java.util.concurrent.Callable;

import org.ketasim.lang.Model;
import org.ketasim.lang.Parameter;
import org.ketasim.models.ModelDocument;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ketasim params}: the model's parameters with units, variability and provenance. */
@Command(name = "params", mixinStandardHelpOptions = true,
        description = "Print the model's covariates, parameters and switches with value, unit, variability and source.")
final class ParamsCommand implements Callable<Integer> {

    @Mixin
    ModelChoice modelChoice = new ModelChoice();

    @Option(names = "--format", description = "text, markdown (the whole model document, as docs/model.md) or csv (default ${DEFAULT-VALUE}).", defaultValue = "text")
    String format = "text";

    @Override
    public Integer call() {
        Model model = modelChoice.model();
        switch (format.toLowerCase(Locale.ROOT)) {
            case "markdown":
            case "md":
                System.out.print(ModelDocument.markdown(model));
                break;
            case "csv":
                System.out.println("name,kind,value,unit,bsv_cv,grade,provenance,label");
                for (Parameter p : model.parameters()) {
                    System.out.println(String.join(",", p.name(), p.kind().name().toLowerCase(Locale.ROOT),
                            ModelDocument.number(p.value()), csv(p.unit().symbol()),
                            Double.isNaN(p.bsvCv()) ? "" : ModelDocument.number(p.bsvCv()),
                            p.provenance().type().name().toLowerCase(Locale.ROOT), csv(p.provenance().text()), csv(p.label())));
                }
                break;
            case "text":
                System.out.printf(Locale.ROOT, "%-22s %12s %-12s %5s  %-10s %s%n", "name", "value", "unit", "BSV", "grade", "description — provenance");
                for (Parameter p : model.parameters()) {
                    System.out.printf(Locale.ROOT, "%-22s %12s %-12s %5s  %-10s %s — %s%n", p.name(), ModelDocument.number(p.value()),
                            p.unit().symbol(), Double.isNaN(p.bsvCv()) ? "" : String.format(Locale.ROOT, "%.0f%%", 100 * p.bsvCv()),
                            p.provenance().type().name().toLowerCase(Locale.ROOT), p.label(), p.provenance().text());
                }
                break;
            default:
                throw new UserInputException("--format '" + format + "' is not known; use text, markdown or csv");
        }
        return 0;
    }

    private static String csv(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }
}

package org.ketasim.models;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import org.ketasim.lang.Model;
import org.ketasim.lang.Parameter;
import org.ketasim.lang.Provenance;

/**
 * Renders a model as a reviewable document: its parameters with values, units, variability and
 * provenance, its states, equations and outputs. {@code docs/model.md} is this document for the
 * ketamine model, and a test keeps the two in step.
 */
public final class ModelDocument {

    private ModelDocument() {
    }

    /** The Markdown document for {@code model}. */
    public static String markdown(Model model) {
        StringBuilder md = new StringBuilder();
        md.append("# Model `").append(model.name()).append("`\n\n");
        md.append("<!-- Generated from ").append(model.sourceName())
                .append(" by `ketasim params --format markdown`; do not edit by hand. -->\n\n");
        md.append(model.title()).append(".\n\n");
        md.append("Source file: `").append(model.sourceName()).append("`. ");
        md.append(model.states().size()).append(" states, ")
                .append(model.parameters().size()).append(" parameters (covariates, parameters and switches), ")
                .append(model.outputs().size()).append(" outputs.\n\n");

        Map<Provenance.Type, Integer> counts = new EnumMap<>(Provenance.Type.class);
        for (Parameter p : model.parameters()) {
            counts.merge(p.provenance().type(), 1, Integer::sum);
        }
        md.append("## Provenance at a glance\n\n| grade | count | meaning |\n|---|---:|---|\n");
        md.append("| source | ").append(counts.getOrDefault(Provenance.Type.SOURCE, 0))
                .append(" | a published value (measured, or a fixed constant) |\n");
        md.append("| assumed | ").append(counts.getOrDefault(Provenance.Type.ASSUMED, 0))
                .append(" | a modelling assumption; the reason is given |\n");
        md.append("| calibrated | ").append(counts.getOrDefault(Provenance.Type.CALIBRATED, 0))
                .append(" | fitted to a named target in `shared/reference/` |\n\n");

        for (Parameter.Kind kind : Parameter.Kind.values()) {
            md.append("## ").append(title(kind)).append("\n\n");
            md.append("| name | value | unit | BSV (CV) | description | grade | provenance |\n");
            md.append("|---|---:|---|---:|---|---|---|\n");
            for (Parameter p : model.parameters()) {
                if (p.kind() != kind) {
                    continue;
                }
                md.append("| `").append(p.name()).append("` | ").append(number(p.value())).append(" | ")
                        .append(p.unit().symbol()).append(" | ")
                        .append(Double.isNaN(p.bsvCv()) ? "" : String.format(Locale.ROOT, "%.0f%%", 100 * p.bsvCv()))
                        .append(" | ").append(escape(p.label())).append(" | ")
                        .append(p.provenance().type().name().toLowerCase(Locale.ROOT)).append(" | ")
                        .append(escape(p.provenance().text())).append(" |\n");
            }
            md.append('\n');
        }

        md.append("## States\n\n| # | state | unit | description |\n|---:|---|---|---|\n");
        model.states().forEach(s -> md.append("| ").append(s.index()).append(" | `").append(s.name()).append("` | ")
                .append(s.unit().symbol()).append(" | ").append(escape(s.label())).append(" |\n"));
        md.append("\n## Equations\n\nAs written in the model file (time in h; canonical units mg, L, h, µmol).\n\n```\n");
        model.equationsText().forEach(line -> md.append(line).append('\n'));
        md.append("```\n\n## Outputs\n\n| output | unit | description |\n|---|---|---|\n");
        model.outputs().forEach(o -> md.append("| `").append(o.name()).append("` | ").append(o.unit().symbol())
                .append(" | ").append(escape(o.label())).append(" |\n"));
        return md.toString();
    }

    private static String title(Parameter.Kind kind) {
        switch (kind) {
            case COVARIATE:
                return "Covariates (patient inputs)";
            case PARAMETER:
                return "Parameters";
            default:
                return "Switches for contested mechanisms (1 = on, 0 = off)";
        }
    }

    /** A value as a reviewer expects to read it: six significant digits, no trailing zeros. */
    public static String number(double v) {
        String s = String.format(Locale.ROOT, "%.6g", v);
        if (s.contains("e") || s.contains("E")) {
            return s;
        }
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }

    private static String escape(String s) {
        return s.replace("|", "\\|");
    }
}

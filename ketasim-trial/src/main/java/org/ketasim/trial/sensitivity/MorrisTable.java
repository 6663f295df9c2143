package org.ketasim.trial.sensitivity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The Markdown table of a screening, as {@code ketasim sensitivity --format markdown} prints it; shared so that
 * other runners (Spark) print the very same table.
 */
public final class MorrisTable {

    private MorrisTable() {
    }

    /**
     * @param effects the rows, in rank order (e.g. the first N of {@link Morris.Result#effects()})
     * @return the table's lines: header, alignment row, one row per effect
     */
    public static List<String> markdown(List<Morris.Effect> effects) {
        List<String> lines = new ArrayList<>();
        lines.add("| rank | parameter | μ* | μ | σ | description |");
        lines.add("|---:|---|---:|---:|---:|---|");
        for (int i = 0; i < effects.size(); i++) {
            Morris.Effect e = effects.get(i);
            lines.add(String.format(Locale.ROOT, "| %d | `%s` | %.4g | %.4g | %.4g | %s |", i + 1, e.factor().name(),
                    e.muStar(), e.mu(), e.sigma(), e.factor().label().replace("|", "\\|")));
        }
        return lines;
    }
}

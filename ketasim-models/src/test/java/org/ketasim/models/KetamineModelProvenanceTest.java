package org.ketasim.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.ketasim.lang.Parameter;
import org.ketasim.lang.Provenance;

/** Every parameter of the bundled model says where it comes from, and the generated documentation is current. */
class KetamineModelProvenanceTest {

    @Test
    void everyCalibratedParameterNamesAReferenceTargetOrItsFitScript() {
        Set<String> ids = new HashSet<>();
        for (String file : new String[] {"pk-observations.csv", "pk-parameters.csv", "trial-targets.csv", "mechanism-targets.csv"}) {
            ReferenceData.rows(file).forEach(r -> ids.add(r.get("id")));
        }
        for (Parameter p : KetamineRuns.MODEL.parameters()) {
            if (p.provenance().type() == Provenance.Type.CALIBRATED) {
                String text = p.provenance().text();
                boolean namesTarget = ids.stream().anyMatch(text::contains) || text.startsWith("as ");
                assertThat(namesTarget).as("%s: '%s' names no target id of shared/reference", p.name(), text).isTrue();
            }
            assertThat(p.provenance().text()).as(p.name()).isNotBlank();
        }
    }

    @Test
    void sourcedParametersThatQuoteTheReferenceTableAgreeWithIt() {
        // e.g. Ki_S cites ebert1997_ki_s: the value in the model file must be the value in pk-parameters.csv
        for (var row : ReferenceData.rows("pk-parameters.csv")) {
            for (Parameter p : KetamineRuns.MODEL.parameters()) {
                String text = p.provenance().text();
                if (p.provenance().type() == Provenance.Type.SOURCE && text.matches(".*\\b" + row.get("id") + "\\b\\)?$")) {
                    double expected = Double.parseDouble(row.get("value"));
                    double inRowUnit = p.unit().symbol().equals(row.get("unit")) ? p.value() : Double.NaN;
                    if (!Double.isNaN(inRowUnit)) {
                        assertThat(inRowUnit).as(p.name() + " vs " + row.get("id")).isEqualTo(expected);
                    }
                }
            }
        }
    }

    @Test
    void docsModelMdIsGeneratedFromTheCurrentModelFile() throws IOException {
        Path doc = Path.of("..", "docs", "model.md");
        assertThat(doc).as("docs/model.md (regenerate: ./ketasim params --format markdown > docs/model.md)").exists();
        assertThat(Files.readString(doc)).as("docs/model.md is stale; regenerate: ./ketasim params --format markdown > docs/model.md")
                .isEqualTo(ModelDocument.markdown(KetamineRuns.MODEL));
    }
}

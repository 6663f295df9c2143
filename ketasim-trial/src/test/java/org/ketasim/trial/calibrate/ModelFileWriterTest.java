package org.ketasim.trial.calibrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ketasim.lang.Model;
import org.ketasim.lang.Provenance;
import org.ketasim.models.ModelLibrary;

class ModelFileWriterTest {

    static final String SMALL = """
            # a small model
            model small "writer test"
            [covariates]
            WT   = 70 kg      : "Body weight"                 : assumed "reference adult"
            [parameters]
            k_a  = 1.25 1/h   : "Absorption: first order"     : source "Someone 2001: table 2"
            w_T  = 0.4 1      : "Mood weight"                 : calibrated "by hand" : bsv 50%
            V    = 15.4 L     : "Volume"                      : assumed "x" # trailing comment
            """;

    private static Map<String, Double> values(Object... kv) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], ((Number) kv[i + 1]).doubleValue());
        }
        return m;
    }

    @Test
    void rewritesValueAndProvenanceOnlyAndTheResultParses() throws Exception {
        String prov = ModelFileWriter.provenance(List.of("murrough2013_k_resp", "murrough2013_k_chg"), LocalDate.of(2026, 11, 24));
        String out = ModelFileWriter.rewrite(SMALL, "small.ksm", values("w_T", 0.61234567, "V", 12.0), prov);
        Model m = Model.parse(out, "small.ksm");
        assertThat(m.parameter("w_T").orElseThrow().value()).isEqualTo(0.6123);
        assertThat(m.parameter("w_T").orElseThrow().bsvCv()).isEqualTo(0.5);
        assertThat(m.parameter("w_T").orElseThrow().label()).isEqualTo("Mood weight");
        assertThat(m.parameter("w_T").orElseThrow().provenance().type()).isEqualTo(Provenance.Type.CALIBRATED);
        assertThat(m.parameter("w_T").orElseThrow().provenance().text())
                .isEqualTo("ketasim calibrate: murrough2013_k_resp, murrough2013_k_chg; 2026-11-24");
        assertThat(m.parameter("V").orElseThrow().value()).isEqualTo(12.0);
        assertThat(m.parameter("V").orElseThrow().unit().toString()).isEqualTo("L");

        String[] a = SMALL.split("\n", -1);
        String[] b = out.split("\n", -1);
        assertThat(b).hasSameSizeAs(a);
        for (int i = 0; i < a.length; i++) {
            if (a[i].startsWith("w_T") || a[i].startsWith("V ")) {
                continue;
            }
            assertThat(b[i]).isEqualTo(a[i]);
        }
        assertThat(b[6]).isEqualTo("w_T  = 0.6123 1   : \"Mood weight\"                 : calibrated \"" + prov + "\" : bsv 50%");
        assertThat(b[7]).isEqualTo("V    = 12   L     : \"Volume\"                      : calibrated \"" + prov + "\" # trailing comment");
    }

    @Test
    void rewritesVariabilityAndKeepsTheProvenanceOfAnUnfittedTypicalValue() throws Exception {
        String small = SMALL.replace("source \"Someone 2001: table 2\"", "source \"Someone 2001: table 2\" : bsv 30%");
        String prov = "ketasim calibrate: murrough2013_m_resp; 2026-11-24";
        String out = ModelFileWriter.rewrite(small, "small.ksm", values("k_a.cv", 0.4567, "w_T", 0.5, "w_T.cv", 0.8), prov);
        Model m = Model.parse(out, "small.ksm");
        // k_a: only its variability was fitted; it stays a sourced value and says where the CV came from
        assertThat(m.parameter("k_a").orElseThrow().value()).isEqualTo(1.25);
        assertThat(m.parameter("k_a").orElseThrow().bsvCv()).isEqualTo(0.457);
        assertThat(m.parameter("k_a").orElseThrow().provenance().type()).isEqualTo(Provenance.Type.SOURCE);
        assertThat(m.parameter("k_a").orElseThrow().provenance().text()).isEqualTo("Someone 2001: table 2; bsv " + prov);
        // w_T: both fitted; one calibrated provenance
        assertThat(m.parameter("w_T").orElseThrow().bsvCv()).isEqualTo(0.8);
        assertThat(m.parameter("w_T").orElseThrow().provenance().text()).isEqualTo(prov);
        assertThatThrownBy(() -> ModelFileWriter.rewrite(SMALL, "small.ksm", values("V.cv", 0.3), prov))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no 'bsv NN%'");
    }

    @Test
    void rewritesTheBundledModelLeavingOtherLinesIdentical() throws Exception {
        String src = ModelLibrary.source("ketamine");
        String out = ModelFileWriter.rewrite(src, "ketamine.ksm", values("w_T", 0.55, "k_out", 0.5), "ketasim calibrate: t; 2026-11-24");
        Model m = Model.parse(out, "ketamine.ksm");
        assertThat(m.parameter("w_T").orElseThrow().value()).isEqualTo(0.55);
        assertThat(m.parameter("k_out").orElseThrow().value()).isEqualTo(0.5);
        assertThat(m.parameter("w_T").orElseThrow().bsvCv()).isEqualTo(0.5);
        String[] a = src.split("\n", -1);
        String[] b = out.split("\n", -1);
        assertThat(b).hasSameSizeAs(a);
        int changed = 0;
        for (int i = 0; i < a.length; i++) {
            if (!a[i].equals(b[i])) {
                changed++;
                assertThat(b[i]).matches("(w_T|k_out) .*");
            }
        }
        assertThat(changed).isEqualTo(2);
    }

    @Test
    void neverOverwritesTheInputUnlessAsked(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("m.ksm");
        Files.writeString(in, SMALL);
        assertThatThrownBy(() -> ModelFileWriter.write(SMALL, in, in, false, values("w_T", 0.5), "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--in-place");
        assertThat(Files.readString(in)).isEqualTo(SMALL);
        Path out = dir.resolve("sub/m2.ksm");
        ModelFileWriter.write(SMALL, in, out, false, values("w_T", 0.5), "x");
        assertThat(Model.load(out).parameter("w_T").orElseThrow().value()).isEqualTo(0.5);
        ModelFileWriter.write(SMALL, in, in, true, values("w_T", 0.7), "x");
        assertThat(Model.load(in).parameter("w_T").orElseThrow().value()).isEqualTo(0.7);
    }

    @Test
    void unknownParameterIsRejected() {
        assertThatThrownBy(() -> ModelFileWriter.rewrite(SMALL, "small.ksm", values("w_X", 0.5), "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("w_X");
    }
}

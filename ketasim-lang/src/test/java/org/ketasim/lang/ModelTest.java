package org.ketasim.lang;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ketasim.units.Dimension;
import org.ketasim.units.Unit;

/** Parsing a complete model: every block and what the model reports about itself. */
class ModelTest {

    private static Model model;

    @BeforeAll
    static void load() {
        model = TestModels.load("complete.ksm");
    }

    @Test
    void nameTitleAndSource() {
        assertThat(model.name()).isEqualTo("complete");
        assertThat(model.title()).isEqualTo("Two-compartment ketamine with an effect on a score");
        assertThat(model.sourceName()).endsWith("complete.ksm");
    }

    @Test
    void parametersAreCovariatesThenParametersThenSwitches() {
        assertThat(model.parameters()).extracting(Parameter::name).containsExactly("WT", "CL", "V1", "Q", "V2",
                "ka", "F_oral", "MW", "IC50", "kout", "Y0", "Emax", "WT_ref", "hnk_ampa");
        assertThat(model.parameters()).extracting(Parameter::kind).startsWith(Parameter.Kind.COVARIATE,
                Parameter.Kind.PARAMETER).endsWith(Parameter.Kind.PARAMETER, Parameter.Kind.SWITCH);
        assertThat(model.parameterIndex("CL")).hasValue(1);
        assertThat(model.parameterIndex("hnk_ampa")).hasValue(13);
        assertThat(model.parameterIndex("nope")).isEmpty();
        assertThat(model.parameter("V2")).map(Parameter::line).contains(12);
    }

    @Test
    void parameterRowsKeepValueUnitLabelProvenanceAndBsv() {
        Parameter cl = model.parameter("CL").orElseThrow();
        assertThat(cl.value()).isEqualTo(79.0);
        assertThat(cl.unit().symbol()).isEqualTo("L/h");
        assertThat(cl.label()).isEqualTo("Clearance, 70 kg");
        assertThat(cl.provenance()).isEqualTo(new Provenance(Provenance.Type.SOURCE,
                "Kamp 2020 Anesthesiology 133:1192, Table 2"));
        assertThat(cl.bsvCv()).isEqualTo(0.25);
        assertThat(cl.hasBsv()).isTrue();
        assertThat(cl.line()).isEqualTo(9);

        Parameter v1 = model.parameter("V1").orElseThrow();
        assertThat(v1.provenance().type()).isEqualTo(Provenance.Type.CALIBRATED);
        assertThat(v1.provenance().text()).isEqualTo("pk-observations bolus10mg_peak");
        assertThat(v1.bsvCv()).isNaN();

        Parameter ic50 = model.parameter("IC50").orElseThrow();
        assertThat(ic50.provenance().type()).isEqualTo(Provenance.Type.ASSUMED);
        assertThat(ic50.provenance()).hasToString("assumed \"Gerhard 2020: ~50% block at 1 uM\"");

        assertThat(model.parameter("V2").orElseThrow().bsvCv()).isEqualTo(0.40);
        Parameter emax = model.parameter("Emax").orElseThrow();
        assertThat(emax.unit()).isEqualTo(Unit.ONE);
        Parameter sw = model.parameter("hnk_ampa").orElseThrow();
        assertThat(sw.kind()).isEqualTo(Parameter.Kind.SWITCH);
        assertThat(sw.value()).isZero();
        assertThat(sw.unit().dimension().isDimensionless()).isTrue();
    }

    @Test
    void parameterValuesAreConvertedToCanonicalUnits() {
        assertThat(model.parameter("WT").orElseThrow().canonicalValue()).isEqualTo(70e6);      // mg
        assertThat(model.parameter("Q").orElseThrow().canonicalValue()).isCloseTo(75.0, within(1e-12)); // L/h
        assertThat(model.parameter("F_oral").orElseThrow().canonicalValue()).isCloseTo(0.17, within(1e-15));
        assertThat(model.parameter("MW").orElseThrow().canonicalValue()).isCloseTo(0.23773, within(1e-15));
        assertThat(model.parameter("kout").orElseThrow().canonicalValue()).isCloseTo(0.1 / 24, within(1e-15));
        double[] p = model.defaultParameters();
        assertThat(p).hasSize(14);
        assertThat(p[3]).isCloseTo(75.0, within(1e-12));
        p[3] = -1;
        assertThat(model.defaultParameters()[3]).as("a fresh copy each call").isCloseTo(75.0, within(1e-12));
    }

    @Test
    void derivedRowsKeepTheirTextLabelAndDimension() {
        assertThat(model.derived()).extracting(Derived::name).containsExactly("cl", "k12", "k21");
        Derived cl = model.derived().get(0);
        assertThat(cl.expression()).isEqualTo("CL * (WT/WT_ref)^0.75");
        assertThat(cl.label()).isEqualTo("Allometric clearance");
        assertThat(cl.dimension()).isEqualTo(new Dimension(0, 3, -1, 0, 0));
        assertThat(model.derived().get(1).label()).isEmpty();
        assertThat(model.derived().get(1).dimension()).isEqualTo(Dimension.TIME.inverse());
    }

    @Test
    void statesAreIndexedWithTheirUnits() {
        assertThat(model.states()).extracting(State::name).containsExactly("A_g", "A_c", "A_p", "Lost", "Elim", "Y");
        State y = model.states().get(5);
        assertThat(y.index()).isEqualTo(5);
        assertThat(y.unit().dimension()).isEqualTo(Dimension.POINTS);
        assertThat(y.label()).isEqualTo("Depression score (MADRS)");
        assertThat(model.stateIndex("A_c")).hasValue(1);
    }

    @Test
    void intermediatesAndEquationText() {
        assertThat(model.intermediates()).extracting(Intermediate::name).containsExactly("C", "C_umol", "E");
        assertThat(model.intermediates().get(0).expression()).isEqualTo("A_c / V1");
        assertThat(model.intermediates().get(1).dimension()).isEqualTo(new Dimension(0, -3, 0, 1, 0));
        assertThat(model.intermediates().get(2).dimension().isDimensionless()).isTrue();
        List<String> eqs = model.equationsText();
        assertThat(eqs).hasSize(6);
        assertThat(eqs.get(0)).isEqualTo("d/dt(A_g) = -ka * A_g");
        // a row continued on the next line, comment removed, whitespace collapsed
        assertThat(eqs.get(1)).isEqualTo("d/dt(A_c) = ka * A_g - cl * C - k12 * A_c + k21 * A_p");
    }

    @Test
    void outputsHaveDisplayUnits() {
        assertThat(model.outputs()).extracting(Output::name)
                .containsExactly("ketamine_ng_ml", "ketamine_um", "score", "occupancy");
        Output ng = model.outputs().get(0);
        assertThat(ng.unit().symbol()).isEqualTo("ng/mL");
        assertThat(ng.label()).isEqualTo("Plasma ketamine");
        assertThat(ng.index()).isZero();
        assertThat(model.outputIndex("occupancy")).hasValue(3);
    }

    @Test
    void doseTargetsAreSlotsInFileOrder() {
        assertThat(model.doseTargets()).containsExactly(
                new DoseTarget("iv", "S", "A_c", 1, 0),
                new DoseTarget("iv", "R", "A_c", 1, 1),
                new DoseTarget("oral", "S", "A_g", 0, 2),
                new DoseTarget("oral", "S", "Lost", 3, 3));
        double[] p = model.defaultParameters();
        ModelEquations eq = model.compile();
        double[] d = new double[eq.derivedCount()];
        eq.derive(p, d);
        double[] f = new double[eq.doseTargetCount()];
        eq.doseFractions(p, d, f);
        assertThat(f[0]).isEqualTo(1.0);
        assertThat(f[1]).isEqualTo(1.0);
        assertThat(f[2]).isCloseTo(0.17, within(1e-15));
        assertThat(f[3]).isCloseTo(0.83, within(1e-15));
    }

    @Test
    void balanceUnitAndValue() {
        assertThat(model.balanceUnit()).map(Unit::symbol).contains("mg");
        ModelEquations eq = model.compile();
        double[] y = {1, 2, 3, 4, 5, 30};
        double[] p = model.defaultParameters();
        double[] d = new double[eq.derivedCount()];
        eq.derive(p, d);
        assertThat(eq.balance(0, y, p, d)).isEqualTo(15.0);
    }

    @Test
    void modelWithoutBalanceReportsNaN() throws ModelException {
        Model m = Model.parse("model m \"t\"\n[parameters]\nk = 1 1/h : \"k\" : assumed \"x\"\n[states]\n"
                + "A(0) = 1 [mg] : \"A\"\n[equations]\nd/dt(A) = -k * A\n", "m.ksm");
        assertThat(m.balanceUnit()).isEmpty();
        assertThat(m.compile().balance(1, new double[] {1}, new double[] {1}, new double[0])).isNaN();
        assertThat(m.interpret().balance(1, new double[] {1}, new double[] {1}, new double[0])).isNaN();
    }

    @Test
    void initialStateConvertsLiteralsFromTheDeclaredUnit() {
        ModelEquations eq = model.compile();
        double[] p = model.defaultParameters();
        double[] d = new double[eq.derivedCount()];
        eq.derive(p, d);
        double[] y0 = new double[eq.stateCount()];
        eq.initialState(p, d, y0);
        assertThat(y0).containsExactly(0, 0, 0, 0, 0, 30);
    }

    @Test
    void parametersAreOrderedByBlockKindNotFileOrder() throws ModelException {
        Model m = Model.parse("""
                model order "blocks in any order"
                [switches]
                s1 = 1 : "switch" : assumed "x"
                [parameters]
                p1 = 2 mg : "param" : assumed "x"
                [covariates]
                c1 = 3 kg : "covariate" : assumed "x"
                c2 = 4 kg : "covariate" : assumed "x"
                """, "order.ksm");
        assertThat(m.parameters()).extracting(Parameter::name).containsExactly("c1", "c2", "p1", "s1");
        assertThat(m.defaultParameters()).containsExactly(3e6, 4e6, 2, 1);
    }

    @Test
    void suggestFindsTheClosestParameterName() {
        assertThat(model.suggest("Cl")).isEqualTo("CL");
        assertThat(model.suggest("V3")).isIn("V1", "V2");
        assertThat(model.suggest("IC5O")).isEqualTo("IC50");
        assertThat(model.suggest("kuot")).isEqualTo("kout");
        assertThat(model.suggest("completely_different")).isNull();
        assertThat(model.suggest("C")).as("states and intermediates are not parameters").isNotEqualTo("C");
    }

    @Test
    void loadReadsUtf8AndNamesTheFile(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("micro.ksm");
        Files.writeString(f, "\uFEFFmodel micro \"µ-units\"\n[parameters]\nK = 2 µmol/L : \"µ\" : assumed \"x\"\n",
                StandardCharsets.UTF_8);
        Model m = Model.load(f);
        assertThat(m.sourceName()).isEqualTo(f.toString());
        assertThat(m.parameter("K").orElseThrow().canonicalValue()).isEqualTo(2.0);
        assertThat(m.parameter("K").orElseThrow().label()).isEqualTo("µ");
    }

    @Test
    void loadReportsMissingFileAndBadEncoding(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("missing.ksm");
        assertThatThrownBy(() -> Model.load(missing)).isInstanceOf(ModelException.class)
                .hasMessageStartingWith(missing + ": cannot read the model file")
                .satisfies(e -> assertThat(((ModelException) e).line()).isZero());
        Path latin1 = dir.resolve("latin1.ksm");
        Files.write(latin1, new byte[] {'m', 'o', 'd', 'e', 'l', ' ', (byte) 0xB5});
        assertThatThrownBy(() -> Model.load(latin1)).hasMessageContaining("not valid UTF-8");
    }

    @Test
    void generatedSourceIsReadableJava() {
        String src = model.generatedSource();
        assertThat(src).contains("public final class Ksm_complete implements org.ketasim.lang.ModelEquations")
                .contains("// d/dt(A_c) = ka * A_g - cl * C - k12 * A_c + k21 * A_p")
                // the division by the volume p[2] became a multiplication by its reciprocal, precomputed in derive
                .contains("final double i_C = y[1] * d[3];")
                .contains("d[3] = 1.0 / p[2];")
                .contains("d[0] = p[1] * Math.pow(p[0] / p[12], 0.75);")
                .doesNotContain("new ");
        assertThat(model.compile()).isSameAs(model.compile());
    }

    @Test
    void compilerFoldsConstantsAndSpecializesSmallPowers() throws ModelException {
        Model m = Model.parse("""
                model fold "constant folding"
                [parameters]
                th = 6 h : "half-life" : assumed "x"
                K = 2 mg/L : "K" : assumed "x"
                [states]
                A(0) = 1 [mg/L] : "A"
                [equations]
                d/dt(A) = -ln(2) / th * A * hill(A, K, 1 + 1) + (A / K)^-2 * A / th - A^3 / K^2 / th
                """, "fold.ksm");
        String src = m.generatedSource();
        assertThat(src).contains("0.6931471805599453").doesNotContain("Math.log")
                .contains("Functions.hillInt(y[0], p[1], 2)")
                // divisions by parameters became multiplications by reciprocals computed once in derive
                .contains("d[0] = 1.0 / p[0];").contains("d[2] = 1.0 / (p[1] * p[1]);")
                .contains("1.0 / Functions.sq(y[0] * d[1])")
                .contains("y[0] * y[0] * y[0] * d[2] * d[0]")
                .doesNotContain("Math.pow");
    }

    @Test
    void commentsBlankLinesAndWindowsLineEndingsAreIgnored() throws ModelException {
        Model m = Model.parse("# header\r\n\r\nmodel w \"crlf\"  # trailing\r\n[parameters]\r\n"
                + "# comment\r\nk = 2 1/h : \"k\" : assumed \"x\"   # after\r\n", "w.ksm");
        assertThat(m.parameter("k").orElseThrow().canonicalValue()).isEqualTo(2.0);
    }

    @Test
    void rowsContinueInsideParenthesesAndAfterCommas() throws ModelException {
        Model m = Model.parse("""
                model cont "continued rows"
                [parameters]
                k = -0.5 1/h : "negative rate" : assumed "x"
                F = 0.25 : "fraction" : assumed "x"
                [states]
                A(0) = 1 [mg] : "A"
                B(0) = 0 [mg] : "B"
                [dosing]
                oral R: A * F,
                        B * (1 - F)
                [equations]
                D = (A +   # first part
                     B) * 2
                d/dt(A) = k * A
                d/dt(B) = k *
                          B
                """, "cont.ksm");
        assertThat(m.parameter("k").orElseThrow().value()).isEqualTo(-0.5);
        assertThat(m.intermediates().get(0).expression()).isEqualTo("(A + B) * 2");
        assertThat(m.equationsText()).containsExactly("d/dt(A) = k * A", "d/dt(B) = k * B");
        assertThat(m.doseTargets()).extracting(DoseTarget::state).containsExactly("A", "B");
        double[] f = new double[2];
        m.compile().doseFractions(m.defaultParameters(), new double[0], f);
        assertThat(f).containsExactly(0.25, 0.75);
    }

    @Test
    void modelExceptionFormatsOneLine() {
        ModelException e = new ModelException("a.ksm", 3, 7, "bad thing;\nexpected good");
        assertThat(e.getMessage()).isEqualTo("a.ksm:3:7: bad thing; expected good");
        assertThat(e.detail()).isEqualTo("bad thing;\nexpected good");
        assertThat(new ModelException("a.ksm", 0, 0, "unreadable").getMessage()).isEqualTo("a.ksm: unreadable");
    }
}

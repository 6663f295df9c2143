package org.ketasim.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ketasim.engine.Simulator;
import org.ketasim.engine.Trajectory;
import org.ketasim.engine.dosing.Dose;
import org.ketasim.engine.dosing.Drug;
import org.ketasim.engine.dosing.Regimen;
import org.ketasim.engine.dosing.Route;
import org.ketasim.engine.dosing.Salt;
import org.ketasim.engine.solve.SolverMethod;
import org.ketasim.engine.solve.SolverOptions;
import org.ketasim.interop.sbml.SbmlExporter;
import org.ketasim.lang.Model;
import org.ketasim.lang.Output;
import org.ketasim.lang.Parameter;
import org.ketasim.lang.State;
import org.ketasim.models.ModelLibrary;
import org.ketasim.models.SessionCovariates;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * The SBML export of the bundled model (with the default course and a mixed one) and of a small model that uses
 * every function of the language, checked by libSBML ({@code tools/sbml/check_sbml.py}: readSBML, then
 * checkConsistency, zero errors) and simulated independently ({@code tools/sbml/simulate_sbml.py}: libSBML reads
 * the file, SciPy Radau integrates the SBML math at rtol 1e-10, atol 1e-12) against KetaSim's own trajectory
 * (Dormand–Prince 8(5,3) at rtol 1e-11, atol 1e-14).
 *
 * <p>Every state and output is compared at every time point (0 to 7 days, every 10 min). The relative difference
 * is {@code |ketasim - scipy| / max(|scipy|, 1e-6 × peak, 1e-4)}, where peak is the largest magnitude of that column
 * over the run (canonical units for states, display units for outputs). The floors keep quantities that are still
 * about 0 from dividing by almost nothing: a state that has not yet started (the expectancy state at the instant of
 * the first session, where {@code step(t - T_FIRST)} jumps at the end of an integration segment) differs by
 * integrator noise of about 1e-11 between the two solvers, below 1e-10 = 1e-6 × 1e-4, which is 100 × SciPy's atol.
 */
class SbmlExportTest {

    private static final double WEIGHT_KG = 70;
    private static final double TOLERANCE = 1e-6;
    private static final double FLOOR_OF_PEAK = 1e-6;
    private static final double ABSOLUTE_FLOOR = 1e-4;

    @TempDir
    Path dir;

    /** A model file and a course to export. */
    private record Case(String name, String sourceName, String text, Regimen regimen) {
        Model model() throws Exception {
            return Model.parse(text, sourceName);
        }

        SbmlExporter exporter() throws Exception {
            return SbmlExporter.of(text, sourceName);
        }

        double[] parameters() throws Exception {
            Model m = model();
            double[] p = m.defaultParameters();
            p[m.parameterIndex("WT").getAsInt()] = m.parameter("WT").get().unit().toCanonical(WEIGHT_KG);
            SessionCovariates.apply(m, p, regimen, regimen.doses().get(0).startH(), Set.of());
            return p;
        }
    }

    private static Model model() {
        return ModelLibrary.ketamine();
    }

    private static SbmlExporter exporter() throws Exception {
        return SbmlExporter.of(ModelLibrary.source(ModelLibrary.KETAMINE), "models/ketamine.ksm");
    }

    /**
     * The cases: the bundled model with the default course, the bundled model with a course that exercises boluses,
     * route fractions and repeats, and a small model that uses every function of the language.
     */
    private static Case exportCase(String name) throws IOException {
        String ketamine = ModelLibrary.source(ModelLibrary.KETAMINE);
        return switch (name) {
            // 0.5 mg/kg ketamine hydrochloride over 40 min, 70 kg: the default of 'ketasim simulate' and 'export'
            case "default" -> new Case(name, "models/ketamine.ksm", ketamine,
                    Regimen.of(new Dose(Drug.KETAMINE, Route.IV, Salt.HCL.toBaseMg(0.5 * WEIGHT_KG), 0, 40.0 / 60)));
            // Spravato 56 mg on days 0 and 3 at 09:00, an IM bolus of racemate, oral arketamine, an IV infusion
            case "mixed" -> new Case(name, "models/ketamine.ksm", ketamine,
                    Regimen.of(new Dose(Drug.ESKETAMINE, Route.INTRANASAL, 56, 9, 0),
                            new Dose(Drug.ESKETAMINE, Route.INTRANASAL, 56, 81, 0),
                            new Dose(Drug.KETAMINE, Route.IM, 30, 30, 0),
                            new Dose(Drug.ARKETAMINE, Route.ORAL, 50, 50, 0),
                            new Dose(Drug.KETAMINE, Route.IV, 20, 100, 2)));
            // exp ln log10 sqrt abs min max pos step hill (integer and fractional n), ^, %, an IM fraction
            case "every-function" -> {
                try (var in = SbmlExportTest.class.getResourceAsStream("/every-function.ksm")) {
                    yield new Case(name, "every-function.ksm", new String(in.readAllBytes(), StandardCharsets.UTF_8),
                            Regimen.of(Dose.bolus(Drug.KETAMINE, Route.IM, 10, 0), Dose.bolus(Drug.KETAMINE, Route.IM, 10, 24),
                                    new Dose(Drug.KETAMINE, Route.IV, 5, 30, 1)));
                }
            }
            default -> throw new IllegalArgumentException(name);
        };
    }

    private static Regimen regimen(String name) throws IOException {
        return exportCase(name).regimen();
    }

    private static double[] parameters(Regimen regimen) throws Exception {
        return new Case("", "models/ketamine.ksm", ModelLibrary.source(ModelLibrary.KETAMINE), regimen).parameters();
    }

    private Path export(String caseName) throws Exception {
        Case c = exportCase(caseName);
        Path file = dir.resolve(caseName + ".xml");
        Files.writeString(file, c.exporter().toSbml(c.parameters(), c.regimen(), caseName), StandardCharsets.UTF_8);
        return file;
    }

    @ParameterizedTest
    @ValueSource(strings = {"default", "mixed", "every-function"})
    void libSbmlFindsNoErrors(String regimenName) throws Exception {
        PythonTools.assumeLibSbmlAndScipy();
        PythonTools.Result r = PythonTools.python("check_sbml.py", export(regimenName).toString());
        String summary = r.output().strip().lines().reduce((a, b) -> b).orElse("");
        System.out.println("libSBML on the " + regimenName + " export: " + summary);
        assertThat(summary).as(r.output()).contains("errors=0").contains("level=3 version=2");
        assertThat(r.exitCode()).as(r.output()).isZero();
        if (regimenName.equals("every-function")) {
            // libSBML checks units wherever every literal's unit is declared; on this fixed model, the only warnings
            // left are 99505 (a literal inside a function definition or an output's unit factor has no unit), none
            // of them a unit inconsistency: libSBML agrees with KetaSim's dimension checker
            assertThat(r.output().lines().filter(l -> l.startsWith("Warning")))
                    .allSatisfy(l -> assertThat(l).startsWith("Warning 99505 "));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"default", "mixed", "every-function"})
    void independentScipySimulationMatchesKetaSim(String regimenName) throws Exception {
        PythonTools.assumeLibSbmlAndScipy();
        Path sbml = export(regimenName);
        Path csv = dir.resolve("scipy-" + regimenName + ".csv");
        double everyH = 10.0 / 60;
        int n = (int) Math.round(7 * 24 / everyH) + 1;
        double[] times = new double[n];
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < n; i++) {
            times[i] = i * everyH;
            list.append(i == 0 ? "" : ",").append(times[i]);
        }
        PythonTools.Result r = PythonTools.python("simulate_sbml.py", sbml.toString(), "--times", list.toString(),
                "--method", "Radau", "--rtol", "1e-10", "--atol", "1e-12", "--out", csv.toString());
        assertThat(r.exitCode()).as(r.output()).isZero();
        Map<String, double[]> scipy = readCsv(csv);
        assertThat(scipy.get("time")).containsExactly(times);

        Case c = exportCase(regimenName);
        Model m = c.model();
        // the absolute tolerance is per state in its declared unit (1e-15 mg, 1e-15 mmHg): tight enough that a decayed
        // concentration (4e-6 ng/mL, 1e-8 of its peak) is still resolved to the comparison floor
        SolverOptions tight = SolverOptions.of(SolverMethod.DORMAND_PRINCE_853).withTolerances(1e-11, 1e-15);
        Trajectory own = new Simulator(m.compile(), m.doseTargets(), tight).run(c.parameters(), c.regimen(), times);

        Map<String, double[]> ketasim = new LinkedHashMap<>();
        for (State s : m.states()) {
            ketasim.put(s.name(), own.state(s.index()));
        }
        for (Output o : m.outputs()) {
            ketasim.put(o.name(), own.output(o.index()));
        }
        double worst = 0;
        String where = "";
        for (Map.Entry<String, double[]> e : ketasim.entrySet()) {
            double[] theirs = scipy.get(e.getKey());
            assertThat(theirs).as("SciPy column %s", e.getKey()).isNotNull();
            double peak = 0;
            for (double v : theirs) {
                peak = Math.max(peak, Math.abs(v));
            }
            for (int i = 0; i < n; i++) {
                double diff = Math.abs(e.getValue()[i] - theirs[i]);
                double rel = diff / Math.max(Math.max(Math.abs(theirs[i]), FLOOR_OF_PEAK * peak), ABSOLUTE_FLOOR);
                if (rel > worst) {
                    worst = rel;
                    where = String.format(Locale.ROOT, "%s at %.3f h (KetaSim %.12g, SciPy %.12g)", e.getKey(), times[i],
                            e.getValue()[i], theirs[i]);
                }
            }
        }
        System.out.printf(Locale.ROOT, "SBML %s: %d states + %d outputs x %d times; max relative difference %.3g (%s)%n",
                regimenName, m.states().size(), m.outputs().size(), n, worst, where);
        assertThat(worst).as("max relative difference, at %s", where).isLessThanOrEqualTo(TOLERANCE);
    }

    @Test
    void everyParameterCarriesItsProvenanceAndUnit() throws Exception {
        Regimen regimen = regimen("default");
        Document doc = parse(exporter().toSbml(parameters(regimen), regimen, "default"));
        Map<String, Element> byId = new LinkedHashMap<>();
        NodeList params = doc.getElementsByTagNameNS("http://www.sbml.org/sbml/level3/version2/core", "parameter");
        for (int i = 0; i < params.getLength(); i++) {
            Element e = (Element) params.item(i);
            byId.put(e.getAttribute("id"), e);
        }
        for (Parameter q : model().parameters()) {
            Element e = byId.get(q.name());
            assertThat(e).as(q.name()).isNotNull();
            assertThat(e.getAttribute("constant")).isEqualTo("true");
            NodeList ann = e.getElementsByTagNameNS(SbmlExporter.KETASIM_NAMESPACE, "parameter");
            assertThat(ann.getLength()).as("annotation of %s", q.name()).isEqualTo(1);
            Element a = (Element) ann.item(0);
            assertThat(a.getAttribute("provenance")).isEqualTo(q.provenance().type().keyword());
            assertThat(a.getTextContent()).isEqualTo(q.provenance().text());
            assertThat(a.getAttribute("unit")).isEqualTo(q.unit().symbol());
            assertThat(e.getElementsByTagNameNS("http://www.w3.org/1999/xhtml", "p").item(0).getTextContent())
                    .contains(q.provenance().text());
        }
        // one rate rule per state, one event per breakpoint (start and end of the infusion)
        assertThat(doc.getElementsByTagNameNS("*", "rateRule").getLength()).isEqualTo(model().states().size());
        assertThat(doc.getElementsByTagNameNS("*", "event").getLength()).isEqualTo(2);
    }

    @Test
    void aDoseTheModelCannotReceiveIsRefusedInOneLine() throws Exception {
        String text = """
                model tiny "one compartment"
                [parameters]
                k = 1 1/h : "elimination" : assumed "test"
                [states]
                A(0) = 0 [mg] : "amount"
                [dosing]
                iv S: A
                [equations]
                d/dt(A) = -k * A
                [outputs]
                amount = A [mg] : "amount"
                """;
        Model m = Model.parse(text, "tiny.ksm");
        SbmlExporter tiny = SbmlExporter.of(text, "tiny.ksm");
        Regimen racemic = Regimen.of(Dose.bolus(Drug.KETAMINE, Route.IV, 10, 0));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> tiny.toSbml(m.defaultParameters(), racemic, ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no dosing target for iv R")
                .hasMessageNotContaining("\n");
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }

    /** Columns of a CSV with a header row, by name. */
    static Map<String, double[]> readCsv(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        String[] head = lines.get(0).split(",");
        List<String[]> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                rows.add(lines.get(i).split(","));
            }
        }
        Map<String, double[]> cols = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (int c = 0; c < head.length; c++) {
            if (!seen.add(head[c])) {
                throw new IllegalStateException("duplicate column " + head[c]);
            }
            double[] v = new double[rows.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = Double.parseDouble(rows.get(i)[c]);
            }
            cols.put(head[c], v);
        }
        return cols;
    }
}

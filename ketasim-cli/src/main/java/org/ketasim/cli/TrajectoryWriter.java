package org.ketasim.cli;

import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.ketasim.lang.Output;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** Writes a simulated course as CSV (one row per time point) or JSON (columns with units and settings). */
final class TrajectoryWriter {

    private TrajectoryWriter() {
    }

    static void csv(SimulationRun run, Writer out) throws IOException {
        List<Output> outputs = run.model().outputs();
        StringBuilder line = new StringBuilder("time_h");
        outputs.forEach(o -> line.append(',').append(o.name()));
        out.write(line.append('\n').toString());
        double[] t = run.trajectory().timesH();
        double[][] y = run.trajectory().outputs();
        for (int i = 0; i < t.length; i++) {
            line.setLength(0);
            line.append(format(t[i]));
            for (int k = 0; k < outputs.size(); k++) {
                line.append(',').append(format(y[i][k]));
            }
            out.write(line.append('\n').toString());
        }
    }

    static void json(SimulationRun run, Writer out) throws IOException {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("model", run.model().name());
        doc.put("regimen", run.description());
        Map<String, Object> units = new LinkedHashMap<>();
        units.put("time_h", "h");
        run.model().outputs().forEach(o -> units.put(o.name(), o.unit().symbol()));
        doc.put("units", units);
        Map<String, Object> params = new LinkedHashMap<>();
        run.model().parameters().forEach(p -> params.put(p.name(), p.unit().fromCanonical(run.parameters()[run.model().parameterIndex(p.name()).getAsInt()])));
        doc.put("parameters", params);
        Map<String, Object> series = new LinkedHashMap<>();
        series.put("time_h", run.trajectory().timesH());
        for (Output o : run.model().outputs()) {
            series.put(o.name(), run.column(o.name()));
        }
        doc.put("series", series);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out, doc);
    }

    static String format(double v) {
        if (v == 0) {
            return "0";
        }
        return String.format(Locale.ROOT, "%.6g", v);
    }
}

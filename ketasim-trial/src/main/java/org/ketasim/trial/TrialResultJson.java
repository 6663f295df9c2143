package org.ketasim.trial;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON document of a trial result, as {@code ketasim trial} writes it: name, seed, model and per arm its size,
 * endpoints (value, 95% interval as {@code ci95}, subjects counted, unit and, for relapse endpoints, the
 * Kaplan–Meier curve) and the MADRS trajectory. Values that are not finite are written as null. Keys are in a fixed
 * order, so the same result always gives the same bytes.
 */
public final class TrialResultJson {

    private TrialResultJson() {
    }

    /** The document as nested maps and lists, in a fixed key order, ready for a JSON writer (e.g. Jackson). */
    public static Map<String, Object> toMap(TrialResult r) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("name", r.name());
        doc.put("seed", r.seed());
        doc.put("model", r.model());
        List<Object> arms = new ArrayList<>();
        for (TrialResult.ArmResult a : r.arms()) {
            Map<String, Object> arm = new LinkedHashMap<>();
            arm.put("name", a.name());
            arm.put("n", a.n());
            Map<String, Object> eps = new LinkedHashMap<>();
            a.endpoints().forEach((name, ep) -> {
                Map<String, Object> e = new LinkedHashMap<>();
                Estimate est = ep.estimate();
                e.put("value", finite(est.value()));
                e.put("ci95", new Object[] {finite(est.lo()), finite(est.hi())});
                e.put("n", est.n());
                e.put("unit", ep.unit());
                if (!ep.curve().isEmpty()) {
                    List<Object> curve = new ArrayList<>();
                    for (KaplanMeier.Point p : ep.curve()) {
                        // a fixed key order (Map.of's order changes from one JVM to the next), so that files can be compared
                        Map<String, Object> point = new LinkedHashMap<>();
                        point.put("day", p.time());
                        point.put("relapse_free", p.survival());
                        point.put("lo", p.lo());
                        point.put("hi", p.hi());
                        point.put("at_risk", p.atRisk());
                        curve.add(point);
                    }
                    e.put("curve", curve);
                }
                eps.put(name, e);
            });
            arm.put("endpoints", eps);
            Map<String, Object> tr = new LinkedHashMap<>();
            tr.put("time_h", a.madrs().timesH());
            tr.put("madrs_mean", a.madrs().mean());
            tr.put("madrs_p05", a.madrs().p05());
            tr.put("madrs_p95", a.madrs().p95());
            arm.put("trajectory", tr);
            arms.add(arm);
        }
        doc.put("arms", arms);
        return doc;
    }

    private static Object finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}

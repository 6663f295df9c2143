package org.ketasim.interop.sbml;

import java.util.LinkedHashMap;
import java.util.Map;

import javax.xml.stream.XMLStreamException;

import org.ketasim.units.Dimension;
import org.ketasim.units.Unit;

/**
 * SBML unit definitions for KetaSim units. Every value in the exported model is in KetaSim's canonical units
 * (mg, dm so that dm³ = L, h, µmol), so one definition per dimension suffices; only the outputs, which the model
 * shows in display units such as ng/mL, may need a definition with a multiplier.
 *
 * <p>SBML has no base unit for KetaSim's clinical-score dimension ({@code points}); it is written as
 * dimensionless, and the ketasim annotation of each parameter keeps the unit as written.
 */
final class SbmlUnits {

    /** The SBML id of "dimensionless", a base unit needing no definition. */
    static final String DIMENSIONLESS = "dimensionless";

    /** Definitions used so far, by id, in first-use order. */
    private final Map<String, Unit> used = new LinkedHashMap<>();

    /** The id of the canonical unit of a dimension. */
    String canonical(Dimension d) {
        return id(Unit.canonical(d));
    }

    /** The id of a unit (a canonical one when its factor is 1). */
    String id(Unit unit) {
        Dimension d = unit.dimension();
        boolean scoreOnly = d.mass() == 0 && d.length() == 0 && d.time() == 0 && d.amount() == 0;
        if (scoreOnly && unit.factor() == 1.0) {
            return DIMENSIONLESS;
        }
        Unit named = unit.factor() == 1.0 ? Unit.canonical(d) : unit;
        String id = "u_" + sanitize(named.symbol());
        Unit before = used.putIfAbsent(id, named);
        if (before != null && (!before.dimension().equals(named.dimension()) || before.factor() != named.factor())) {
            throw new IllegalStateException("two units map to the SBML unit id " + id + ": " + before + " and " + named);
        }
        return id;
    }

    /** Writes {@code <listOfUnitDefinitions>} for every unit asked for so far. */
    void write(XmlOut out) throws XMLStreamException {
        if (used.isEmpty()) {
            return;
        }
        out.start("listOfUnitDefinitions");
        for (Map.Entry<String, Unit> e : used.entrySet()) {
            Unit u = e.getValue();
            Dimension d = u.dimension();
            out.start("unitDefinition", "id", e.getKey(), "name", u.symbol()).start("listOfUnits");
            unit(out, "gram", d.mass(), -3, 1);
            unit(out, "metre", d.length(), -1, 1);
            unit(out, "second", d.time(), 0, 3600);
            unit(out, "mole", d.amount(), -6, 1);
            if (u.factor() != 1.0 || (d.mass() == 0 && d.length() == 0 && d.time() == 0 && d.amount() == 0)) {
                // 1 display unit = factor canonical units
                out.empty("unit", "kind", "dimensionless", "exponent", "1", "scale", "0", "multiplier", Double.toString(u.factor()));
            }
            out.end().end();
        }
        out.end();
    }

    private static void unit(XmlOut out, String kind, int exponent, int scale, double multiplier) throws XMLStreamException {
        if (exponent != 0) {
            out.empty("unit", "kind", kind, "exponent", Integer.toString(exponent), "scale", Integer.toString(scale),
                    "multiplier", multiplier == 1 ? "1" : Double.toString(multiplier));
        }
    }

    /** A unit symbol as an SBML identifier: {@code mg/L} to {@code mg_per_L}, {@code 1/h} to {@code per_h}. */
    static String sanitize(String symbol) {
        String s = symbol.replace("µ", "u").replace("%", "pct");
        if (s.startsWith("1/")) {
            s = s.substring(1);
        }
        s = s.replace("/", "_per_").replace("*", "_").replace("^-", "m").replace("^", "");
        s = s.replaceAll("[^A-Za-z0-9_]", "_").replaceAll("__+", "_");
        if (s.startsWith("_")) {
            s = s.substring(1);
        }
        return s;
    }
}

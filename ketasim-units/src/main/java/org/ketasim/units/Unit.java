package org.ketasim.units;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A unit of measurement: the symbol as written, its {@link Dimension}, and the factor that converts a value
 * in this unit to KetaSim's canonical units.
 *
 * <p>The canonical units are <b>mg</b> (mass), <b>dm</b> (length, so a litre {@code L = dm^3} is the canonical
 * volume), <b>h</b> (time), <b>µmol</b> (amount) and <b>point</b> (clinical score). A value {@code v} in this
 * unit is {@code v * factor()} in canonical units: {@code factor("g") = 1000}, {@code factor("mL/min") = 0.06},
 * {@code factor("ng/mL") = 1e-3}.
 *
 * <p>Units are read with {@link #parse(String)}: products and quotients of the symbols listed in
 * {@link #symbols()}, with integer powers, for example {@code L/h}, {@code mL/min/kg}, {@code h^-1},
 * {@code 1/h}, {@code mg*h/L}, {@code kg.m^2} or {@code (mg/L)^2}. Operators associate to the left, so
 * {@code mL/min/kg} is {@code mL/(min*kg)} and {@code mg/L*h} is {@code (mg/L)*h}. Equality is that of the
 * record (symbol included); use {@link #isEquivalentTo(Unit)} to compare meaning only.
 *
 * @param symbol    the unit as written, for display; {@link #parse(String)} reads it back
 * @param dimension the physical dimension
 * @param factor    multiply a value in this unit by {@code factor} to obtain canonical units (finite, &gt; 0)
 */
public record Unit(String symbol, Dimension dimension, double factor) {

    /** Pascal in canonical units: 1 kg m^-1 s^-2 = 1e6 mg / (10 dm) / (1/3600 h)^2. */
    private static final double PASCAL = 1e6 / 10.0 * 3600.0 * 3600.0;

    private static final Map<String, Unit> SYMBOLS = buildSymbols();

    /** The dimensionless unit {@code 1}. */
    public static final Unit ONE = SYMBOLS.get("1");

    /**
     * @throws NullPointerException if symbol or dimension is null
     * @throws IllegalArgumentException if factor is not finite and positive
     */
    public Unit {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(dimension, "dimension");
        if (!(factor > 0) || !Double.isFinite(factor)) {
            throw new IllegalArgumentException("unit factor must be finite and positive, got " + factor);
        }
    }

    private static Map<String, Unit> buildSymbols() {
        Map<String, Unit> m = new LinkedHashMap<>();
        Dimension mass = Dimension.MASS;
        Dimension vol = Dimension.VOLUME;
        Dimension len = Dimension.LENGTH;
        Dimension time = Dimension.TIME;
        Dimension amt = Dimension.AMOUNT;
        // mass, canonical mg
        put(m, "kg", mass, 1e6);
        put(m, "g", mass, 1e3);
        put(m, "mg", mass, 1.0);
        put(m, "ug", mass, 1e-3);
        put(m, "µg", mass, 1e-3);
        put(m, "ng", mass, 1e-6);
        put(m, "pg", mass, 1e-9);
        // volume, canonical L = dm^3
        put(m, "L", vol, 1.0);
        put(m, "dL", vol, 0.1);
        put(m, "mL", vol, 1e-3);
        put(m, "uL", vol, 1e-6);
        put(m, "µL", vol, 1e-6);
        // length, canonical dm
        put(m, "m", len, 10.0);
        put(m, "dm", len, 1.0);
        put(m, "cm", len, 0.1);
        put(m, "mm", len, 0.01);
        // time, canonical h
        put(m, "s", time, 1.0 / 3600.0);
        put(m, "min", time, 1.0 / 60.0);
        put(m, "h", time, 1.0);
        put(m, "d", time, 24.0);
        put(m, "wk", time, 168.0);
        put(m, "y", time, 365.25 * 24.0);
        // amount, canonical umol
        put(m, "mol", amt, 1e6);
        put(m, "mmol", amt, 1e3);
        put(m, "umol", amt, 1.0);
        put(m, "µmol", amt, 1.0);
        put(m, "nmol", amt, 1e-3);
        put(m, "pmol", amt, 1e-6);
        // pressure M L^-1 T^-2
        Dimension pressure = new Dimension(1, -1, -2, 0, 0);
        put(m, "mmHg", pressure, 133.322 * PASCAL);
        put(m, "Pa", pressure, PASCAL);
        put(m, "kPa", pressure, 1e3 * PASCAL);
        // frequency
        put(m, "bpm", time.inverse(), 60.0);
        // score
        put(m, "points", Dimension.POINTS, 1.0);
        put(m, "point", Dimension.POINTS, 1.0);
        // dimensionless
        put(m, "1", Dimension.DIMENSIONLESS, 1.0);
        put(m, "%", Dimension.DIMENSIONLESS, 0.01);
        return Collections.unmodifiableMap(m);
    }

    private static void put(Map<String, Unit> m, String symbol, Dimension d, double factor) {
        m.put(symbol, new Unit(symbol, d, factor));
    }

    /**
     * The unit symbols {@link #parse(String)} knows, in table order: kg g mg ug µg ng pg, L dL mL uL µL,
     * m dm cm mm, s min h d wk y, mol mmol umol µmol nmol pmol, mmHg Pa kPa, bpm, points point, 1 %.
     * The Greek letter mu (U+03BC) is read like the micro sign (U+00B5).
     *
     * @return an unmodifiable, ordered set
     */
    public static Set<String> symbols() {
        return SYMBOLS.keySet();
    }

    /** @return the base unit for a symbol of {@link #symbols()}, or null */
    static Unit symbol(String s) {
        return SYMBOLS.get(s.replace('\u03bc', '\u00b5'));
    }

    /**
     * Reads a unit such as {@code mL/min/kg}. Whitespace around operators is allowed.
     *
     * @param text the unit text
     * @return the unit, with {@code symbol()} the stripped text
     * @throws UnitException with the 0-based offset of the problem, for an unknown symbol or bad syntax
     */
    public static Unit parse(String text) {
        return new UnitParser(text).parse();
    }

    /**
     * The canonical unit of a dimension (factor 1), with a readable symbol built from mg, L (or dm), h,
     * umol and points: {@code M L^-3} gives {@code mg/L}, {@code T^-1} gives {@code 1/h}, dimensionless gives
     * {@code 1}.
     *
     * @param dimension any dimension
     * @return a unit of factor 1 whose symbol {@link #parse(String)} reads back
     */
    public static Unit canonical(Dimension dimension) {
        if (dimension.isDimensionless()) {
            return ONE;
        }
        StringBuilder num = new StringBuilder();
        StringBuilder den = new StringBuilder();
        int[] e = dimension.exponents();
        String[] names = {"mg", "dm", "h", "umol", "points"};
        for (int i = 0; i < 5; i++) {
            int k = e[i];
            if (k == 0) {
                continue;
            }
            String name = names[i];
            if (i == 1 && k % 3 == 0) {
                name = "L";
                k /= 3;
            }
            StringBuilder target = k > 0 ? num : den;
            int abs = Math.abs(k);
            if (k > 0 && target.length() > 0) {
                target.append('*');
            }
            if (k < 0) {
                target.append('/');
            }
            target.append(name);
            if (abs != 1) {
                target.append('^').append(abs);
            }
        }
        String symbol = (num.length() == 0 ? "1" : num.toString()) + den;
        return new Unit(symbol, dimension, 1.0);
    }

    /**
     * Converts a value between two units of the same dimension.
     *
     * @throws UnitException when the dimensions differ
     */
    public static double convert(double value, Unit from, Unit to) {
        if (!from.compatibleWith(to)) {
            throw new UnitException("cannot convert from " + from.describe() + " to " + to.describe()
                    + ": the dimensions differ", null, -1);
        }
        return value * from.factor / to.factor;
    }

    /** @return {@code value} (in this unit) expressed in canonical units */
    public double toCanonical(double value) {
        return value * factor;
    }

    /** @return {@code value} (in canonical units) expressed in this unit */
    public double fromCanonical(double value) {
        return value / factor;
    }

    /** @return true when both units measure the same dimension, so that one converts to the other */
    public boolean compatibleWith(Unit other) {
        return dimension.equals(other.dimension);
    }

    /** @return true when both units have the same dimension and factors equal within 1e-12 relative */
    public boolean isEquivalentTo(Unit other) {
        return compatibleWith(other)
                && Math.abs(factor - other.factor) <= 1e-12 * Math.max(factor, other.factor);
    }

    /** @return the product unit; its symbol is {@code this*other} */
    public Unit multiply(Unit other) {
        return new Unit(symbol + "*" + other.symbol, dimension.multiply(other.dimension), factor * other.factor);
    }

    /** @return the quotient unit; its symbol is {@code this/other}, with other in parentheses when compound */
    public Unit divide(Unit other) {
        String right = other.isAtomic() ? other.symbol : "(" + other.symbol + ")";
        return new Unit(symbol + "/" + right, dimension.divide(other.dimension), factor / other.factor);
    }

    /** @return this unit to an integer power, e.g. {@code m^2} or {@code (mg/L)^-1} */
    public Unit pow(int exponent) {
        String base = isAtomic() ? symbol : "(" + symbol + ")";
        return new Unit(base + "^" + exponent, dimension.pow(exponent), Math.pow(factor, exponent));
    }

    private boolean isAtomic() {
        for (int i = 0; i < symbol.length(); i++) {
            char c = symbol.charAt(i);
            if (!(Character.isLetter(c) || c == '%' || Character.isDigit(c))) {
                return false;
            }
        }
        return true;
    }

    /** @return text that {@link #parse(String)} reads back to an equivalent unit (the symbol) */
    public String format() {
        return symbol;
    }

    /** @return e.g. {@code "ng/mL (M L^-3)"}, or {@code "1 (dimensionless)"} */
    public String describe() {
        return symbol + " (" + (dimension.isDimensionless() ? "dimensionless" : dimension.toString()) + ")";
    }

    /** @return the symbol */
    @Override
    public String toString() {
        return symbol;
    }
}

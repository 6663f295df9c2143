/**
 * Physical dimensions and units of measurement for KetaSim.
 *
 * <h2>Dimensions</h2>
 * <p>A {@link org.ketasim.units.Dimension} is a vector of integer exponents over five base dimensions:
 * mass (M), length (L), time (T), amount of substance (N) and clinical-score points (P). Dimensions
 * multiply, divide and take integer powers:
 * <pre>{@code
 * Dimension conc = Dimension.MASS.divide(Dimension.VOLUME);   // M L^-3
 * Dimension rate = conc.divide(Dimension.TIME);               // M L^-3 T^-1
 * }</pre>
 *
 * <h2>Units</h2>
 * <p>A {@link org.ketasim.units.Unit} pairs a dimension with the factor that converts a value to
 * KetaSim's <em>canonical units</em>: mg, dm (so L for volumes), h, µmol and points. All model arithmetic
 * happens in canonical units; units only matter when values enter (parameters) and leave (outputs).
 * <pre>{@code
 * Unit cl = Unit.parse("mL/min/kg");
 * double perHourPerKg = cl.toCanonical(10.0);                 // 0.6 L/h/kg
 * double ngPerMl = Unit.convert(0.2, Unit.parse("mg/L"), Unit.parse("ng/mL"));   // 200
 * Unit.parse("umol/L").compatibleWith(Unit.parse("mg/L"));    // false: N L^-3 vs M L^-3
 * }</pre>
 *
 * <p>Unit text is a product or quotient of the symbols of {@link org.ketasim.units.Unit#symbols()} with
 * integer powers ({@code L/h}, {@code h^-1}, {@code 1/h}, {@code mg*h/L}, {@code kg.m^2}). A text that
 * cannot be read raises {@link org.ketasim.units.UnitException}, which carries the offset of the
 * offending character so that callers can point at the exact column.
 */
package org.ketasim.units;

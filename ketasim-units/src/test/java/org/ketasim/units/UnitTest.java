package org.ketasim.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UnitTest {

    private static final Offset<Double> EPS = within(1e-15);

    private static double factor(String s) {
        return Unit.parse(s).factor();
    }

    @ParameterizedTest(name = "{0} = {1} canonical")
    @CsvSource({
        "g, 1000", "kg, 1e6", "mg, 1", "ug, 1e-3", "µg, 1e-3", "ng, 1e-6", "pg, 1e-9",
        "L, 1", "dL, 0.1", "mL, 1e-3", "uL, 1e-6", "µL, 1e-6",
        "m, 10", "dm, 1", "cm, 0.1", "mm, 0.01",
        "s, 2.777777777777778e-4", "min, 0.016666666666666666", "h, 1", "d, 24", "wk, 168", "y, 8766",
        "mol, 1e6", "mmol, 1e3", "umol, 1", "µmol, 1", "nmol, 1e-3", "pmol, 1e-6",
        "bpm, 60", "points, 1", "1, 1", "%, 0.01",
        "g/mol, 1e-3", "ng/mL, 1e-3", "umol/L, 1", "µmol/L, 1", "mg/L, 1", "L/h, 1",
        "mL/min, 0.06", "1/h, 1", "h^-1, 1", "mg*h/L, 1", "dm^3, 1", "m^3, 1000", "cm^3, 1e-3"
    })
    void factorsMatchHandComputedValues(String symbol, double expected) {
        assertThat(factor(symbol)).isCloseTo(expected, withinPercentage(1e-12));
    }

    @Test
    void nanogramPerMillilitreIsMicrogramPerLitre() {
        // 1 ng/mL = 1e-6 mg / 1e-3 L = 1e-3 mg/L
        assertThat(Unit.convert(1.0, Unit.parse("ng/mL"), Unit.parse("mg/L"))).isCloseTo(1e-3, EPS);
        assertThat(Unit.convert(1.0, Unit.parse("mg/L"), Unit.parse("ng/mL"))).isCloseTo(1000.0, within(1e-10));
    }

    @Test
    void ketamineMolarMassConvertsMassToAmount() {
        // 237.73 g/mol = 237.73 mg/mmol = 0.23773 mg/umol in canonical units
        Unit mw = Unit.parse("g/mol");
        assertThat(mw.toCanonical(237.73)).isCloseTo(0.23773, within(1e-15));
        assertThat(mw.dimension()).isEqualTo(Dimension.MASS.divide(Dimension.AMOUNT));
        // 1 mg/L of ketamine is 1/0.23773 umol/L = 4.2064 umol/L
        double umolPerL = Unit.parse("mg/L").toCanonical(1.0) / mw.toCanonical(237.73);
        assertThat(umolPerL).isCloseTo(4.20645270, within(1e-8));
    }

    @Test
    void millimetreOfMercury() {
        Unit mmHg = Unit.parse("mmHg");
        assertThat(mmHg.dimension()).isEqualTo(new Dimension(1, -1, -2, 0, 0));
        assertThat(Unit.convert(1.0, mmHg, Unit.parse("Pa"))).isCloseTo(133.322, within(1e-9));
        assertThat(Unit.convert(1.0, mmHg, Unit.parse("kPa"))).isCloseTo(0.133322, within(1e-12));
        // 1 Pa = 1 kg m^-1 s^-2, written with other symbols
        assertThat(Unit.parse("kg/m/s^2").isEquivalentTo(Unit.parse("Pa"))).isTrue();
        // 133.322 Pa = 133.322 * 1e6 mg / 10 dm / (1/3600 h)^2
        assertThat(mmHg.factor()).isCloseTo(133.322 * 1e5 * 3600 * 3600, withinPercentage(1e-12));
    }

    @Test
    void dayIs24HoursAndYearIs365point25Days() {
        assertThat(Unit.convert(1.0, Unit.parse("d"), Unit.parse("h"))).isEqualTo(24.0);
        assertThat(Unit.convert(1.0, Unit.parse("y"), Unit.parse("d"))).isCloseTo(365.25, within(1e-12));
        assertThat(Unit.convert(90.0, Unit.parse("min"), Unit.parse("h"))).isCloseTo(1.5, within(1e-15));
        assertThat(Unit.convert(72.0, Unit.parse("bpm"), Unit.parse("1/s"))).isCloseTo(1.2, within(1e-12));
    }

    @Test
    void clearancePerKilogramPerMinute() {
        // 10 mL/min/kg for a 70 kg adult = 10e-3 L * 60 /h /kg * 70 kg = 42 L/h
        Unit u = Unit.parse("mL/min/kg");
        assertThat(u.dimension()).isEqualTo(new Dimension(-1, 3, -1, 0, 0));
        assertThat(u.factor()).isCloseTo(1e-3 * 60 / 1e6, withinPercentage(1e-12));
        double perHour = u.toCanonical(10.0) * Unit.parse("kg").toCanonical(70.0);
        assertThat(perHour).isCloseTo(42.0, within(1e-12));
        assertThat(Unit.parse("L/h/kg").compatibleWith(u)).isTrue();
    }

    @Test
    void operatorsAssociateToTheLeftAndAcceptDotsAndParentheses() {
        assertThat(Unit.parse("mg/L*h").dimension()).isEqualTo(new Dimension(1, -3, 1, 0, 0));
        assertThat(Unit.parse("mg*h/L").isEquivalentTo(Unit.parse("mg/L*h"))).isTrue();
        assertThat(Unit.parse("kg.m^2").dimension()).isEqualTo(new Dimension(1, 2, 0, 0, 0));
        assertThat(Unit.parse("kg.m^2").factor()).isCloseTo(1e8, withinPercentage(1e-12));
        assertThat(Unit.parse("(mg/L)^2").dimension()).isEqualTo(new Dimension(2, -6, 0, 0, 0));
        assertThat(Unit.parse(" L / h ").symbol()).isEqualTo("L / h");
        assertThat(Unit.parse("μg").isEquivalentTo(Unit.parse("ug"))).isTrue();
        assertThat(Unit.parse("points/h").dimension()).isEqualTo(new Dimension(0, 0, -1, 0, 1));
    }

    @Test
    void conversionHelpers() {
        Unit mgPerL = Unit.parse("mg/L");
        Unit ngPerMl = Unit.parse("ng/mL");
        assertThat(ngPerMl.toCanonical(250.0)).isCloseTo(0.25, within(1e-15));
        assertThat(ngPerMl.fromCanonical(0.25)).isCloseTo(250.0, within(1e-12));
        assertThat(mgPerL.compatibleWith(ngPerMl)).isTrue();
        assertThat(mgPerL.compatibleWith(Unit.parse("umol/L"))).isFalse();
    }

    @Test
    void convertingAcrossDimensionsIsAClearError() {
        assertThatThrownBy(() -> Unit.convert(1.0, Unit.parse("mg/L"), Unit.parse("umol/L")))
                .isInstanceOf(UnitException.class)
                .hasMessage("cannot convert from mg/L (M L^-3) to umol/L (N L^-3): the dimensions differ");
    }

    @Test
    void unknownSymbolReportsItsOffsetAndTheKnownSymbols() {
        assertThatThrownBy(() -> Unit.parse("mL/furlongs"))
                .isInstanceOf(UnitException.class)
                .hasMessageStartingWith("unknown unit 'furlongs' (known: kg, g, mg,")
                .satisfies(e -> assertThat(((UnitException) e).offset()).isEqualTo(3));
        assertThatThrownBy(() -> Unit.parse("ml"))
                .hasMessageStartingWith("unknown unit 'ml' (did you mean 'mL'? known:");
    }

    @Test
    void malformedUnitsAreRejectedWithOffsets() {
        assertOffset("", 0, "empty unit");
        assertOffset("L/", 1, "expected a unit symbol");
        assertOffset("h^", 1, "expected an integer exponent after '^'");
        assertOffset("h^x", 2, "expected an integer exponent after '^'");
        assertOffset("m2", 1, "write powers with '^'");
        assertOffset("(mg/L", 0, "'(' is never closed");
        assertOffset("mg)", 2, "')' has no matching '('");
        assertOffset("2/h", 0, "only '1' may appear");
        assertOffset("mg L", 3, "expected '*', '/' or the end of the unit");
        assertOffset("mg$", 2, "unexpected '$'");
    }

    private static void assertOffset(String text, int offset, String fragment) {
        assertThatThrownBy(() -> Unit.parse(text))
                .isInstanceOf(UnitException.class)
                .hasMessageContaining(fragment)
                .satisfies(e -> assertThat(((UnitException) e).offset()).as("offset in '%s'", text).isEqualTo(offset));
    }

    @Test
    void canonicalUnitsHaveReadableSymbols() {
        assertThat(Unit.canonical(new Dimension(1, -3, 0, 0, 0)).symbol()).isEqualTo("mg/L");
        assertThat(Unit.canonical(new Dimension(1, 0, -1, 0, 0)).symbol()).isEqualTo("mg/h");
        assertThat(Unit.canonical(new Dimension(0, 3, -1, 0, 0)).symbol()).isEqualTo("L/h");
        assertThat(Unit.canonical(new Dimension(0, 0, -1, 0, 0)).symbol()).isEqualTo("1/h");
        assertThat(Unit.canonical(new Dimension(0, -3, 0, 1, 0)).symbol()).isEqualTo("umol/L");
        assertThat(Unit.canonical(new Dimension(1, -1, -2, 0, 0)).symbol()).isEqualTo("mg/dm/h^2");
        assertThat(Unit.canonical(Dimension.DIMENSIONLESS)).isSameAs(Unit.ONE);
        assertThat(Unit.canonical(new Dimension(1, 6, 0, 0, 1)).symbol()).isEqualTo("mg*L^2*points");
    }

    @Test
    void algebraOnUnitsKeepsSymbolsReadable() {
        Unit mg = Unit.parse("mg");
        Unit lph = Unit.parse("L/h");
        Unit q = mg.divide(lph);
        assertThat(q.symbol()).isEqualTo("mg/(L/h)");
        assertThat(q.dimension()).isEqualTo(new Dimension(1, -3, 1, 0, 0));
        assertThat(Unit.parse(q.format()).isEquivalentTo(q)).isTrue();
        assertThat(lph.pow(-2).symbol()).isEqualTo("(L/h)^-2");
        assertThat(mg.multiply(lph).symbol()).isEqualTo("mg*L/h");
        assertThat(mg.describe()).isEqualTo("mg (M)");
        assertThat(Unit.ONE.describe()).isEqualTo("1 (dimensionless)");
    }

    @Test
    void constructorRejectsNonPositiveFactors() {
        assertThatThrownBy(() -> new Unit("x", Dimension.MASS, 0.0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Unit("x", Dimension.MASS, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}

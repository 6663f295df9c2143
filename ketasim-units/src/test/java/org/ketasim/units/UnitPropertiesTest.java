package org.ketasim.units;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

class UnitPropertiesTest {

    private static final List<String> SYMBOLS = new ArrayList<>(Unit.symbols());

    /** Units composed from 1 to 4 base symbols with random operators and powers. */
    @Provide
    Arbitrary<Unit> units() {
        Arbitrary<Unit> base = Arbitraries.of(SYMBOLS).map(Unit::parse);
        Arbitrary<Integer> op = Arbitraries.integers().between(0, 2);
        Arbitrary<Integer> power = Arbitraries.integers().between(-3, 3).filter(k -> k != 0);
        Arbitrary<Unit> step = Combinators.combine(base, op, power).as((u, o, k) -> o == 2 ? u.pow(k) : u);
        return Combinators.combine(step.list().ofMinSize(1).ofMaxSize(4), op.list().ofSize(4)).as((parts, ops) -> {
            Unit u = parts.get(0);
            for (int i = 1; i < parts.size(); i++) {
                u = ops.get(i) == 1 ? u.divide(parts.get(i)) : u.multiply(parts.get(i));
            }
            return u;
        });
    }

    @Property
    void parseOfFormatRoundTrips(@ForAll("units") Unit unit) {
        Unit back = Unit.parse(unit.format());
        assertThat(back.dimension()).isEqualTo(unit.dimension());
        assertThat(back.factor()).isCloseTo(unit.factor(), org.assertj.core.api.Assertions.withinPercentage(1e-10));
        assertThat(back.isEquivalentTo(unit) || Math.abs(back.factor() / unit.factor() - 1) < 1e-12).isTrue();
    }

    @Property
    void canonicalSymbolsParseBackToFactorOne(@ForAll @IntRange(min = -4, max = 4) int m,
            @ForAll @IntRange(min = -7, max = 7) int l, @ForAll @IntRange(min = -3, max = 3) int t,
            @ForAll @IntRange(min = -2, max = 2) int n, @ForAll @IntRange(min = -2, max = 2) int p) {
        Dimension d = new Dimension(m, l, t, n, p);
        Unit back = Unit.parse(Unit.canonical(d).format());
        assertThat(back.dimension()).isEqualTo(d);
        assertThat(back.factor()).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-12));
    }

    @Property
    void convertThereAndBackIsIdentity(@ForAll("units") Unit unit,
            @ForAll @DoubleRange(min = -1e6, max = 1e6) double value) {
        Unit canonical = Unit.canonical(unit.dimension());
        double there = Unit.convert(value, unit, canonical);
        double back = Unit.convert(there, canonical, unit);
        assertThat(Math.abs(back - value)).isLessThanOrEqualTo(1e-12 * Math.max(1.0, Math.abs(value)));
        assertThat(unit.fromCanonical(unit.toCanonical(value)))
                .isCloseTo(value, org.assertj.core.api.Assertions.within(1e-12 * Math.max(1.0, Math.abs(value))));
    }
}

package org.ketasim.engine.dosing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RouteDrugSaltTest {

    @ParameterizedTest
    @CsvSource({
        "iv, IV", "intravenous, IV", "IV, IV", " i.v. , IV",
        "im, IM", "intramuscular, IM",
        "sc, SC", "subcutaneous, SC",
        "intranasal, INTRANASAL", "in, INTRANASAL", "nasal, INTRANASAL",
        "oral, ORAL", "po, ORAL", "PO, ORAL",
        "sublingual, SUBLINGUAL", "sl, SUBLINGUAL",
    })
    void parsesRouteNamesAndAliases(final String text, final Route expected) {
        assertThat(Route.parse(text)).isEqualTo(expected);
    }

    @Test
    void routeModelNamesAreTheDosingBlockKeywords() {
        assertThat(Route.values()).extracting(Route::modelName)
                .containsExactly("iv", "im", "sc", "intranasal", "oral", "sublingual");
        for (final Route route : Route.values()) {
            assertThat(Route.fromModelName(route.modelName())).isEqualTo(route);
            assertThat(Route.parse(route.modelName())).isEqualTo(route);
        }
    }

    @Test
    void unknownRouteIsOneLineListingTheValidRoutes() {
        assertThatThrownBy(() -> Route.parse("rectal"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown route 'rectal'; valid routes: iv, im, sc, intranasal, oral, sublingual"
                        + " (aliases: intravenous, intramuscular, subcutaneous, in, nasal, po, sl)");
        assertThatThrownBy(() -> Route.parse(null)).hasMessageStartingWith("unknown route 'null'");
        assertThatThrownBy(() -> Route.fromModelName("IV")).hasMessageStartingWith("unknown route keyword 'IV'");
    }

    @ParameterizedTest
    @CsvSource({
        "ketamine, KETAMINE", "racemic, KETAMINE", "Racemate, KETAMINE",
        "esketamine, ESKETAMINE", "s-ketamine, ESKETAMINE", "S-Ketamine, ESKETAMINE",
        "arketamine, ARKETAMINE", "r-ketamine, ARKETAMINE",
    })
    void parsesDrugNames(final String text, final Drug expected) {
        assertThat(Drug.parse(text)).isEqualTo(expected);
    }

    @Test
    void drugsSplitTheirMassBetweenEnantiomers() {
        assertThat(Drug.KETAMINE.sFraction()).isEqualTo(0.5);
        assertThat(Drug.KETAMINE.rFraction()).isEqualTo(0.5);
        assertThat(Drug.ESKETAMINE.fractionOf("S")).isEqualTo(1.0);
        assertThat(Drug.ESKETAMINE.fractionOf("R")).isEqualTo(0.0);
        assertThat(Drug.ARKETAMINE.fractionOf("R")).isEqualTo(1.0);
        for (final Drug drug : Drug.values()) {
            assertThat(drug.sFraction() + drug.rFraction()).isEqualTo(1.0);
            assertThat(Drug.parse(drug.displayName())).isEqualTo(drug);
        }
        assertThat(Drug.enantiomers()).containsExactly("S", "R");
        assertThatThrownBy(() -> Drug.KETAMINE.fractionOf("X")).hasMessage("unknown enantiomer 'X'; valid: S, R");
        assertThatThrownBy(() -> Drug.parse("ketamin"))
                .hasMessage("unknown drug 'ketamin'; valid drugs: ketamine (racemic), esketamine (s-ketamine), arketamine (r-ketamine)");
    }

    @Test
    void hydrochlorideConvertsToBaseByMolarMass() {
        // Spravato USPI §11: one device holds 32.3 mg esketamine hydrochloride = 28 mg esketamine.
        assertThat(Salt.HCL.toBaseMg(32.3)).isCloseTo(28.0, within(0.01));
        assertThat(Salt.HCL_TO_BASE).isCloseTo(237.73 / 274.19, within(1e-15));
        assertThat(Salt.HCL.toBaseMg(100)).isCloseTo(86.70, within(0.005));
        assertThat(Salt.BASE.toBaseMg(56)).isEqualTo(56);
        assertThat(Salt.HCL.fromBaseMg(Salt.HCL.toBaseMg(35))).isCloseTo(35, within(1e-12));
    }
}

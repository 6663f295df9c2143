package org.ketasim.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ketasim.engine.dosing.Drug;
import org.ketasim.engine.dosing.Route;
import org.ketasim.models.KetamineRuns.Course;

/**
 * Cross-tool golden: the compiled model and KetaSim's integrators against an independent SciPy (LSODA,
 * rtol 1e-10) solution of the same disposition equations ({@code tools/fit/golden_pk.py}, output committed in
 * {@code goldens/scipy-ketamine-pk.csv}), to 1e-6 relative.
 */
class ScipyGoldenTest {

    private record Row(String regimen, double timeH, double s, double r) {
    }

    private static List<Row> golden() throws IOException {
        try (InputStream in = ScipyGoldenTest.class.getResourceAsStream("/goldens/scipy-ketamine-pk.csv")) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R");
            List<Row> rows = new ArrayList<>();
            for (int i = 1; i < lines.length; i++) {
                String[] c = lines[i].split(",");
                rows.add(new Row(c[0], Double.parseDouble(c[1]), Double.parseDouble(c[2]), Double.parseDouble(c[3])));
            }
            return rows;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"infusion", "bolus", "repeated"})
    void plasmaKetamineMatchesScipy(String regimen) throws IOException {
        Course course = switch (regimen) {
            case "infusion" -> KetamineRuns.standard(0);
            case "bolus" -> new Course(Drug.KETAMINE, Route.IV, 10 * KetamineRuns.SALT, 1.0 / 60, 0);
            default -> new Course(Drug.KETAMINE, Route.IV, 30, 40.0 / 60, 0, 48, 96);
        };
        for (Row row : golden()) {
            if (!row.regimen().equals(regimen)) {
                continue;
            }
            KetamineRuns.Result r = KetamineRuns.run(course, row.timeH(), row.timeH());
            assertThat(r.at("s_ketamine_ng_ml", row.timeH())).as("%s S at %.3f h", regimen, row.timeH())
                    .isCloseTo(row.s(), org.assertj.core.data.Percentage.withPercentage(1e-4));
            assertThat(r.at("r_ketamine_ng_ml", row.timeH())).as("%s R at %.3f h", regimen, row.timeH())
                    .isCloseTo(row.r(), org.assertj.core.data.Percentage.withPercentage(1e-4));
        }
    }
}

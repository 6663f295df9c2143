package org.ketasim.lang;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.ketasim.lang.parse.Names;

class NamesTest {

    @Test
    void editDistanceCountsInsertionsDeletionsSubstitutionsAndTranspositions() {
        assertThat(Names.distance("CL", "CL")).isZero();
        assertThat(Names.distance("CL", "CLs")).isEqualTo(1);
        assertThat(Names.distance("V1", "V2")).isEqualTo(1);
        assertThat(Names.distance("kout", "kuot")).isEqualTo(1);
        assertThat(Names.distance("", "abc")).isEqualTo(3);
    }

    @Test
    void closestPrefersCaseInsensitiveMatchesAndRejectsDistantNames() {
        List<String> names = List.of("WT", "CL", "Cl_H", "V1", "IC50");
        assertThat(Names.closest("cl", names)).isEqualTo("CL");
        assertThat(Names.closest("IC5", names)).isEqualTo("IC50");
        assertThat(Names.closest("xyz", names)).isNull();
        assertThat(Names.closest("CL", names)).as("an exact name is not its own suggestion").isNull();
        assertThat(Names.closest("", names)).isNull();
    }
}

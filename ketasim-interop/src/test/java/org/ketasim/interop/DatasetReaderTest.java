package org.ketasim.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ketasim.engine.dosing.Dose;
import org.ketasim.engine.dosing.Drug;
import org.ketasim.engine.dosing.Route;
import org.ketasim.interop.dataset.DatasetException;
import org.ketasim.interop.dataset.DatasetReader;
import org.ketasim.interop.dataset.DatasetSubject;
import org.ketasim.models.ModelLibrary;

/** Reading NONMEM-style datasets: the conventions, and every bad row reported by line and column. */
class DatasetReaderTest {

    private static final String HEADER = "ID,TIME,EVID,AMT,RATE,CMT,DV,MDV,WT,CL_S,VISIT";

    private static List<DatasetSubject> read(String text) throws DatasetException {
        return DatasetReader.parse(text, "data.csv", ModelLibrary.ketamine());
    }

    @Test
    void readsDosesObservationsAndCovariatesByNonmemConventions() throws DatasetException {
        List<DatasetSubject> s = read(String.join("\n",
                "# a comment line",
                HEADER,
                "1,0,1,30,45,1,.,1,80,90,1",        // infusion: 30 mg at 45 mg/h = 40 min, iv
                "1,0,0,.,.,.,.,1,80,90,1",          // output time without observation (MDV 1)
                "1,24,0,0,0,0,25.5,0,80,90,2",
                "2,0,1,56,0,intranasal,.,1,.,.,1",   // bolus by route name, no covariates
                "2,2,2,.,.,.,.,.,.,.,1",
                ""));
        assertThat(s).hasSize(2);
        DatasetSubject one = s.get(0);
        assertThat(one.id()).isEqualTo(1);
        assertThat(one.values()).containsEntry("WT", 80.0).containsEntry("CL_S", 90.0).doesNotContainKey("VISIT");
        assertThat(one.doses()).containsExactly(new Dose(Drug.KETAMINE, Route.IV, 30, 0, 30.0 / 45));
        assertThat(one.observationTimesH()).containsExactly(0, 24);
        assertThat(one.observations()[0]).isNaN();
        assertThat(one.observations()[1]).isEqualTo(25.5);
        DatasetSubject two = s.get(1);
        assertThat(two.values()).isEmpty();
        assertThat(two.doses()).containsExactly(Dose.bolus(Drug.KETAMINE, Route.INTRANASAL, 56, 0));
        assertThat(two.observationTimesH()).containsExactly(2);
    }

    @Test
    void addlAndIiRepeatADoseAndDrugSelectsTheProduct() throws DatasetException {
        List<DatasetSubject> s = read("ID,TIME,EVID,AMT,RATE,CMT,DRUG,ADDL,II\n1,9,1,56,0,4,2,2,72\n1,240,0,0,0,.,.,.,.\n");
        assertThat(s.get(0).doses()).extracting(Dose::startH).containsExactly(9.0, 81.0, 153.0);
        assertThat(s.get(0).doses()).allSatisfy(d -> assertThat(d.drug()).isEqualTo(Drug.ESKETAMINE));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "bad amount     | 1,0,1,abc,0,1,.,1,70,90,1 | data.csv:3:4: AMT must be a non-negative number, got 'abc'",
        "negative time  | 1,-1,0,0,0,.,.,1,70,90,1  | data.csv:3:2: TIME must be a non-negative number of hours, got '-1'",
        "evid 4         | 1,0,4,30,0,1,.,1,70,90,1  | data.csv:3:3: EVID 4 is not supported",
        "cmt            | 1,0,1,30,0,9,.,1,70,90,1  | data.csv:3:6: CMT must be a dosing compartment 1-6",
        "rate -2        | 1,0,1,30,-2,1,.,1,70,90,1 | data.csv:3:5: RATE -2 (modelled rate or duration) is not supported",
        "zero dose      | 1,0,1,0,0,1,.,1,70,90,1   | data.csv:3:4: AMT must be a positive number of mg on a dose row",
        "id             | 1.5,0,1,30,0,1,.,1,70,90,1 | data.csv:3:1: ID must be a positive integer, got '1.5'",
        "covariate      | 1,0,1,30,0,1,.,1,heavy,90,1 | data.csv:3:9: WT must be a number in kg, got 'heavy'",
        "short row      | 1,0,1,30,0,1               | data.csv:3:7: expected 11 comma-separated fields as in the header, got 6"})
    void badRowsAreReportedByLineAndColumn(String what, String row, String message) {
        assertThatThrownBy(() -> read(HEADER + "\n1,0,0,.,.,.,.,1,70,90,1\n" + row + "\n"))
                .isInstanceOf(DatasetException.class).hasMessageStartingWith(message.strip());
    }

    @Test
    void subjectsMustBeContiguousSortedAndKeepTheirCovariates() {
        assertThatThrownBy(() -> read(HEADER + "\n1,0,0,.,.,.,.,1,70,90,1\n2,0,0,.,.,.,.,1,70,90,1\n1,5,0,.,.,.,.,1,70,90,1\n"))
                .hasMessageStartingWith("data.csv:4:1: ID 1 appears again after other subjects");
        assertThatThrownBy(() -> read(HEADER + "\n1,5,0,.,.,.,.,1,70,90,1\n1,2,0,.,.,.,.,1,70,90,1\n"))
                .hasMessageStartingWith("data.csv:3:2: TIME 2 goes back in time within subject 1");
        assertThatThrownBy(() -> read(HEADER + "\n1,0,0,.,.,.,.,1,70,90,1\n1,2,0,.,.,.,.,1,75,90,1\n"))
                .hasMessageStartingWith("data.csv:3:9: WT changes within subject 1");
        assertThatThrownBy(() -> read("ID,TIME,AMT,CMT\n1,0,0,.\n"))
                .hasMessageStartingWith("data.csv:1: the header has no EVID column");
        assertThatThrownBy(() -> read("ID,TIME,EVID,AMT,CMT,SS\n1,0,1,30,1,1\n"))
                .hasMessageStartingWith("data.csv:2:6: SS 1 (steady state) is not supported");
    }
}

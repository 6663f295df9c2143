package org.ketasim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code ketasim sensitivity}: a ranked table, and one-line errors with exit code 2. */
class SensitivityCommandTest {

    @Test
    void printsARankedCsvTableWithLabels() {
        CliRun r = CliRun.of("sensitivity", "--trajectories", "2", "--top", "5", "--format", "csv", "--threads", "2");
        assertThat(r.code()).as(r.err()).isZero();
        String[] lines = r.out().strip().split("\n");
        assertThat(lines).hasSize(6);
        assertThat(lines[0]).isEqualTo("rank,parameter,mu_star,mu,sigma,low,high,scale,label");
        double previous = Double.POSITIVE_INFINITY;
        for (int i = 1; i < lines.length; i++) {
            String[] cells = lines[i].split(",");
            assertThat(cells[0]).isEqualTo(Integer.toString(i));
            double muStar = Double.parseDouble(cells[2]);
            assertThat(muStar).isPositive().isLessThanOrEqualTo(previous);
            assertThat(cells[8]).startsWith("\"");
            previous = muStar;
        }
    }

    @Test
    void excludedParametersAreNotVaried() {
        CliRun r = CliRun.of("sensitivity", "--trajectories", "1", "--format", "csv", "--exclude", "MW_*,SBP_max");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).doesNotContain(",MW_K,").doesNotContain(",SBP_max,").contains(",w_S,");
        CliRun all = CliRun.of("sensitivity", "--trajectories", "1", "--format", "csv", "--exclude", "");
        assertThat(all.out()).contains(",MW_K,").contains(",WT_ref,");
        CliRun byDefault = CliRun.of("sensitivity", "--trajectories", "1", "--format", "csv");
        assertThat(byDefault.out()).doesNotContain(",MW_K,").doesNotContain(",WT_ref,").contains(",dS_ref,");
    }

    @Test
    void markdownHasAHeader() {
        CliRun r = CliRun.of("sensitivity", "--trajectories", "1", "--top", "2", "--format", "markdown");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("| rank | parameter | μ* | μ | σ | description |");
        assertThat(r.out().strip().split("\n")).hasSize(4);
    }

    @Test
    void includeVariesOnlyTheNamedParametersInTheModelsOrder() {
        CliRun r = CliRun.of("sensitivity", "--trajectories", "2", "--levels", "6", "--format", "csv", "--include", "w_S,dS_*,SBP_max",
                "--exclude", "SBP_max", "--solver", "ros34pw2", "--rtol", "1e-7");
        assertThat(r.code()).as(r.err()).isZero();
        String[] lines = r.out().strip().split("\n");
        assertThat(lines).hasSizeGreaterThanOrEqualTo(3);
        assertThat(r.out()).contains(",w_S,").contains(",dS_ref,").doesNotContain(",SBP_max,").doesNotContain(",MW_K,");
    }

    @Test
    void badInputIsOneLineAndExitCode2() {
        for (String[] args : new String[][] {{"sensitivity", "--measure", "nonsense"}, {"sensitivity", "--factor", "1"},
                {"sensitivity", "--trajectories", "0"}, {"sensitivity", "--exclude", "SBP_mx"}, {"sensitivity", "--format", "xml"},
                {"sensitivity", "--levels", "3"}, {"sensitivity", "--include", "w_S,nonsense"}, {"sensitivity", "--include", "MW_*"},
                {"sensitivity", "--solver", "euler"}}) {
            CliRun r = CliRun.of(args);
            assertThat(r.code()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(r.err().strip()).doesNotContain("\n").isNotEmpty();
        }
    }
}

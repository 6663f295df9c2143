package org.ketasim.cli;

import org.ketasim.engine.SolverOptions;

import picocli.CommandLine.Option;

/** Solver options shared by the commands that simulate. */
final class SolverChoice {

    @Option(names = "--solver", description = "rosenbrock (stiff, default), dopri5 or dopri853.", defaultValue = "rosenbrock")
    String solver = "rosenbrock";

    @Option(names = "--rtol", description = "Relative tolerance (default ${DEFAULT-VALUE}).", defaultValue = "1e-6")
    double rtol = 1e-6;

    @Option(names = "--atol", description = "Absolute tolerance in canonical units (default ${DEFAULT-VALUE}).", defaultValue = "1e-9")
    double atol = 1e-9;

    SolverOptions options() {
        if (!(rtol > 0 && rtol < 1) || !(atol > 0)) {
            throw new UserInputException("--rtol must be in (0, 1) and --atol positive");
        }
        return SolverOptions.of(solver, rtol, atol);
    }
}

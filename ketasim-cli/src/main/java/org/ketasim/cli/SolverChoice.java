package org.ketasim.cli;

import org.ketasim.engine.solve.SolverMethod;
import org.ketasim.engine.solve.SolverOptions;

import picocli.CommandLine.Option;

/** Solver options shared by the commands that simulate. */
final class SolverChoice {

    @Option(names = "--solver", description = "auto (default: Dormand-Prince 5(4), switching to the Rosenbrock W-method ros34pw2 once the model's fast PK makes it stiff), ros34pw2, rodas4, dopri5 or dopri853.", defaultValue = "auto")
    String solver = "auto";

    @Option(names = "--rtol", description = "Relative tolerance (default ${DEFAULT-VALUE}).", defaultValue = "1e-6")
    double rtol = 1e-6;

    @Option(names = "--atol", description = "Absolute tolerance, in each state's declared unit: mg for amounts, mmHg for pressures (default ${DEFAULT-VALUE}).", defaultValue = "1e-9")
    double atol = 1e-9;

    SolverOptions options() {
        if (!(rtol > 0 && rtol < 1) || !(atol > 0)) {
            throw new UserInputException("--rtol must be in (0, 1) and --atol positive");
        }
        SolverMethod method;
        try {
            method = SolverMethod.parse(solver);
        } catch (IllegalArgumentException e) {
            throw new UserInputException("--solver '" + solver + "' is not known; use ros34pw2, rodas4, auto, dopri5 or dopri853");
        }
        return SolverOptions.of(method).withTolerances(rtol, atol);
    }
}

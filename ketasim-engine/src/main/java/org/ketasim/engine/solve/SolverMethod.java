package org.ketasim.engine.solve;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The integration methods a simulation can use.
 *
 * <p>Dormand–Prince 5(4) is KetaSim's own allocation-free implementation of Hairer's DOPRI5
 * ({@link DormandPrinceIntegrator}); Dormand–Prince 8(5,3) is Hipparchus'. The Rosenbrock methods are KetaSim's own ({@link RosenbrockIntegrator}); they pay a finite-difference
 * Jacobian and a small LU per step but take far larger steps through the stiff tail of a long simulation
 * (fast PK and circuit states at equilibrium while slow plasticity states drift).
 */
public enum SolverMethod {

    /** Dormand–Prince 5(4) as in Hairer's DOPRI5: explicit, FSAL, 6 evaluations per step, PI step control. */
    DORMAND_PRINCE_54("dopri5", "dp54", "dopri54", "dormand-prince-54", "rk45"),

    /** Hipparchus {@code DormandPrince853Integrator}: explicit, order 8(5,3), 12 evaluations per step. */
    DORMAND_PRINCE_853("dopri853", "dp853", "dormand-prince-853"),

    /** Hairer–Wanner RODAS4: linearly implicit, order 4(3), L-stable, Jacobian every step. */
    RODAS4("rodas4", "rodas"),

    /** Rang–Angermann ROS34PW2: linearly implicit W-method, order 3(2), L-stable, Jacobian reused. */
    ROS34PW2("ros34pw2", "rosw", "ros34"),

    /**
     * Dormand–Prince 5(4) at the start of each segment, switching to ROS34PW2 for the rest of the segment
     * once stiffness limits the explicit steps ({@link StiffnessSwitchingIntegrator}).
     */
    AUTO("auto", "switching", "dopri5-ros34pw2");

    private final String keyword;
    private final String[] aliases;

    SolverMethod(final String keyword, final String... aliases) {
        this.keyword = keyword;
        this.aliases = aliases;
    }

    /**
     * The name used in settings files and on the command line.
     *
     * @return dopri5, dopri853, rodas4 or ros34pw2
     */
    public String keyword() {
        return keyword;
    }

    /**
     * Whether the method is linearly implicit (suited to stiff problems).
     *
     * @return true for the Rosenbrock methods
     */
    public boolean isImplicit() {
        return this == RODAS4 || this == ROS34PW2;
    }

    /**
     * Reads a method name or alias, ignoring case and surrounding blanks.
     *
     * @param text e.g. "dopri5", "dopri853", "rodas4", "ros34pw2"
     * @return the method
     * @throws IllegalArgumentException (one line, listing the valid names) for an unknown name
     */
    public static SolverMethod parse(final String text) {
        if (text != null) {
            final String key = text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
            for (final SolverMethod method : values()) {
                if (method.keyword.equals(key) || Arrays.asList(method.aliases).contains(key)) {
                    return method;
                }
            }
        }
        throw new IllegalArgumentException("unknown solver '" + text + "'; valid solvers: "
                + Arrays.stream(values()).map(SolverMethod::keyword).collect(Collectors.joining(", ")));
    }
}

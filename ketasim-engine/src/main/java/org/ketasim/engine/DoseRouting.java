package org.ketasim.engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.ketasim.engine.dosing.Drug;
import org.ketasim.engine.dosing.Route;
import org.ketasim.lang.DoseTarget;
import org.ketasim.lang.ModelEquations;

/**
 * A model's {@code [dosing]} block as lookup tables: for each route and enantiomer, the fraction slots and
 * receiving states. Immutable; built once per {@link Simulator}.
 */
final class DoseRouting {

    private static final String[] ENANTIOMERS = {"S", "R"};

    /** [route][enantiomer] → fraction slots. */
    private final int[][][] slots;
    /** [route][enantiomer] → state indices, parallel to {@link #slots}. */
    private final int[][][] states;
    private final String listing;
    private final int slotCount;
    private final int stateCount;

    DoseRouting(final ModelEquations equations, final List<DoseTarget> targets) {
        this.slotCount = equations.doseTargetCount();
        this.stateCount = equations.stateCount();
        final int routes = Route.values().length;
        @SuppressWarnings("unchecked")
        final List<DoseTarget>[][] byPair = new List[routes][ENANTIOMERS.length];
        final Set<String> pairs = new LinkedHashSet<>();
        for (final DoseTarget target : targets) {
            if (target == null) {
                throw new IllegalArgumentException("dosing target list contains a missing (null) target");
            }
            final Route route = Route.fromModelName(target.route());
            final int e = enantiomerIndex(target.enantiomer());
            if (target.stateIndex() < 0 || target.stateIndex() >= stateCount) {
                throw new IllegalArgumentException("dosing target " + describe(target) + " points at state index "
                        + target.stateIndex() + ", but the model has " + stateCount + " states");
            }
            if (target.index() < 0 || target.index() >= slotCount) {
                throw new IllegalArgumentException("dosing target " + describe(target) + " uses fraction slot "
                        + target.index() + ", but the model declares " + slotCount + " dosing targets");
            }
            if (byPair[route.ordinal()][e] == null) {
                byPair[route.ordinal()][e] = new ArrayList<>();
            }
            byPair[route.ordinal()][e].add(target);
            pairs.add(route.modelName() + " " + ENANTIOMERS[e]);
        }
        this.slots = new int[routes][ENANTIOMERS.length][];
        this.states = new int[routes][ENANTIOMERS.length][];
        for (int r = 0; r < routes; r++) {
            for (int e = 0; e < ENANTIOMERS.length; e++) {
                final List<DoseTarget> list = byPair[r][e] == null ? List.of() : byPair[r][e];
                slots[r][e] = list.stream().mapToInt(DoseTarget::index).toArray();
                states[r][e] = list.stream().mapToInt(DoseTarget::stateIndex).toArray();
            }
        }
        this.listing = pairs.isEmpty() ? "(nothing)" : String.join(", ", pairs);
    }

    private static String describe(final DoseTarget target) {
        return target.route() + " " + target.enantiomer() + " -> " + target.state();
    }

    private static int enantiomerIndex(final String enantiomer) {
        for (int e = 0; e < ENANTIOMERS.length; e++) {
            if (ENANTIOMERS[e].equals(enantiomer)) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown enantiomer '" + enantiomer + "' in the model's [dosing] block; valid: S, R");
    }

    /** Whether every enantiomer the drug contains has at least one target for the route. */
    boolean supports(final Route route, final Drug drug) {
        return missingEnantiomer(route, drug) == null;
    }

    /** Throws the one-line message the user sees when a dose cannot be placed. */
    void check(final Route route, final Drug drug) {
        final String missing = missingEnantiomer(route, drug);
        if (missing != null) {
            throw new IllegalArgumentException("model has no dosing target for " + route.modelName() + " " + missing
                    + "; the model's [dosing] block lists: " + listing);
        }
    }

    private String missingEnantiomer(final Route route, final Drug drug) {
        for (int e = 0; e < ENANTIOMERS.length; e++) {
            if (drug.fractionOf(ENANTIOMERS[e]) > 0 && slots[route.ordinal()][e].length == 0) {
                return ENANTIOMERS[e];
            }
        }
        return null;
    }

    /**
     * Fills {@code unit} with the mg entering each state per mg of base dosed, for this route and drug.
     *
     * @param fractions the model's dose fractions for the current parameters
     */
    void unitInput(final Route route, final Drug drug, final double[] fractions, final double[] unit) {
        java.util.Arrays.fill(unit, 0.0);
        for (int e = 0; e < ENANTIOMERS.length; e++) {
            final double share = drug.fractionOf(ENANTIOMERS[e]);
            if (share > 0) {
                final int[] slot = slots[route.ordinal()][e];
                final int[] state = states[route.ordinal()][e];
                for (int i = 0; i < slot.length; i++) {
                    unit[state[i]] += share * fractions[slot[i]];
                }
            }
        }
    }

    /** The route/enantiomer pairs of the [dosing] block, e.g. "iv S, iv R, oral S". */
    String listing() {
        return listing;
    }

    int slotCount() {
        return slotCount;
    }
}

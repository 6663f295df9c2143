package org.ketasim.bench;

import org.ketasim.lang.Model;
import org.ketasim.lang.State;

/**
 * State vectors for benchmarks and cross-checks: plausible values, written by hand, for the ketamine model.
 */
public final class ReferenceStates {

    /** Midpoint time of that infusion (h). */
    public static final double MID_INFUSION_T = 20.0 / 60.0;

    private ReferenceStates() {
    }

    /**
     * A plausible state at {@link #MID_INFUSION_T} (20 minutes) into a 40-minute intravenous infusion of
     * 0.5 mg/kg racemic ketamine in a 70 kg adult (about 9 mg of each enantiomer infused so far): ketamine
     * distributing into the fast peripheral compartment, norketamine forming, effect sites lagging plasma, the
     * glutamate surge rising and the plasticity cascade just starting. Values are typed in their declared units and converted to
     * canonical ones; the depots of the other routes are empty, as they are during an intravenous infusion.
     * Nothing is integrated: the values only need to be realistic in scale and sign so that every branch
     * ({@code pos}, {@code min}, Hill functions) takes its clinical path.
     *
     * @return a fresh state vector in canonical units, in the model's state order
     * @throws IllegalStateException if the model lacks one of the states set here
     */
    public static double[] midInfusion(Model model) {
        double[] y = new double[model.states().size()];
        // S-ketamine and metabolites (mg)
        set(model, y, "A1_S", 1.0);
        set(model, y, "A2_S", 5.0);
        set(model, y, "A3_S", 0.15);
        set(model, y, "N1_S", 0.6);
        set(model, y, "N2_S", 0.15);
        set(model, y, "H_S", 0.02);
        set(model, y, "D_S", 0.005);
        set(model, y, "EL_S", 0.35);
        // R-ketamine and metabolites (mg)
        set(model, y, "A1_R", 1.1);
        set(model, y, "A2_R", 5.2);
        set(model, y, "A3_R", 0.16);
        set(model, y, "N1_R", 0.5);
        set(model, y, "N2_R", 0.13);
        set(model, y, "H_R", 0.018);
        set(model, y, "D_R", 0.004);
        set(model, y, "EL_R", 0.3);
        // effect sites (mg/L)
        set(model, y, "Ce_S", 0.06);
        set(model, y, "Ce_R", 0.066);
        set(model, y, "Ce_SN", 0.004);
        set(model, y, "Ce_RN", 0.0035);
        set(model, y, "Ce_H", 0.0001);
        // circuit
        set(model, y, "G", 0.6);
        set(model, y, "Ad", 0.25);
        set(model, y, "GABA", 0.75);
        set(model, y, "E", 0.12);
        set(model, y, "T", 0.08);
        // plasticity
        set(model, y, "B", 1.15);
        set(model, y, "M", 1.04);
        set(model, y, "P", 1.005);
        set(model, y, "Sn", 2e-4);
        set(model, y, "Sl", 1e-6);
        set(model, y, "Sp", 1e-9);
        // mood and side modules
        set(model, y, "X_pl", 0.04);
        set(model, y, "Y", 31.6);
        set(model, y, "TOL", 0.02);
        set(model, y, "BARO", 1.5);
        set(model, y, "CS", 3e-4);
        set(model, y, "IL6", 4.95);
        set(model, y, "DA", 1.25);
        set(model, y, "HT", 1.12);
        return y;
    }

    private static void set(Model model, double[] y, String name, double valueInDeclaredUnit) {
        int i = model.stateIndex(name).orElseThrow(() -> new IllegalStateException("model has no state " + name));
        State s = model.states().get(i);
        y[i] = s.unit().toCanonical(valueInDeclaredUnit);
    }
}

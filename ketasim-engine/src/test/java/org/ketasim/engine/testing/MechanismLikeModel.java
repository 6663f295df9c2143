package org.ketasim.engine.testing;

import java.util.List;

/**
 * A hand-written stand-in for the 19-state mechanistic model of {@code shared/literature/mechanism.md}
 * §4.3 with the §4.4 defaults (racemate, 70 kg): two-compartment ketamine, norketamine and HNK, three
 * effect sites, the glutamate surge with adaptation, the eEF2 and LHb-trapping signals, BDNF, mTORC1,
 * synaptic proteins, three spine pools and MADRS with a time-dependent placebo term. It is only the
 * solver benchmark's workload (mildly stiff: minutes to weeks), not the project's model.
 *
 * <p>Parameters {CL (L/h), w_S (1), Pl (1)}; 19 states; outputs = states; balance: none.
 */
public final class MechanismLikeModel extends TestModel {

    /** Default parameters {CL, w_S, Pl}. */
    public static final double[] PARAMETERS = {80.0, 0.22, 0.27};

    private static final double V1 = 85;
    private static final double V2 = 175;
    private static final double Q = 180;
    private static final double F_NK = 0.7;
    private static final double V_NK = 70;
    private static final double CL_NK = 38;
    private static final double Q_NK = 26.1;
    private static final double V_NK2 = 115;
    private static final double F_H = 0.5;
    private static final double V_H = 50;
    private static final double CL_H = 11.5;
    private static final double KE0_K = 5.0;
    private static final double KE0_N = 5.0;
    private static final double KE0_H = 1.0;
    private static final double F_UB = 0.5;
    private static final double IC50_K = 1.0;
    private static final double S_RATIO = 4;
    private static final double IC50_N = 5;
    private static final double IC50_H = 46;
    private static final double IC50_L = 1;
    private static final double K_TR = 2;
    private static final double T_UNTRAP = 6;
    private static final double G_MAX = 2.0;
    private static final double O50 = 0.15;
    private static final double G_SUP = 2.5;
    private static final double TAU_G = 0.25;
    private static final double TAU_AD = 1;
    private static final double G_AD = 1;
    private static final double TAU_E = 0.25;
    private static final double W_H = 1;
    private static final double EC50_H = 5;
    private static final double TAU_B = 0.5;
    private static final double A_A = 0.6;
    private static final double A_E = 2.0;
    private static final double TAU_M = 0.25;
    private static final double A_M = 1.0;
    private static final double K_P = 0.6;
    private static final double T_P = 8;
    private static final double BETA = 0;
    private static final double K_F = 0.012;
    private static final double TAU_MAT = 3;
    private static final double S0 = 0.8;
    private static final double S_MAX = 1.2;
    private static final double T_L = 48;
    private static final double K_C = 0.03;
    private static final double T_PERSIST = 480;
    private static final double Y0 = 32;
    private static final double K_OUT = 0.35;
    private static final double W_T = 0.5;
    private static final double DS_REF = 0.15;
    private static final double I_MAX = 0.9;
    private static final double K_PL = 0.5;
    private static final double T_PL = 240;
    private static final double MW_K = 237.73;
    private static final double MW_NK = 223.70;
    private static final double MW_H = 239.70;
    private static final double LN2 = Math.log(2);

    public MechanismLikeModel() {
        super(19, 3, List.of(target("iv", "S", "A_c", 0, 0), target("iv", "R", "A_c", 0, 1)));
    }

    @Override
    public void initialState(final double[] p, final double[] d, final double[] y0) {
        java.util.Arrays.fill(y0, 0.0);
        y0[12] = 1;
        y0[13] = 1;
        y0[14] = 1;
        y0[18] = Y0;
    }

    @Override
    public void derivatives(final double t, final double[] y, final double[] p, final double[] d, final double[] dy) {
        final double cl = p[0];
        final double cK = y[0] / V1;
        final double cN = y[2] / V_NK;
        final double cH = y[4] / V_H;
        dy[0] = -(cl + Q) * cK + Q * y[1] / V2;
        dy[1] = Q * cK - Q * y[1] / V2;
        dy[2] = F_NK * cl * cK * (MW_NK / MW_K) - (CL_NK + Q_NK) * cN + Q_NK * y[3] / V_NK2;
        dy[3] = Q_NK * cN - Q_NK * y[3] / V_NK2;
        dy[4] = F_H * CL_NK * cN * (MW_H / MW_NK) - CL_H * cH;
        dy[5] = KE0_K * (cK - y[5]);
        dy[6] = KE0_N * (cN - y[6]);
        dy[7] = KE0_H * (cH - y[7]);

        final double uK = F_UB * y[5] * 1000 / MW_K;
        final double uN = F_UB * y[6] * 1000 / MW_NK;
        final double uH = F_UB * y[7] * 1000 / MW_H;
        final double xI = uK / IC50_K + uN / IC50_N + uH / IC50_H;
        final double occI = xI / (1 + xI);
        final double xP = xI / S_RATIO;
        final double occP = xP / (1 + xP);
        final double occL = uK / (IC50_L + uK);

        final double gSs = G_MAX * occI / (O50 + occI) - G_SUP * occP;
        dy[8] = (gSs - G_AD * y[9] - y[8]) / TAU_G;
        dy[9] = (Math.max(y[8], 0) - y[9]) / TAU_AD;
        dy[10] = (occP - y[10]) / TAU_E;
        dy[11] = K_TR * occL * (1 - y[11]) - LN2 / T_UNTRAP * y[11];
        final double ampa = Math.max(y[8], 0) + W_H * uH / (EC50_H + uH);

        dy[12] = (1 + A_A * ampa + A_E * y[10] - y[12]) / TAU_B;
        dy[13] = (1 + A_M * Math.max(y[12] - 1, 0) - y[13]) / TAU_M;
        dy[14] = K_P * ((1 - BETA) * Math.max(y[13] - 1, 0) + BETA * Math.max(y[12] - 1, 0)) - LN2 / T_P * (y[14] - 1);
        final double spines = S0 + y[16] + y[17];
        final double cap = Math.max(0, 1 - (spines - S0) / (S_MAX - S0));
        final double drive = Math.max(y[14] - 1, 0);
        dy[15] = K_F * drive * cap - y[15] / TAU_MAT;
        dy[16] = y[15] / TAU_MAT - LN2 / T_L * y[16] - K_C * drive * y[16];
        dy[17] = K_C * drive * y[16] - LN2 / T_PERSIST * y[17];

        final double drug = W_T * y[11] + p[1] * (spines - S0) / DS_REF;
        final double placebo = p[2] * -Math.expm1(-K_PL * t) * Math.exp(-LN2 * t / T_PL);
        final double inhibition = Math.min(I_MAX, drug + placebo);
        dy[18] = K_OUT * (Y0 * (1 - inhibition) - y[18]);
    }
}

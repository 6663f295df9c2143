package org.ketasim.bench;

import java.util.List;
import java.util.function.Function;

import org.ketasim.lang.DoseTarget;
import org.ketasim.lang.Model;
import org.ketasim.lang.ModelEquations;
import org.ketasim.lang.Output;

/**
 * The equations of {@code models/ketamine.ksm} written by hand in plain Java: the yardstick that the
 * compiled model is measured against ({@code RhsBenchmark}) and an implementation independent of the
 * ketasim-lang compiler and interpreter, to cross-check both ({@code HandWrittenKetamineTest}).
 *
 * <p>Same contract and same array layouts as {@link Model#compile()}: {@code p} holds covariates, parameters
 * and switches in file order, in canonical units (mg, L, h, µmol, points); {@code d} holds the
 * {@code [derived]} block in file order; {@code y} the states in file order; {@code out} the outputs in file
 * order, each in its display unit. Indices are compile-time constants, like those the compiler emits; the
 * constructor checks them (and the display-unit factors) against the {@link Model} and throws
 * {@link IllegalStateException} when the model file's layout no longer matches this transcription.
 *
 * <p>Transcribed from the {@code [derived]}, {@code [states]}, {@code [dosing]}, {@code [equations]},
 * {@code [outputs]} and {@code [balance]} blocks of {@code models/ketamine.ksm}. Parameter <em>values</em> are
 * not copied: they arrive in {@code p}, so recalibrating the model file does not invalidate this class, but
 * changing an equation does (the cross-check test then fails).
 *
 * <p>Stateless and thread-safe; {@link #derivatives} and {@link #outputs} allocate nothing.
 */
public final class HandWrittenKetamine implements ModelEquations {

    private static final double LN2 = Math.log(2.0);

    // ---------------------------------------------------------------- display-unit conversions
    /** mg/L to ng/mL. */
    static final double TO_NG_PER_ML = 1e3;
    /** Canonical pressure (mg dm^-1 h^-2) to mmHg: 1 mmHg = 133.322 Pa, 1 Pa = 1e6 mg / 10 dm / (1/3600 h)^2. */
    static final double TO_MMHG = 1.0 / (133.322 * (1e6 / 10.0 * 3600.0 * 3600.0));
    /** 1/h to beats per minute. */
    static final double TO_BPM = 1.0 / 60.0;
    /** mg/L to pg/mL. */
    static final double TO_PG_PER_ML = 1e6;

    // ---------------------------------------------------------------- layout (verified in the constructor)
    static final int PARAMETER_COUNT = 159;
    static final int DERIVED_COUNT = 35;
    static final int STATE_COUNT = 51;
    static final int OUTPUT_COUNT = 38;
    static final int DOSE_TARGET_COUNT = 20;

    static final int P_WT = 0;
    static final int P_AGE = 1;
    static final int P_SEX = 2;
    static final int P_CYP2B6_6 = 3;
    static final int P_CYP3A_INDUCER = 4;
    static final int P_CYP3A_INHIBITOR = 5;
    static final int P_BDNF_MET = 6;
    static final int P_BZD = 7;
    static final int P_RAPA_INH = 8;
    static final int P_BMI = 9;
    static final int P_FHX_AUD = 10;
    static final int P_ORAL_AD = 11;
    static final int P_MADRS0 = 12;
    static final int P_PAIN0 = 13;
    static final int P_T_FIRST = 14;
    static final int P_SPRAVATO = 15;
    static final int P_PL_DESIGN = 16;
    static final int P_MASKED = 17;
    static final int P_WT_ref = 18;
    static final int P_BMI_ref = 19;
    static final int P_AGE_ref = 20;
    static final int P_MW_K = 21;
    static final int P_MW_NK = 22;
    static final int P_MW_HNK = 23;
    static final int P_MW_DHNK = 24;
    static final int P_CL_S = 25;
    static final int P_CL_R = 26;
    static final int P_V1 = 27;
    static final int P_Q2 = 28;
    static final int P_V2 = 29;
    static final int P_Q3 = 30;
    static final int P_V3 = 31;
    static final int P_fm_NK = 32;
    static final int P_sex_cl = 33;
    static final int P_age_cl_slope = 34;
    static final int P_cyp2b6_cl = 35;
    static final int P_induc_cl_K = 36;
    static final int P_induc_cl_NK = 37;
    static final int P_inhib_oral = 38;
    static final int P_F_IM = 39;
    static final int P_ka_IM = 40;
    static final int P_F_SC = 41;
    static final int P_ka_SC = 42;
    static final int P_F_H_S = 43;
    static final int P_F_H_R = 44;
    static final int P_ka_PO = 45;
    static final int P_fm_FP = 46;
    static final int P_F_SL_muc = 47;
    static final int P_ka_SL = 48;
    static final int P_F_IN_nas = 49;
    static final int P_F_IN_spr = 50;
    static final int P_ka_IN_spr = 51;
    static final int P_ka_IN = 52;
    static final int P_V_NK = 53;
    static final int P_CL_NK = 54;
    static final int P_V_NK2 = 55;
    static final int P_Q_NK = 56;
    static final int P_f_HNK = 57;
    static final int P_V_HNK = 58;
    static final int P_CL_HNK = 59;
    static final int P_f_DHNK = 60;
    static final int P_V_DHNK = 61;
    static final int P_CL_DHNK = 62;
    static final int P_t_ke0 = 63;
    static final int P_t_ke0_H = 64;
    static final int P_f_ub = 65;
    static final int P_IC50_rac = 66;
    static final int P_Ki_S = 67;
    static final int P_Ki_R = 68;
    static final int P_Ki_SNK = 69;
    static final int P_Ki_RNK = 70;
    static final int P_IC50_HNK = 71;
    static final int P_s_sel = 72;
    static final int P_spinal_ratio = 73;
    static final int P_Gmax = 74;
    static final int P_O50 = 75;
    static final int P_Gsup = 76;
    static final int P_tau_G = 77;
    static final int P_tau_Ad = 78;
    static final int P_g_ad = 79;
    static final int P_bzd_50 = 80;
    static final int P_w_GABA = 81;
    static final int P_tau_E = 82;
    static final int P_k_tr = 83;
    static final int P_t_untrap = 84;
    static final int P_w_H = 85;
    static final int P_EC50_H = 86;
    static final int P_tau_B = 87;
    static final int P_a_A = 88;
    static final int P_a_E = 89;
    static final int P_met_bdnf = 90;
    static final int P_tau_M = 91;
    static final int P_rapa_6mg = 92;
    static final int P_a_M = 93;
    static final int P_k_P = 94;
    static final int P_t_P = 95;
    static final int P_beta_byp = 96;
    static final int P_rapa_stab = 97;
    static final int P_k_f = 98;
    static final int P_tau_mat = 99;
    static final int P_S0 = 100;
    static final int P_S_max = 101;
    static final int P_t_l = 102;
    static final int P_k_c = 103;
    static final int P_t_p = 104;
    static final int P_k_out = 105;
    static final int P_w_T = 106;
    static final int P_w_S = 107;
    static final int P_dS_ref = 108;
    static final int P_bmi_gain = 109;
    static final int P_fhx_gain = 110;
    static final int P_ad_pl = 111;
    static final int P_I_max = 112;
    static final int P_Pl = 113;
    static final int P_k_pl = 114;
    static final int P_t_pl = 115;
    static final int P_k_ub = 116;
    static final int P_g_ub = 117;
    static final int P_f_active = 118;
    static final int P_f_saline = 119;
    static final int P_f_masked = 120;
    static final int P_C50_diss = 121;
    static final int P_gamma_d = 122;
    static final int P_C_nk_ant = 123;
    static final int P_CADSS_max = 124;
    static final int P_tol_max = 125;
    static final int P_k_tol = 126;
    static final int P_t_tol = 127;
    static final int P_d_DMN = 128;
    static final int P_SBP_max = 129;
    static final int P_EC50_BP = 130;
    static final int P_tau_baro = 131;
    static final int P_g_baro = 132;
    static final int P_dbp_ratio = 133;
    static final int P_hr_per_sbp = 134;
    static final int P_Emax_an = 135;
    static final int P_C50_CS = 136;
    static final int P_t_CS = 137;
    static final int P_Emax_CS = 138;
    static final int P_w_pl_pain = 139;
    static final int P_IC50_MOR = 140;
    static final int P_Ki_DAT_S = 141;
    static final int P_Ki_DAT_R = 142;
    static final int P_Ki_SERT = 143;
    static final int P_Ki_NET = 144;
    static final int P_Ki_sigma2 = 145;
    static final int P_Ki_sigma1 = 146;
    static final int P_IL6_0 = 147;
    static final int P_IL6_imax = 148;
    static final int P_IC50_IL6 = 149;
    static final int P_t_IL6 = 150;
    static final int P_a_DA = 151;
    static final int P_a_5HT = 152;
    static final int P_tau_MA = 153;
    static final int P_hnk_ampa = 154;
    static final int P_lhb_trapping = 155;
    static final int P_interneuron_trigger = 156;
    static final int P_resting_nmdar = 157;
    static final int P_nk_antagonism = 158;

    static final int D_wt_cl = 0;
    static final int D_wt_v = 1;
    static final int D_sex_f = 2;
    static final int D_cyp_f = 3;
    static final int D_cl_s = 4;
    static final int D_cl_r = 5;
    static final int D_v1 = 6;
    static final int D_v2 = 7;
    static final int D_v3 = 8;
    static final int D_q2 = 9;
    static final int D_q3 = 10;
    static final int D_v_nk = 11;
    static final int D_v_nk2 = 12;
    static final int D_q_nk = 13;
    static final int D_cl_nk_s = 14;
    static final int D_cl_nk_r = 15;
    static final int D_v_h = 16;
    static final int D_cl_h = 17;
    static final int D_v_d = 18;
    static final int D_cl_d = 19;
    static final int D_f_in = 20;
    static final int D_ka_in = 21;
    static final int D_fh_s = 22;
    static final int D_fh_r = 23;
    static final int D_ke0 = 24;
    static final int D_ke0_h = 25;
    static final int D_ki_rac = 26;
    static final int D_ic50_s = 27;
    static final int D_ic50_r = 28;
    static final int D_ic50_snk = 29;
    static final int D_ic50_rnk = 30;
    static final int D_ic50_hnk = 31;
    static final int D_bdnf_gain = 32;
    static final int D_bzd_f = 33;
    static final int D_resp_mod = 34;

    static final int Y_A1_S = 0;
    static final int Y_A2_S = 1;
    static final int Y_A3_S = 2;
    static final int Y_IM_S = 3;
    static final int Y_SC_S = 4;
    static final int Y_NAS_S = 5;
    static final int Y_GUT_S = 6;
    static final int Y_SL_S = 7;
    static final int Y_N1_S = 8;
    static final int Y_N2_S = 9;
    static final int Y_H_S = 10;
    static final int Y_D_S = 11;
    static final int Y_EL_S = 12;
    static final int Y_A1_R = 13;
    static final int Y_A2_R = 14;
    static final int Y_A3_R = 15;
    static final int Y_IM_R = 16;
    static final int Y_SC_R = 17;
    static final int Y_NAS_R = 18;
    static final int Y_GUT_R = 19;
    static final int Y_SL_R = 20;
    static final int Y_N1_R = 21;
    static final int Y_N2_R = 22;
    static final int Y_H_R = 23;
    static final int Y_D_R = 24;
    static final int Y_EL_R = 25;
    static final int Y_Ce_S = 26;
    static final int Y_Ce_R = 27;
    static final int Y_Ce_SN = 28;
    static final int Y_Ce_RN = 29;
    static final int Y_Ce_H = 30;
    static final int Y_G = 31;
    static final int Y_Ad = 32;
    static final int Y_GABA = 33;
    static final int Y_E = 34;
    static final int Y_T = 35;
    static final int Y_B = 36;
    static final int Y_M = 37;
    static final int Y_P = 38;
    static final int Y_Sn = 39;
    static final int Y_Sl = 40;
    static final int Y_Sp = 41;
    static final int Y_X_pl = 42;
    static final int Y_R_ub = 43;
    static final int Y_Y = 44;
    static final int Y_TOL = 45;
    static final int Y_BARO = 46;
    static final int Y_CS = 47;
    static final int Y_IL6 = 48;
    static final int Y_DA = 49;
    static final int Y_HT = 50;

    static final int O_KETAMINE_NG_ML = 0;
    static final int O_S_KETAMINE_NG_ML = 1;
    static final int O_R_KETAMINE_NG_ML = 2;
    static final int O_NORKETAMINE_NG_ML = 3;
    static final int O_HNK_NG_ML = 4;
    static final int O_DHNK_NG_ML = 5;
    static final int O_BRAIN_KETAMINE_UMOL_L = 6;
    static final int O_NMDAR_OCCUPANCY_INTERNEURON = 7;
    static final int O_NMDAR_OCCUPANCY_PYRAMIDAL = 8;
    static final int O_NMDAR_TRAPPED = 9;
    static final int O_GLUTAMATE_REL = 10;
    static final int O_GABA_REL = 11;
    static final int O_EI_RATIO = 12;
    static final int O_AMPA_DRIVE = 13;
    static final int O_EEF2_SIGNAL = 14;
    static final int O_BDNF_REL = 15;
    static final int O_MTORC1_REL = 16;
    static final int O_SYNAPTIC_PROTEINS_REL = 17;
    static final int O_SPINE_DENSITY_REL = 18;
    static final int O_PERSISTENT_SPINES = 19;
    static final int O_MADRS = 20;
    static final int O_PLACEBO_RELIEF = 21;
    static final int O_CADSS = 22;
    static final int O_DMN_CONNECTIVITY_D = 23;
    static final int O_SBP_CHANGE_MMHG = 24;
    static final int O_DBP_CHANGE_MMHG = 25;
    static final int O_HR_CHANGE_BPM = 26;
    static final int O_PAIN_NRS_CHANGE = 27;
    static final int O_WINDUP_REL = 28;
    static final int O_MU_OPIOID_OCCUPANCY = 29;
    static final int O_SIGMA1_OCCUPANCY = 30;
    static final int O_SIGMA2_OCCUPANCY = 31;
    static final int O_SERT_OCCUPANCY = 32;
    static final int O_NET_OCCUPANCY = 33;
    static final int O_DAT_OCCUPANCY = 34;
    static final int O_IL6_PG_ML = 35;
    static final int O_DOPAMINE_REL = 36;
    static final int O_SEROTONIN_REL = 37;

    private static final Object[] PARAMETER_TABLE = {
            "WT", P_WT, "AGE", P_AGE, "SEX", P_SEX, "CYP2B6_6", P_CYP2B6_6, "CYP3A_INDUCER", P_CYP3A_INDUCER,
            "CYP3A_INHIBITOR", P_CYP3A_INHIBITOR, "BDNF_MET", P_BDNF_MET, "BZD", P_BZD, "RAPA_INH", P_RAPA_INH,
            "BMI", P_BMI, "FHX_AUD", P_FHX_AUD, "ORAL_AD", P_ORAL_AD, "MADRS0", P_MADRS0, "PAIN0", P_PAIN0,
            "T_FIRST", P_T_FIRST, "SPRAVATO", P_SPRAVATO, "PL_DESIGN", P_PL_DESIGN, "MASKED", P_MASKED,
            "WT_ref", P_WT_ref, "BMI_ref", P_BMI_ref, "AGE_ref", P_AGE_ref, "MW_K", P_MW_K, "MW_NK", P_MW_NK,
            "MW_HNK", P_MW_HNK, "MW_DHNK", P_MW_DHNK, "CL_S", P_CL_S, "CL_R", P_CL_R, "V1", P_V1, "Q2", P_Q2,
            "V2", P_V2, "Q3", P_Q3, "V3", P_V3, "fm_NK", P_fm_NK, "sex_cl", P_sex_cl,
            "age_cl_slope", P_age_cl_slope, "cyp2b6_cl", P_cyp2b6_cl, "induc_cl_K", P_induc_cl_K,
            "induc_cl_NK", P_induc_cl_NK, "inhib_oral", P_inhib_oral, "F_IM", P_F_IM, "ka_IM", P_ka_IM,
            "F_SC", P_F_SC, "ka_SC", P_ka_SC, "F_H_S", P_F_H_S, "F_H_R", P_F_H_R, "ka_PO", P_ka_PO,
            "fm_FP", P_fm_FP, "F_SL_muc", P_F_SL_muc, "ka_SL", P_ka_SL, "F_IN_nas", P_F_IN_nas,
            "F_IN_spr", P_F_IN_spr, "ka_IN_spr", P_ka_IN_spr, "ka_IN", P_ka_IN, "V_NK", P_V_NK,
            "CL_NK", P_CL_NK, "V_NK2", P_V_NK2, "Q_NK", P_Q_NK, "f_HNK", P_f_HNK, "V_HNK", P_V_HNK,
            "CL_HNK", P_CL_HNK, "f_DHNK", P_f_DHNK, "V_DHNK", P_V_DHNK, "CL_DHNK", P_CL_DHNK, "t_ke0", P_t_ke0,
            "t_ke0_H", P_t_ke0_H, "f_ub", P_f_ub, "IC50_rac", P_IC50_rac, "Ki_S", P_Ki_S, "Ki_R", P_Ki_R,
            "Ki_SNK", P_Ki_SNK, "Ki_RNK", P_Ki_RNK, "IC50_HNK", P_IC50_HNK, "s_sel", P_s_sel,
            "spinal_ratio", P_spinal_ratio, "Gmax", P_Gmax, "O50", P_O50, "Gsup", P_Gsup, "tau_G", P_tau_G,
            "tau_Ad", P_tau_Ad, "g_ad", P_g_ad, "bzd_50", P_bzd_50, "w_GABA", P_w_GABA, "tau_E", P_tau_E,
            "k_tr", P_k_tr, "t_untrap", P_t_untrap, "w_H", P_w_H, "EC50_H", P_EC50_H, "tau_B", P_tau_B,
            "a_A", P_a_A, "a_E", P_a_E, "met_bdnf", P_met_bdnf, "tau_M", P_tau_M, "rapa_6mg", P_rapa_6mg,
            "a_M", P_a_M, "k_P", P_k_P, "t_P", P_t_P, "beta_byp", P_beta_byp, "rapa_stab", P_rapa_stab,
            "k_f", P_k_f, "tau_mat", P_tau_mat, "S0", P_S0, "S_max", P_S_max, "t_l", P_t_l, "k_c", P_k_c,
            "t_p", P_t_p, "k_out", P_k_out, "w_T", P_w_T, "w_S", P_w_S, "dS_ref", P_dS_ref,
            "bmi_gain", P_bmi_gain, "fhx_gain", P_fhx_gain, "ad_pl", P_ad_pl, "I_max", P_I_max, "Pl", P_Pl,
            "k_pl", P_k_pl, "t_pl", P_t_pl, "k_ub", P_k_ub, "g_ub", P_g_ub, "f_active", P_f_active,
            "f_saline", P_f_saline, "f_masked", P_f_masked, "C50_diss", P_C50_diss, "gamma_d", P_gamma_d,
            "C_nk_ant", P_C_nk_ant, "CADSS_max", P_CADSS_max, "tol_max", P_tol_max, "k_tol", P_k_tol,
            "t_tol", P_t_tol, "d_DMN", P_d_DMN, "SBP_max", P_SBP_max, "EC50_BP", P_EC50_BP,
            "tau_baro", P_tau_baro, "g_baro", P_g_baro, "dbp_ratio", P_dbp_ratio, "hr_per_sbp", P_hr_per_sbp,
            "Emax_an", P_Emax_an, "C50_CS", P_C50_CS, "t_CS", P_t_CS, "Emax_CS", P_Emax_CS,
            "w_pl_pain", P_w_pl_pain, "IC50_MOR", P_IC50_MOR, "Ki_DAT_S", P_Ki_DAT_S, "Ki_DAT_R", P_Ki_DAT_R,
            "Ki_SERT", P_Ki_SERT, "Ki_NET", P_Ki_NET, "Ki_sigma2", P_Ki_sigma2, "Ki_sigma1", P_Ki_sigma1,
            "IL6_0", P_IL6_0, "IL6_imax", P_IL6_imax, "IC50_IL6", P_IC50_IL6, "t_IL6", P_t_IL6, "a_DA", P_a_DA,
            "a_5HT", P_a_5HT, "tau_MA", P_tau_MA, "hnk_ampa", P_hnk_ampa, "lhb_trapping", P_lhb_trapping,
            "interneuron_trigger", P_interneuron_trigger, "resting_nmdar", P_resting_nmdar,
            "nk_antagonism", P_nk_antagonism,
    };
    private static final Object[] DERIVED_TABLE = {
            "wt_cl", D_wt_cl, "wt_v", D_wt_v, "sex_f", D_sex_f, "cyp_f", D_cyp_f, "cl_s", D_cl_s,
            "cl_r", D_cl_r, "v1", D_v1, "v2", D_v2, "v3", D_v3, "q2", D_q2, "q3", D_q3, "v_nk", D_v_nk,
            "v_nk2", D_v_nk2, "q_nk", D_q_nk, "cl_nk_s", D_cl_nk_s, "cl_nk_r", D_cl_nk_r, "v_h", D_v_h,
            "cl_h", D_cl_h, "v_d", D_v_d, "cl_d", D_cl_d, "f_in", D_f_in, "ka_in", D_ka_in, "fh_s", D_fh_s,
            "fh_r", D_fh_r, "ke0", D_ke0, "ke0_h", D_ke0_h, "ki_rac", D_ki_rac, "ic50_s", D_ic50_s,
            "ic50_r", D_ic50_r, "ic50_snk", D_ic50_snk, "ic50_rnk", D_ic50_rnk, "ic50_hnk", D_ic50_hnk,
            "bdnf_gain", D_bdnf_gain, "bzd_f", D_bzd_f, "resp_mod", D_resp_mod,
    };
    private static final Object[] STATE_TABLE = {
            "A1_S", Y_A1_S, "A2_S", Y_A2_S, "A3_S", Y_A3_S, "IM_S", Y_IM_S, "SC_S", Y_SC_S, "NAS_S", Y_NAS_S,
            "GUT_S", Y_GUT_S, "SL_S", Y_SL_S, "N1_S", Y_N1_S, "N2_S", Y_N2_S, "H_S", Y_H_S, "D_S", Y_D_S,
            "EL_S", Y_EL_S, "A1_R", Y_A1_R, "A2_R", Y_A2_R, "A3_R", Y_A3_R, "IM_R", Y_IM_R, "SC_R", Y_SC_R,
            "NAS_R", Y_NAS_R, "GUT_R", Y_GUT_R, "SL_R", Y_SL_R, "N1_R", Y_N1_R, "N2_R", Y_N2_R, "H_R", Y_H_R,
            "D_R", Y_D_R, "EL_R", Y_EL_R, "Ce_S", Y_Ce_S, "Ce_R", Y_Ce_R, "Ce_SN", Y_Ce_SN, "Ce_RN", Y_Ce_RN,
            "Ce_H", Y_Ce_H, "G", Y_G, "Ad", Y_Ad, "GABA", Y_GABA, "E", Y_E, "T", Y_T, "B", Y_B, "M", Y_M,
            "P", Y_P, "Sn", Y_Sn, "Sl", Y_Sl, "Sp", Y_Sp, "X_pl", Y_X_pl, "R_ub", Y_R_ub, "Y", Y_Y,
            "TOL", Y_TOL, "BARO", Y_BARO, "CS", Y_CS, "IL6", Y_IL6, "DA", Y_DA, "HT", Y_HT,
    };
    private static final Object[] OUTPUT_TABLE = {
            "ketamine_ng_ml", O_KETAMINE_NG_ML, "s_ketamine_ng_ml", O_S_KETAMINE_NG_ML,
            "r_ketamine_ng_ml", O_R_KETAMINE_NG_ML, "norketamine_ng_ml", O_NORKETAMINE_NG_ML,
            "hnk_ng_ml", O_HNK_NG_ML, "dhnk_ng_ml", O_DHNK_NG_ML,
            "brain_ketamine_umol_l", O_BRAIN_KETAMINE_UMOL_L,
            "nmdar_occupancy_interneuron", O_NMDAR_OCCUPANCY_INTERNEURON,
            "nmdar_occupancy_pyramidal", O_NMDAR_OCCUPANCY_PYRAMIDAL, "nmdar_trapped", O_NMDAR_TRAPPED,
            "glutamate_rel", O_GLUTAMATE_REL, "gaba_rel", O_GABA_REL, "ei_ratio", O_EI_RATIO,
            "ampa_drive", O_AMPA_DRIVE, "eef2_signal", O_EEF2_SIGNAL, "bdnf_rel", O_BDNF_REL,
            "mtorc1_rel", O_MTORC1_REL, "synaptic_proteins_rel", O_SYNAPTIC_PROTEINS_REL,
            "spine_density_rel", O_SPINE_DENSITY_REL, "persistent_spines", O_PERSISTENT_SPINES,
            "madrs", O_MADRS, "placebo_relief", O_PLACEBO_RELIEF, "cadss", O_CADSS,
            "dmn_connectivity_d", O_DMN_CONNECTIVITY_D, "sbp_change_mmhg", O_SBP_CHANGE_MMHG,
            "dbp_change_mmhg", O_DBP_CHANGE_MMHG, "hr_change_bpm", O_HR_CHANGE_BPM,
            "pain_nrs_change", O_PAIN_NRS_CHANGE, "windup_rel", O_WINDUP_REL,
            "mu_opioid_occupancy", O_MU_OPIOID_OCCUPANCY, "sigma1_occupancy", O_SIGMA1_OCCUPANCY,
            "sigma2_occupancy", O_SIGMA2_OCCUPANCY, "sert_occupancy", O_SERT_OCCUPANCY,
            "net_occupancy", O_NET_OCCUPANCY, "dat_occupancy", O_DAT_OCCUPANCY, "il6_pg_ml", O_IL6_PG_ML,
            "dopamine_rel", O_DOPAMINE_REL, "serotonin_rel", O_SEROTONIN_REL,
    };

    /** The {@code [dosing]} targets in file order: route, enantiomer, receiving state (slot = row index / 3). */
    private static final String[] DOSE_TABLE = {
            "iv", "S", "A1_S",
            "iv", "R", "A1_R",
            "im", "S", "IM_S", "im", "S", "EL_S",
            "im", "R", "IM_R", "im", "R", "EL_R",
            "sc", "S", "SC_S", "sc", "S", "EL_S",
            "sc", "R", "SC_R", "sc", "R", "EL_R",
            "intranasal", "S", "NAS_S", "intranasal", "S", "GUT_S",
            "intranasal", "R", "NAS_R", "intranasal", "R", "GUT_R",
            "oral", "S", "GUT_S",
            "oral", "R", "GUT_R",
            "sublingual", "S", "SL_S", "sublingual", "S", "GUT_S",
            "sublingual", "R", "SL_R", "sublingual", "R", "GUT_R",
    };

    /**
     * @param model the ketamine model this class transcribes; used only to check the layout
     * @throws IllegalStateException when the model's parameters, derived quantities, states, outputs, output
     *                               units or dose targets are not where this class expects them
     */
    public HandWrittenKetamine(Model model) {
        checkNames("parameter", PARAMETER_TABLE, model.parameters(), p -> p.name(), PARAMETER_COUNT);
        checkNames("derived quantity", DERIVED_TABLE, model.derived(), x -> x.name(), DERIVED_COUNT);
        checkNames("state", STATE_TABLE, model.states(), s -> s.name(), STATE_COUNT);
        checkNames("output", OUTPUT_TABLE, model.outputs(), o -> o.name(), OUTPUT_COUNT);
        for (int i = 0; i < STATE_COUNT; i++) {
            expect(model.states().get(i).index() == i, "state " + model.states().get(i).name()
                    + " reports index " + model.states().get(i).index() + ", expected " + i);
        }
        List<Output> outputs = model.outputs();
        for (int i = 0; i < OUTPUT_COUNT; i++) {
            Output o = outputs.get(i);
            expect(o.index() == i, "output " + o.name() + " reports index " + o.index() + ", expected " + i);
            double expected = displayFactor(i);
            double actual = 1.0 / o.unit().factor();
            expect(Math.abs(actual - expected) <= 1e-12 * Math.abs(expected),
                    "output " + o.name() + " is in " + o.unit().symbol() + " (canonical to display x" + actual
                            + "), this class converts x" + expected);
        }
        List<DoseTarget> targets = model.doseTargets();
        expect(targets.size() == DOSE_TARGET_COUNT,
                "model has " + targets.size() + " dose targets, this class transcribes " + DOSE_TARGET_COUNT);
        for (int i = 0; i < DOSE_TARGET_COUNT; i++) {
            DoseTarget dt = targets.get(i);
            String route = DOSE_TABLE[3 * i];
            String enantiomer = DOSE_TABLE[3 * i + 1];
            String state = DOSE_TABLE[3 * i + 2];
            expect(dt.index() == i && dt.route().equals(route) && dt.enantiomer().equals(enantiomer)
                            && dt.state().equals(state) && dt.stateIndex() == stateIndex(state),
                    "dose target " + i + " is " + dt + ", this class expects " + route + " " + enantiomer + " -> "
                            + state);
        }
    }

    /** Multiplier from the canonical value of output {@code i} to its display unit. */
    static double displayFactor(int i) {
        switch (i) {
            case O_KETAMINE_NG_ML: case O_S_KETAMINE_NG_ML: case O_R_KETAMINE_NG_ML: case O_NORKETAMINE_NG_ML:
            case O_HNK_NG_ML: case O_DHNK_NG_ML:
                return TO_NG_PER_ML;
            case O_SBP_CHANGE_MMHG: case O_DBP_CHANGE_MMHG:
                return TO_MMHG;
            case O_HR_CHANGE_BPM:
                return TO_BPM;
            case O_IL6_PG_ML:
                return TO_PG_PER_ML;
            default:
                return 1.0;
        }
    }

    private static int stateIndex(String name) {
        for (int i = 0; i < STATE_TABLE.length; i += 2) {
            if (STATE_TABLE[i].equals(name)) {
                return (Integer) STATE_TABLE[i + 1];
            }
        }
        return -1;
    }

    private static <T> void checkNames(String what, Object[] table, List<T> actual, Function<T, String> name,
                                       int count) {
        expect(table.length == 2 * count, "internal: " + what + " table has " + table.length / 2 + " rows");
        expect(actual.size() == count,
                "model has " + actual.size() + " " + what + " entries, this class transcribes " + count);
        for (int i = 0; i < table.length; i += 2) {
            String expectedName = (String) table[i];
            int index = (Integer) table[i + 1];
            String actualName = name.apply(actual.get(index));
            expect(actualName.equals(expectedName), what + " at index " + index + " is '" + actualName
                    + "', this class expects '" + expectedName + "' (model file reordered or changed?)");
        }
    }

    private static void expect(boolean ok, String message) {
        if (!ok) {
            throw new IllegalStateException("HandWrittenKetamine does not match the model: " + message);
        }
    }

    @Override
    public int stateCount() {
        return STATE_COUNT;
    }

    @Override
    public int parameterCount() {
        return PARAMETER_COUNT;
    }

    @Override
    public int derivedCount() {
        return DERIVED_COUNT;
    }

    @Override
    public int outputCount() {
        return OUTPUT_COUNT;
    }

    @Override
    public int doseTargetCount() {
        return DOSE_TARGET_COUNT;
    }

    private static double pos(double x) {
        return Math.max(x, 0.0);
    }

    /**
     * The model's {@code hill(x, k, 1)}, written as a hand-coder would: {@code x / (k + x)}, with x below 0
     * counted as 0 as the language specifies (the same value, bit for bit, as {@code x^1 / (k^1 + x^1)}).
     */
    private static double hill1(double x, double k) {
        double xc = Math.max(x, 0.0);
        return xc / (k + xc);
    }

    /** The model's {@code hill(x, k, n) = x^n / (k^n + x^n)}, x below 0 counted as 0. */
    private static double hill(double x, double k, double n) {
        double xn = Math.pow(Math.max(x, 0.0), n);
        return xn / (Math.pow(k, n) + xn);
    }

    // ================================================================ [derived]

    @Override
    public void derive(double[] p, double[] d) {
        double wt_cl = Math.pow(p[P_WT] / p[P_WT_ref], 0.75);
        double wt_v = p[P_WT] / p[P_WT_ref];
        double sex_f = 1 + p[P_sex_cl] * p[P_SEX];
        double cyp_f = Math.max(0.1, 1 - p[P_cyp2b6_cl] * p[P_CYP2B6_6])
                * (1 + p[P_age_cl_slope] * (p[P_AGE] - p[P_AGE_ref]));
        double inducK = 1 + p[P_induc_cl_K] * p[P_CYP3A_INDUCER];
        double inducNK = 1 + p[P_induc_cl_NK] * p[P_CYP3A_INDUCER];
        double inhib = 1 + (p[P_inhib_oral] - 1) * p[P_CYP3A_INHIBITOR];
        double ki_rac = 1 / (0.5 / p[P_Ki_S] + 0.5 / p[P_Ki_R]);
        d[D_wt_cl] = wt_cl;
        d[D_wt_v] = wt_v;
        d[D_sex_f] = sex_f;
        d[D_cyp_f] = cyp_f;
        d[D_cl_s] = p[P_CL_S] * wt_cl * sex_f * cyp_f * inducK;
        d[D_cl_r] = p[P_CL_R] * wt_cl * cyp_f * inducK;
        d[D_v1] = p[P_V1] * wt_v;
        d[D_v2] = p[P_V2] * wt_v;
        d[D_v3] = p[P_V3] * wt_v;
        d[D_q2] = p[P_Q2] * wt_cl;
        d[D_q3] = p[P_Q3] * wt_cl;
        d[D_v_nk] = p[P_V_NK] * wt_v;
        d[D_v_nk2] = p[P_V_NK2] * wt_v;
        d[D_q_nk] = p[P_Q_NK] * wt_cl;
        d[D_cl_nk_s] = p[P_CL_NK] * wt_cl * sex_f * inducNK;
        d[D_cl_nk_r] = p[P_CL_NK] * wt_cl * inducNK;
        d[D_v_h] = p[P_V_HNK] * wt_v;
        d[D_cl_h] = p[P_CL_HNK] * wt_cl;
        d[D_v_d] = p[P_V_DHNK] * wt_v;
        d[D_cl_d] = p[P_CL_DHNK] * wt_cl;
        d[D_f_in] = p[P_F_IN_nas] + p[P_SPRAVATO] * (p[P_F_IN_spr] - p[P_F_IN_nas]);
        d[D_ka_in] = p[P_ka_IN] + p[P_SPRAVATO] * (p[P_ka_IN_spr] - p[P_ka_IN]);
        d[D_fh_s] = Math.min(1, p[P_F_H_S] * inhib);
        d[D_fh_r] = Math.min(1, p[P_F_H_R] * inhib);
        d[D_ke0] = LN2 / p[P_t_ke0];
        d[D_ke0_h] = LN2 / p[P_t_ke0_H];
        d[D_ki_rac] = ki_rac;
        d[D_ic50_s] = p[P_IC50_rac] * p[P_Ki_S] / ki_rac;
        d[D_ic50_r] = p[P_IC50_rac] * p[P_Ki_R] / ki_rac;
        d[D_ic50_snk] = p[P_IC50_rac] * p[P_Ki_SNK] / ki_rac;
        d[D_ic50_rnk] = p[P_IC50_rac] * p[P_Ki_RNK] / ki_rac;
        d[D_ic50_hnk] = p[P_IC50_rac] * p[P_IC50_HNK] / ki_rac;
        d[D_bdnf_gain] = 1 - p[P_met_bdnf] * p[P_BDNF_MET];
        d[D_bzd_f] = 1 / (1 + p[P_BZD] / p[P_bzd_50]);
        d[D_resp_mod] = Math.max(0, 1 + p[P_bmi_gain] * (p[P_BMI] - p[P_BMI_ref]))
                * (1 + p[P_fhx_gain] * p[P_FHX_AUD]);
    }

    // ================================================================ [states]

    @Override
    public void initialState(double[] p, double[] d, double[] y0) {
        java.util.Arrays.fill(y0, 0, STATE_COUNT, 0.0);
        y0[Y_GABA] = 1;
        y0[Y_B] = 1;
        y0[Y_M] = 1;
        y0[Y_P] = 1;
        y0[Y_Y] = p[P_MADRS0];
        y0[Y_IL6] = p[P_IL6_0];
        y0[Y_DA] = 1;
        y0[Y_HT] = 1;
    }

    // ================================================================ [dosing]

    @Override
    public void doseFractions(double[] p, double[] d, double[] f) {
        f[0] = 1;                          // iv S -> A1_S
        f[1] = 1;                          // iv R -> A1_R
        f[2] = p[P_F_IM];                  // im S -> IM_S
        f[3] = 1 - p[P_F_IM];              // im S -> EL_S
        f[4] = p[P_F_IM];                  // im R -> IM_R
        f[5] = 1 - p[P_F_IM];              // im R -> EL_R
        f[6] = p[P_F_SC];                  // sc S -> SC_S
        f[7] = 1 - p[P_F_SC];              // sc S -> EL_S
        f[8] = p[P_F_SC];                  // sc R -> SC_R
        f[9] = 1 - p[P_F_SC];              // sc R -> EL_R
        f[10] = d[D_f_in];                 // intranasal S -> NAS_S
        f[11] = 1 - d[D_f_in];             // intranasal S -> GUT_S
        f[12] = d[D_f_in];                 // intranasal R -> NAS_R
        f[13] = 1 - d[D_f_in];             // intranasal R -> GUT_R
        f[14] = 1;                         // oral S -> GUT_S
        f[15] = 1;                         // oral R -> GUT_R
        f[16] = p[P_F_SL_muc];             // sublingual S -> SL_S
        f[17] = 1 - p[P_F_SL_muc];         // sublingual S -> GUT_S
        f[18] = p[P_F_SL_muc];             // sublingual R -> SL_R
        f[19] = 1 - p[P_F_SL_muc];         // sublingual R -> GUT_R
    }

    // ================================================================ [equations]

    @Override
    public void derivatives(double t, double[] y, double[] p, double[] d, double[] dydt) {
        // derived quantities and parameters used below
        final double v1 = d[D_v1];
        final double v2 = d[D_v2];
        final double v3 = d[D_v3];
        final double q2 = d[D_q2];
        final double q3 = d[D_q3];
        final double v_nk = d[D_v_nk];
        final double v_nk2 = d[D_v_nk2];
        final double q_nk = d[D_q_nk];
        final double v_h = d[D_v_h];
        final double cl_h = d[D_cl_h];
        final double v_d = d[D_v_d];
        final double cl_d = d[D_cl_d];
        final double fh_s = d[D_fh_s];
        final double fh_r = d[D_fh_r];
        final double ke0 = d[D_ke0];
        final double MW_K = p[P_MW_K];
        final double MW_NK = p[P_MW_NK];
        final double MW_HNK = p[P_MW_HNK];
        final double MW_DHNK = p[P_MW_DHNK];
        final double ka_IM = p[P_ka_IM];
        final double ka_SC = p[P_ka_SC];
        final double ka_in = d[D_ka_in];
        final double ka_SL = p[P_ka_SL];
        final double ka_PO = p[P_ka_PO];
        final double fm_NK = p[P_fm_NK];
        final double fm_FP = p[P_fm_FP];
        final double f_HNK = p[P_f_HNK];
        final double f_DHNK = p[P_f_DHNK];
        final double f_ub = p[P_f_ub];

        // states
        final double A1_S = y[Y_A1_S];
        final double A2_S = y[Y_A2_S];
        final double A3_S = y[Y_A3_S];
        final double IM_S = y[Y_IM_S];
        final double SC_S = y[Y_SC_S];
        final double NAS_S = y[Y_NAS_S];
        final double GUT_S = y[Y_GUT_S];
        final double SL_S = y[Y_SL_S];
        final double N1_S = y[Y_N1_S];
        final double N2_S = y[Y_N2_S];
        final double H_S = y[Y_H_S];
        final double D_S = y[Y_D_S];
        final double A1_R = y[Y_A1_R];
        final double A2_R = y[Y_A2_R];
        final double A3_R = y[Y_A3_R];
        final double IM_R = y[Y_IM_R];
        final double SC_R = y[Y_SC_R];
        final double NAS_R = y[Y_NAS_R];
        final double GUT_R = y[Y_GUT_R];
        final double SL_R = y[Y_SL_R];
        final double N1_R = y[Y_N1_R];
        final double N2_R = y[Y_N2_R];
        final double H_R = y[Y_H_R];
        final double D_R = y[Y_D_R];
        final double Ce_S = y[Y_Ce_S];
        final double Ce_R = y[Y_Ce_R];
        final double Ce_SN = y[Y_Ce_SN];
        final double Ce_RN = y[Y_Ce_RN];
        final double Ce_H = y[Y_Ce_H];
        final double G = y[Y_G];
        final double Ad = y[Y_Ad];
        final double GABA = y[Y_GABA];
        final double E = y[Y_E];
        final double T = y[Y_T];
        final double B = y[Y_B];
        final double M = y[Y_M];
        final double P = y[Y_P];
        final double Sn = y[Y_Sn];
        final double Sl = y[Y_Sl];
        final double Sp = y[Y_Sp];
        final double X_pl = y[Y_X_pl];
        final double R_ub = y[Y_R_ub];
        final double Y = y[Y_Y];
        final double TOL = y[Y_TOL];
        final double BARO = y[Y_BARO];
        final double CS = y[Y_CS];
        final double IL6 = y[Y_IL6];
        final double DA = y[Y_DA];
        final double HT = y[Y_HT];

        // ---- plasma concentrations (mg/L)
        double C_S = A1_S / v1;
        double C_R = A1_R / v1;
        double CN_S = N1_S / v_nk;
        double CN_R = N1_R / v_nk;
        double CH_S = H_S / v_h;
        double CH_R = H_R / v_h;
        // ---- absorption fluxes (mg/h)
        double abs_S = ka_IM * IM_S + ka_SC * SC_S + ka_in * NAS_S + ka_SL * SL_S;
        double abs_R = ka_IM * IM_R + ka_SC * SC_R + ka_in * NAS_R + ka_SL * SL_R;
        double gut_S = ka_PO * GUT_S;
        double gut_R = ka_PO * GUT_R;
        // ---- ketamine, three compartments per enantiomer
        double met_S = d[D_cl_s] * C_S;
        double met_R = d[D_cl_r] * C_R;
        double q2_S = q2 * (C_S - A2_S / v2);
        double q3_S = q3 * (C_S - A3_S / v3);
        double q2_R = q2 * (C_R - A2_R / v2);
        double q3_R = q3 * (C_R - A3_R / v3);
        dydt[Y_A1_S] = abs_S + fh_s * gut_S - met_S - q2_S - q3_S;
        dydt[Y_A2_S] = q2_S;
        dydt[Y_A3_S] = q3_S;
        dydt[Y_A1_R] = abs_R + fh_r * gut_R - met_R - q2_R - q3_R;
        dydt[Y_A2_R] = q2_R;
        dydt[Y_A3_R] = q3_R;
        dydt[Y_IM_S] = -ka_IM * IM_S;
        dydt[Y_IM_R] = -ka_IM * IM_R;
        dydt[Y_SC_S] = -ka_SC * SC_S;
        dydt[Y_SC_R] = -ka_SC * SC_R;
        dydt[Y_NAS_S] = -ka_in * NAS_S;
        dydt[Y_NAS_R] = -ka_in * NAS_R;
        dydt[Y_SL_S] = -ka_SL * SL_S;
        dydt[Y_SL_R] = -ka_SL * SL_R;
        dydt[Y_GUT_S] = -gut_S;
        dydt[Y_GUT_R] = -gut_R;
        // ---- norketamine
        double fp_S = fm_FP * (1 - fh_s) * gut_S;
        double fp_R = fm_FP * (1 - fh_r) * gut_R;
        double nk_out_S = d[D_cl_nk_s] * CN_S;
        double nk_out_R = d[D_cl_nk_r] * CN_R;
        double qnk_S = q_nk * (CN_S - N2_S / v_nk2);
        double qnk_R = q_nk * (CN_R - N2_R / v_nk2);
        dydt[Y_N1_S] = (fm_NK * met_S + fp_S) * MW_NK / MW_K - nk_out_S - qnk_S;
        dydt[Y_N2_S] = qnk_S;
        dydt[Y_N1_R] = (fm_NK * met_R + fp_R) * MW_NK / MW_K - nk_out_R - qnk_R;
        dydt[Y_N2_R] = qnk_R;
        // ---- HNK and DHNK
        double hOut_S = cl_h * CH_S;
        double hOut_R = cl_h * CH_R;
        double dOut_S = cl_d * D_S / v_d;
        double dOut_R = cl_d * D_R / v_d;
        dydt[Y_H_S] = f_HNK * nk_out_S * MW_HNK / MW_NK - hOut_S;
        dydt[Y_H_R] = f_HNK * nk_out_R * MW_HNK / MW_NK - hOut_R;
        dydt[Y_D_S] = f_DHNK * nk_out_S * MW_DHNK / MW_NK - dOut_S;
        dydt[Y_D_R] = f_DHNK * nk_out_R * MW_DHNK / MW_NK - dOut_R;
        // ---- eliminated, in ketamine-base equivalents
        dydt[Y_EL_S] = (1 - fm_NK) * met_S + (1 - fm_FP) * (1 - fh_s) * gut_S
                + (1 - f_HNK - f_DHNK) * nk_out_S * MW_K / MW_NK + hOut_S * MW_K / MW_HNK
                + dOut_S * MW_K / MW_DHNK;
        dydt[Y_EL_R] = (1 - fm_NK) * met_R + (1 - fm_FP) * (1 - fh_r) * gut_R
                + (1 - f_HNK - f_DHNK) * nk_out_R * MW_K / MW_NK + hOut_R * MW_K / MW_HNK
                + dOut_R * MW_K / MW_DHNK;
        // ---- brain effect sites
        dydt[Y_Ce_S] = ke0 * (C_S - Ce_S);
        dydt[Y_Ce_R] = ke0 * (C_R - Ce_R);
        dydt[Y_Ce_SN] = ke0 * (CN_S - Ce_SN);
        dydt[Y_Ce_RN] = ke0 * (CN_R - Ce_RN);
        dydt[Y_Ce_H] = d[D_ke0_h] * (CH_R - Ce_H);
        // ---- receptor layer (umol/L)
        double u_S = f_ub * Ce_S / MW_K;
        double u_R = f_ub * Ce_R / MW_K;
        double u_SN = f_ub * Ce_SN / MW_NK;
        double u_RN = f_ub * Ce_RN / MW_NK;
        double u_H = f_ub * Ce_H / MW_HNK;
        double X_I = u_S / d[D_ic50_s] + u_R / d[D_ic50_r] + u_SN / d[D_ic50_snk] + u_RN / d[D_ic50_rnk]
                + u_H / d[D_ic50_hnk];
        double occ_I = X_I / (1 + X_I);
        double xP = X_I / p[P_s_sel];
        double occ_P = xP / (1 + xP);
        // ---- circuit
        final double tau_G = p[P_tau_G];
        double posG = pos(G);
        double G_ss = d[D_bzd_f] * (p[P_Gmax] * occ_I / (p[P_O50] + occ_I) - p[P_Gsup] * occ_P);
        dydt[Y_G] = (G_ss - Ad - G) / tau_G;
        dydt[Y_Ad] = (p[P_g_ad] * G_ss - Ad) / p[P_tau_Ad];
        dydt[Y_GABA] = ((1 - occ_I) * (1 + p[P_w_GABA] * posG) - GABA) / tau_G;
        dydt[Y_E] = (occ_P - E) / p[P_tau_E];
        dydt[Y_T] = p[P_lhb_trapping] * p[P_k_tr] * occ_I * (1 - T) - LN2 / p[P_t_untrap] * T;
        double A_drive = p[P_interneuron_trigger] * posG
                + p[P_hnk_ampa] * p[P_w_H] * hill1(u_H, p[P_EC50_H]);
        // ---- plasticity
        double posB1 = pos(B - 1);
        double posP1 = pos(P - 1);
        final double tau_mat = p[P_tau_mat];
        final double k_c = p[P_k_c];
        final double beta_byp = p[P_beta_byp];
        dydt[Y_B] = (1 + d[D_bdnf_gain] * (p[P_a_A] * A_drive + p[P_resting_nmdar] * p[P_a_E] * E) - B)
                / p[P_tau_B];
        dydt[Y_M] = (1 + (1 - p[P_RAPA_INH]) * p[P_a_M] * posB1 - M) / p[P_tau_M];
        dydt[Y_P] = p[P_k_P] * ((1 - beta_byp) * pos(M - 1) + beta_byp * posB1) - LN2 / p[P_t_P] * (P - 1);
        double S_new = Sl + Sp;
        double cap = pos(1 - S_new / (p[P_S_max] - p[P_S0]));
        dydt[Y_Sn] = p[P_k_f] * posP1 * cap - Sn / tau_mat;
        dydt[Y_Sl] = Sn / tau_mat - LN2 / (p[P_t_l] * (1 + p[P_rapa_stab] * p[P_RAPA_INH])) * Sl - k_c * posP1 * Sl;
        dydt[Y_Sp] = k_c * posP1 * Sl - LN2 / p[P_t_p] * Sp;
        // ---- dissociation (S-ketamine only), needed by the expectancy renewal
        double c50_eff = p[P_C50_diss] * (1 + p[P_nk_antagonism] * f_ub * Ce_SN / MW_NK / p[P_C_nk_ant]);
        double E_diss = hill(Ce_S / MW_K, c50_eff, p[P_gamma_d]);
        // ---- mood
        // step(t - T_FIRST) * exp(-ln(2) * pos(t - T_FIRST) / t_pl): no expectancy before the first session;
        // each felt infusion renews it (R_ub)
        dydt[Y_R_ub] = p[P_k_ub] * (1 - p[P_MASKED]) * E_diss * (1 - R_ub) - LN2 / p[P_t_pl] * R_ub;
        double sinceFirst = t - p[P_T_FIRST];
        double expectancy = Math.max(sinceFirst >= 0 ? Math.exp(-LN2 * sinceFirst / p[P_t_pl]) : 0.0, R_ub) + p[P_g_ub] * R_ub;
        dydt[Y_X_pl] = p[P_k_pl] * (p[P_Pl] * p[P_PL_DESIGN] * (1 + p[P_ad_pl] * p[P_ORAL_AD]) * expectancy - X_pl);
        double I_drug = d[D_resp_mod] * (p[P_w_T] * T + p[P_w_S] * hill1(S_new, p[P_dS_ref]));
        double I_tot = Math.min(p[P_I_max], I_drug + X_pl);
        dydt[Y_Y] = p[P_k_out] * (p[P_MADRS0] * (1 - I_tot) - Y);
        dydt[Y_TOL] = p[P_k_tol] * E_diss * (p[P_tol_max] - TOL) - LN2 / p[P_t_tol] * TOL;
        // ---- haemodynamics
        double u_K = u_S + u_R;
        double sbp_drive = p[P_SBP_max] * hill1(u_K, p[P_EC50_BP]);
        dydt[Y_BARO] = (sbp_drive - BARO) / p[P_tau_baro];
        // ---- pain: slow central-sensitisation compartment
        dydt[Y_CS] = LN2 / p[P_t_CS] * (hill1(C_S, p[P_C50_CS]) - CS);
        // ---- inflammation and monoamines
        dydt[Y_IL6] = LN2 / p[P_t_IL6] * (p[P_IL6_0] * (1 - p[P_IL6_imax] * hill1(u_K, p[P_IC50_IL6])) - IL6);
        final double tau_MA = p[P_tau_MA];
        dydt[Y_DA] = (1 + p[P_a_DA] * A_drive - DA) / tau_MA;
        dydt[Y_HT] = (1 + p[P_a_5HT] * A_drive + hill1(u_K, p[P_Ki_SERT]) - HT) / tau_MA;
    }

    // ================================================================ [outputs]

    @Override
    public void outputs(double t, double[] y, double[] p, double[] d, double[] out) {
        final double MW_K = p[P_MW_K];
        final double f_ub = p[P_f_ub];
        final double v1 = d[D_v1];
        final double v_nk = d[D_v_nk];
        final double v_h = d[D_v_h];
        final double Ce_S = y[Y_Ce_S];
        final double Ce_SN = y[Y_Ce_SN];
        final double G = y[Y_G];
        final double GABA = y[Y_GABA];
        final double E = y[Y_E];
        final double T = y[Y_T];
        final double Sl = y[Y_Sl];
        final double Sp = y[Y_Sp];
        final double TOL = y[Y_TOL];

        double C_S = y[Y_A1_S] / v1;
        double C_R = y[Y_A1_R] / v1;
        double CN_S = y[Y_N1_S] / v_nk;
        double CN_R = y[Y_N1_R] / v_nk;
        double CH_S = y[Y_H_S] / v_h;
        double CH_R = y[Y_H_R] / v_h;
        double u_S = f_ub * Ce_S / MW_K;
        double u_R = f_ub * y[Y_Ce_R] / MW_K;
        double u_SN = f_ub * Ce_SN / p[P_MW_NK];
        double u_RN = f_ub * y[Y_Ce_RN] / p[P_MW_NK];
        double u_H = f_ub * y[Y_Ce_H] / p[P_MW_HNK];
        double X_I = u_S / d[D_ic50_s] + u_R / d[D_ic50_r] + u_SN / d[D_ic50_snk] + u_RN / d[D_ic50_rnk]
                + u_H / d[D_ic50_hnk];
        double occ_I = X_I / (1 + X_I);
        double xP = X_I / p[P_s_sel];
        double occ_P = xP / (1 + xP);
        double xSp = X_I / p[P_spinal_ratio];
        double occ_sp = xSp / (1 + xSp);
        double posG = pos(G);
        double A_drive = p[P_interneuron_trigger] * posG
                + p[P_hnk_ampa] * p[P_w_H] * hill1(u_H, p[P_EC50_H]);
        double c50_eff = p[P_C50_diss] * (1 + p[P_nk_antagonism] * f_ub * Ce_SN / p[P_MW_NK] / p[P_C_nk_ant]);
        double xDiss = Ce_S / MW_K;
        double E_diss = hill(xDiss, c50_eff, p[P_gamma_d]);
        double u_K = u_S + u_R;
        double sbp_drive = p[P_SBP_max] * hill1(u_K, p[P_EC50_BP]);
        double sbp_chg = sbp_drive - p[P_g_baro] * y[Y_BARO];
        double E_an = hill1(xDiss, c50_eff);
        double uS_dat = u_S / p[P_Ki_DAT_S];
        double uR_dat = u_R / p[P_Ki_DAT_R];

        out[O_KETAMINE_NG_ML] = (C_S + C_R) * TO_NG_PER_ML;
        out[O_S_KETAMINE_NG_ML] = C_S * TO_NG_PER_ML;
        out[O_R_KETAMINE_NG_ML] = C_R * TO_NG_PER_ML;
        out[O_NORKETAMINE_NG_ML] = (CN_S + CN_R) * TO_NG_PER_ML;
        out[O_HNK_NG_ML] = (CH_S + CH_R) * TO_NG_PER_ML;
        out[O_DHNK_NG_ML] = (y[Y_D_S] + y[Y_D_R]) / d[D_v_d] * TO_NG_PER_ML;
        out[O_BRAIN_KETAMINE_UMOL_L] = u_K;
        out[O_NMDAR_OCCUPANCY_INTERNEURON] = occ_I;
        out[O_NMDAR_OCCUPANCY_PYRAMIDAL] = occ_P;
        out[O_NMDAR_TRAPPED] = T;
        out[O_GLUTAMATE_REL] = 1 + G;
        out[O_GABA_REL] = GABA;
        out[O_EI_RATIO] = (1 + posG) / GABA;
        out[O_AMPA_DRIVE] = A_drive;
        out[O_EEF2_SIGNAL] = E;
        out[O_BDNF_REL] = y[Y_B];
        out[O_MTORC1_REL] = y[Y_M];
        out[O_SYNAPTIC_PROTEINS_REL] = y[Y_P];
        out[O_SPINE_DENSITY_REL] = p[P_S0] + Sl + Sp;
        out[O_PERSISTENT_SPINES] = Sp;
        out[O_MADRS] = y[Y_Y];
        out[O_PLACEBO_RELIEF] = y[Y_X_pl];
        out[O_CADSS] = p[P_CADSS_max] * E_diss * (1 - TOL);
        out[O_DMN_CONNECTIVITY_D] = -p[P_d_DMN] * E_diss * (1 - TOL);
        out[O_SBP_CHANGE_MMHG] = sbp_chg * TO_MMHG;
        out[O_DBP_CHANGE_MMHG] = p[P_dbp_ratio] * sbp_chg * TO_MMHG;
        out[O_HR_CHANGE_BPM] = p[P_hr_per_sbp] * sbp_chg * TO_BPM;
        out[O_PAIN_NRS_CHANGE] = -p[P_PAIN0] * Math.min(1, p[P_Emax_an] * E_an + p[P_Emax_CS] * y[Y_CS] + p[P_w_pl_pain] * y[Y_X_pl]);
        out[O_WINDUP_REL] = 1 - occ_sp;
        out[O_MU_OPIOID_OCCUPANCY] = hill1(u_K, p[P_IC50_MOR]);
        out[O_SIGMA1_OCCUPANCY] = hill1(u_K, p[P_Ki_sigma1]);
        out[O_SIGMA2_OCCUPANCY] = hill1(u_K, p[P_Ki_sigma2]);
        out[O_SERT_OCCUPANCY] = hill1(u_K, p[P_Ki_SERT]);
        out[O_NET_OCCUPANCY] = hill1(u_K, p[P_Ki_NET]);
        out[O_DAT_OCCUPANCY] = (uS_dat + uR_dat) / (1 + uS_dat + uR_dat);
        out[O_IL6_PG_ML] = y[Y_IL6] * TO_PG_PER_ML;
        out[O_DOPAMINE_REL] = y[Y_DA];
        out[O_SEROTONIN_REL] = y[Y_HT];
    }

    // ================================================================ [balance]

    @Override
    public double balance(double t, double[] y, double[] p, double[] d) {
        final double MW_K = p[P_MW_K];
        return y[Y_A1_S] + y[Y_A2_S] + y[Y_A3_S] + y[Y_IM_S] + y[Y_SC_S] + y[Y_NAS_S] + y[Y_GUT_S] + y[Y_SL_S]
                + y[Y_A1_R] + y[Y_A2_R] + y[Y_A3_R] + y[Y_IM_R] + y[Y_SC_R] + y[Y_NAS_R] + y[Y_GUT_R] + y[Y_SL_R]
                + (y[Y_N1_S] + y[Y_N2_S] + y[Y_N1_R] + y[Y_N2_R]) * MW_K / p[P_MW_NK]
                + (y[Y_H_S] + y[Y_H_R]) * MW_K / p[P_MW_HNK]
                + (y[Y_D_S] + y[Y_D_R]) * MW_K / p[P_MW_DHNK]
                + y[Y_EL_S] + y[Y_EL_R];
    }
}

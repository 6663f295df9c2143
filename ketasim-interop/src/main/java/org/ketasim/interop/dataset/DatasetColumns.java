package org.ketasim.interop.dataset;

import java.util.List;
import java.util.Locale;

import org.ketasim.engine.dosing.Drug;
import org.ketasim.engine.dosing.Route;

/**
 * The columns of a NONMEM-style dataset as KetaSim reads and writes them, and the codes of the numeric columns.
 *
 * <table>
 * <caption>Columns</caption>
 * <tr><th>column</th><th>meaning</th></tr>
 * <tr><td>ID</td><td>subject, a positive integer; a subject's rows are contiguous and in time order</td></tr>
 * <tr><td>TIME</td><td>h from day 0, 00:00</td></tr>
 * <tr><td>EVID</td><td>0 observation, 1 dose, 2 other (an output time without an observation)</td></tr>
 * <tr><td>AMT</td><td>dose, mg of ketamine base (not the hydrochloride); "." or 0 on other rows</td></tr>
 * <tr><td>RATE</td><td>infusion rate, mg/h of base; 0 or "." for a bolus (the infusion lasts AMT/RATE h)</td></tr>
 * <tr><td>CMT</td><td>dosing compartment, which is the route: 1 iv (central), 2 im depot, 3 sc depot, 4 nasal
 * depot (intranasal), 5 gut (oral), 6 sublingual depot; the route's name is accepted too</td></tr>
 * <tr><td>DRUG</td><td>1 racemic ketamine, 2 esketamine, 3 arketamine (name accepted; default 1)</td></tr>
 * <tr><td>DV</td><td>the observation (KetaSim writes the simulated MADRS, points); "." when none</td></tr>
 * <tr><td>MDV</td><td>1 when DV is missing (dose rows, EVID 2), else 0</td></tr>
 * <tr><td>ADDL, II</td><td>additional doses after this one, every II h (optional)</td></tr>
 * <tr><td>SS</td><td>steady state: only 0 is supported</td></tr>
 * <tr><td>ARM</td><td>trial arm, 1-based (written by {@code ketasim trial --export-dataset}; not used to simulate)</td></tr>
 * <tr><td><i>model name</i></td><td>a column named like a covariate, parameter or switch of the model (WT, AGE, SEX,
 * CL_S, ...) sets it for that subject, in the unit of the model file; constant within a subject</td></tr>
 * </table>
 * Other columns are ignored. "." is a missing value, as in NONMEM.
 */
public final class DatasetColumns {

    public static final String ID = "ID";
    public static final String TIME = "TIME";
    public static final String EVID = "EVID";
    public static final String AMT = "AMT";
    public static final String RATE = "RATE";
    public static final String CMT = "CMT";
    public static final String DRUG = "DRUG";
    public static final String DV = "DV";
    public static final String MDV = "MDV";
    public static final String ADDL = "ADDL";
    public static final String II = "II";
    public static final String SS = "SS";
    public static final String ARM = "ARM";

    /** The standard columns, in the order KetaSim writes them (ADDL, II and SS are read only). */
    public static final List<String> WRITTEN = List.of(ID, TIME, EVID, AMT, RATE, CMT, DRUG, DV, MDV);
    static final List<String> STANDARD = List.of(ID, TIME, EVID, AMT, RATE, CMT, DRUG, DV, MDV, ADDL, II, SS, ARM);

    /** Routes by CMT number, 1-based. */
    private static final List<Route> ROUTES = List.of(Route.IV, Route.IM, Route.SC, Route.INTRANASAL, Route.ORAL,
            Route.SUBLINGUAL);
    private static final List<Drug> DRUGS = List.of(Drug.KETAMINE, Drug.ESKETAMINE, Drug.ARKETAMINE);

    private DatasetColumns() {
    }

    /** @return the CMT number of a route's dosing compartment (1 iv, 2 im, 3 sc, 4 intranasal, 5 oral, 6 sublingual) */
    public static int cmt(Route route) {
        return ROUTES.indexOf(route) + 1;
    }

    /** @return the route of a CMT value (a number 1-6 or a route name), or null */
    static Route route(String cmt) {
        try {
            double v = Double.parseDouble(cmt);
            int k = (int) v;
            return v == k && k >= 1 && k <= ROUTES.size() ? ROUTES.get(k - 1) : null;
        } catch (NumberFormatException e) {
            try {
                return Route.parse(cmt);
            } catch (IllegalArgumentException notARoute) {
                return null;
            }
        }
    }

    /** @return the DRUG code (1 ketamine, 2 esketamine, 3 arketamine) */
    public static int drugCode(Drug drug) {
        return DRUGS.indexOf(drug) + 1;
    }

    /** @return the drug of a DRUG value (a code 1-3 or a name), or null */
    static Drug drug(String text) {
        try {
            double v = Double.parseDouble(text);
            int k = (int) v;
            return v == k && k >= 1 && k <= DRUGS.size() ? DRUGS.get(k - 1) : null;
        } catch (NumberFormatException e) {
            try {
                return Drug.parse(text.toLowerCase(Locale.ROOT));
            } catch (IllegalArgumentException notADrug) {
                return null;
            }
        }
    }
}

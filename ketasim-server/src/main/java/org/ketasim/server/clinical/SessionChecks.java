package org.ketasim.server.clinical;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks before an infusion starts and before the patient goes home.
 *
 * <p>Pre-infusion: consent, fasting, an escort home, no new contraindication, and resting pressure below
 * 160/100 mmHg (Sanacora 2017 advises treating pressure above 140/90 before dosing; 160/100 is the usual
 * clinic stop line). Discharge: at least 30 min after the end of the infusion, vital signs back in range,
 * dissociation resolved, steady gait, nausea controlled, and an adult escort.
 */
public final class SessionChecks {

    private SessionChecks() {
    }

    /** What the nurse confirms before starting. */
    public record PreInfusion(boolean consentConfirmed, boolean fastingConfirmed, boolean escortConfirmed,
                              boolean noNewContraindication, boolean suicideRiskReviewed, VitalSigns restingVitals) {
    }

    /** What the nurse confirms before discharge. */
    public record Discharge(boolean oriented, boolean walksSteadily, boolean nauseaControlled, boolean escortPresent,
                            Integer cadssTotal, int minutesSinceInfusionEnd) {
    }

    /**
     * The unmet pre-infusion checks (empty: go ahead).
     *
     * @param riskFlagged the latest PHQ-9, MADRS or C-SSRS of the last 14 days raised a suicide-risk flag
     */
    public static List<String> unmet(PreInfusion p, boolean riskFlagged) {
        List<String> out = new ArrayList<>();
        if (riskFlagged && !p.suicideRiskReviewed()) {
            out.add("the latest PHQ-9 item 9, MADRS item 10 or C-SSRS screen was positive: a clinician must review suicide risk today");
        }
        if (!p.consentConfirmed()) {
            out.add("consent for this session is not confirmed");
        }
        if (!p.fastingConfirmed()) {
            out.add("fasting (no food for 4 h, clear fluids up to 2 h) is not confirmed");
        }
        if (!p.escortConfirmed()) {
            out.add("an adult escort home is not confirmed");
        }
        if (!p.noNewContraindication()) {
            out.add("a new contraindication since screening has not been ruled out");
        }
        VitalSigns v = p.restingVitals();
        if (v.sbpMmHg() >= 160 || v.dbpMmHg() >= 100) {
            out.add("resting BP " + v.sbpMmHg() + "/" + v.dbpMmHg() + " mmHg is at or above 160/100");
        }
        if (v.spo2Pct() < 94) {
            out.add("resting SpO2 " + v.spo2Pct() + " % is below 94");
        }
        return out;
    }

    /** The unmet discharge criteria (empty: may go home). */
    public static List<String> unmet(Discharge d, VitalSigns last) {
        List<String> out = new ArrayList<>();
        if (d.minutesSinceInfusionEnd() < 30) {
            out.add("observe at least 30 min after the infusion ends (now " + d.minutesSinceInfusionEnd() + " min)");
        }
        if (last == null) {
            out.add("no vital signs recorded");
        } else {
            if (last.sbpMmHg() >= 160 || last.dbpMmHg() >= 100) {
                out.add("last BP " + last.sbpMmHg() + "/" + last.dbpMmHg() + " mmHg is at or above 160/100");
            }
            if (last.spo2Pct() < 94) {
                out.add("last SpO2 " + last.spo2Pct() + " % is below 94");
            }
        }
        if (d.cadssTotal() != null && d.cadssTotal() > 4) {
            out.add("dissociation not resolved (CADSS " + d.cadssTotal() + " > 4)");
        }
        if (!d.oriented()) {
            out.add("not fully oriented");
        }
        if (!d.walksSteadily()) {
            out.add("gait not steady");
        }
        if (!d.nauseaControlled()) {
            out.add("nausea not controlled");
        }
        if (!d.escortPresent()) {
            out.add("no adult escort present");
        }
        return out;
    }
}

package org.ketasim.server.clinical;

import java.util.ArrayList;
import java.util.List;

/**
 * One set of vital signs during an infusion, and the alerts it raises.
 *
 * @param minute   minutes since the start of the infusion
 * @param sbpMmHg  systolic blood pressure (mmHg)
 * @param dbpMmHg  diastolic blood pressure (mmHg)
 * @param hrBpm    heart rate (beats/min)
 * @param spo2Pct  oxygen saturation (%)
 * @param rrPerMin respiratory rate (breaths/min)
 */
public record VitalSigns(int minute, int sbpMmHg, int dbpMmHg, int hrBpm, int spo2Pct, int rrPerMin) {

    /** How urgent an alert is: CRITICAL means stop or pause the infusion and call the physician. */
    public enum Level { WARNING, CRITICAL }

    /** An alert raised by a reading. */
    public record Alert(Level level, String code, String message) {
    }

    /** Thresholds (mmHg, %, /min). Sources: Sanacora 2017 APA consensus; [S55] Riva-Posse 2018; [S12] Murrough 2013b. */
    public static final int SBP_CRITICAL = 180;
    public static final int DBP_CRITICAL = 110;
    public static final int SBP_WARNING = 160;
    public static final int DBP_WARNING = 100;
    public static final int SPO2_CRITICAL = 92;
    public static final int SPO2_WARNING = 94;

    public VitalSigns {
        range("minute", minute, 0, 720);
        range("sbp_mmhg", sbpMmHg, 50, 300);
        range("dbp_mmhg", dbpMmHg, 20, 200);
        range("hr_bpm", hrBpm, 20, 250);
        range("spo2_pct", spo2Pct, 50, 100);
        range("rr_per_min", rrPerMin, 2, 60);
        if (dbpMmHg >= sbpMmHg) {
            throw new InvalidInput("dbp_mmhg (" + dbpMmHg + ") must be below sbp_mmhg (" + sbpMmHg + ")");
        }
    }

    /**
     * The alerts for this reading.
     *
     * @param baselineSbpMmHg resting systolic pressure before the infusion, for the relative-rise check (or 0 to skip)
     */
    public List<Alert> alerts(int baselineSbpMmHg) {
        List<Alert> out = new ArrayList<>();
        if (sbpMmHg >= SBP_CRITICAL) {
            out.add(new Alert(Level.CRITICAL, "SBP_HIGH", "Systolic " + sbpMmHg + " mmHg >= 180: pause the infusion, recheck in 5 min, call the physician"));
        } else if (sbpMmHg >= SBP_WARNING) {
            out.add(new Alert(Level.WARNING, "SBP_RAISED", "Systolic " + sbpMmHg + " mmHg >= 160: recheck in 5 min"));
        }
        if (dbpMmHg >= DBP_CRITICAL) {
            out.add(new Alert(Level.CRITICAL, "DBP_HIGH", "Diastolic " + dbpMmHg + " mmHg >= 110: pause the infusion, call the physician"));
        } else if (dbpMmHg >= DBP_WARNING) {
            out.add(new Alert(Level.WARNING, "DBP_RAISED", "Diastolic " + dbpMmHg + " mmHg >= 100: recheck in 5 min"));
        }
        if (sbpMmHg < 90) {
            out.add(new Alert(Level.WARNING, "SBP_LOW", "Systolic " + sbpMmHg + " mmHg < 90: hypotension"));
        }
        if (spo2Pct < SPO2_CRITICAL) {
            out.add(new Alert(Level.CRITICAL, "SPO2_LOW", "SpO2 " + spo2Pct + " % < 92: stimulate, give oxygen, stop the infusion if it persists"));
        } else if (spo2Pct < SPO2_WARNING) {
            out.add(new Alert(Level.WARNING, "SPO2_FALLING", "SpO2 " + spo2Pct + " % < 94: watch breathing"));
        }
        if (hrBpm >= 130) {
            out.add(new Alert(Level.CRITICAL, "HR_HIGH", "Heart rate " + hrBpm + "/min >= 130"));
        } else if (hrBpm >= 110) {
            out.add(new Alert(Level.WARNING, "HR_RAISED", "Heart rate " + hrBpm + "/min >= 110"));
        } else if (hrBpm < 50) {
            out.add(new Alert(Level.WARNING, "HR_LOW", "Heart rate " + hrBpm + "/min < 50"));
        }
        if (rrPerMin < 10) {
            out.add(new Alert(Level.CRITICAL, "RR_LOW", "Respiratory rate " + rrPerMin + "/min < 10"));
        } else if (rrPerMin > 24) {
            out.add(new Alert(Level.WARNING, "RR_HIGH", "Respiratory rate " + rrPerMin + "/min > 24"));
        }
        if (baselineSbpMmHg > 0 && sbpMmHg < SBP_WARNING && sbpMmHg > baselineSbpMmHg * 1.3) {
            out.add(new Alert(Level.WARNING, "SBP_RISE", "Systolic more than 30 % above the pre-infusion " + baselineSbpMmHg + " mmHg"));
        }
        return out;
    }

    private static void range(String name, int v, int lo, int hi) {
        if (v < lo || v > hi) {
            throw new InvalidInput(name + " must be between " + lo + " and " + hi + ", got " + v);
        }
    }
}

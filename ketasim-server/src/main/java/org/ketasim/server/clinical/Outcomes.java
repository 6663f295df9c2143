package org.ketasim.server.clinical;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Response and remission rates of the clinic's patients at fixed times after their first infusion.
 *
 * <p>Who is counted, stated with every rate: a patient enters the denominator at a time point only if they
 * have a baseline score (the last one taken within 30 days before the start of their first infusion) and a
 * score inside the time point's window (the one nearest the target day is used). Patients treated but
 * without a score in the window are reported as missing, not as failures or successes, so the rates describe
 * completers and are likely optimistic (dropouts tend to be non-responders). Response is a fall of at
 * least 50 % from baseline; remission is PHQ-9 below 5 or MADRS 10 or below (definitions of the
 * clinical-targets review). Intervals are Wilson 95 %.
 */
public final class Outcomes {

    /** A time point: target day after the first infusion and the window around it (days). */
    public record TimePoint(String label, double targetDay, double fromDay, double toDay) {
    }

    public static final List<TimePoint> TIME_POINTS = List.of(
            new TimePoint("24 h", 1, 0.5, 2), new TimePoint("week 1", 7, 5, 9), new TimePoint("week 2", 14, 11, 17),
            new TimePoint("week 4", 28, 21, 35), new TimePoint("week 8", 56, 49, 63), new TimePoint("week 12", 84, 77, 91));

    /** One score of one patient. */
    public record Score(Instant at, int total) {
    }

    /** The rates at one time point. */
    public record Rate(String timePoint, double targetDay, int treatedWithBaseline, int counted, int missing, int responders,
                       Double responseRate, double[] responseCi95, int remitters, Double remissionRate, double[] remissionCi95) {
    }

    /** The dashboard for one instrument. */
    public record Dashboard(String instrument, int patientsTreated, int patientsWithBaseline, String whoIsCounted, List<Rate> rates) {
    }

    private Outcomes() {
    }

    public static boolean remitted(Instrument i, int total) {
        return i == Instrument.MADRS ? total <= 10 : total < 5;
    }

    public static Dashboard compute(Instrument instrument, Map<Long, Instant> firstInfusion, Map<Long, List<Score>> scores) {
        if (instrument != Instrument.PHQ9 && instrument != Instrument.MADRS) {
            throw new InvalidInput("outcome rates are defined for PHQ9 and MADRS");
        }
        int withBaseline = 0;
        List<Rate> rates = new ArrayList<>();
        int[] counted = new int[TIME_POINTS.size()];
        int[] resp = new int[TIME_POINTS.size()];
        int[] rem = new int[TIME_POINTS.size()];
        for (Map.Entry<Long, Instant> e : firstInfusion.entrySet()) {
            Instant t0 = e.getValue();
            List<Score> s = scores.getOrDefault(e.getKey(), List.of());
            Score baseline = null;
            for (Score x : s) {
                double d = days(t0, x.at());
                if (d <= 0 && d >= -30) {
                    baseline = x;
                }
            }
            if (baseline == null || baseline.total() == 0) {
                continue;
            }
            withBaseline++;
            for (int k = 0; k < TIME_POINTS.size(); k++) {
                TimePoint tp = TIME_POINTS.get(k);
                Score best = null;
                for (Score x : s) {
                    double d = days(t0, x.at());
                    if (d >= tp.fromDay() && d <= tp.toDay()
                            && (best == null || Math.abs(d - tp.targetDay()) < Math.abs(days(t0, best.at()) - tp.targetDay()))) {
                        best = x;
                    }
                }
                if (best != null) {
                    counted[k]++;
                    if (best.total() <= 0.5 * baseline.total()) {
                        resp[k]++;
                    }
                    if (remitted(instrument, best.total())) {
                        rem[k]++;
                    }
                }
            }
        }
        for (int k = 0; k < TIME_POINTS.size(); k++) {
            TimePoint tp = TIME_POINTS.get(k);
            int n = counted[k];
            rates.add(new Rate(tp.label(), tp.targetDay(), withBaseline, n, withBaseline - n, resp[k], n == 0 ? null : (Double) ((double) resp[k] / n),
                    Wilson.ci95(resp[k], n), rem[k], n == 0 ? null : (Double) ((double) rem[k] / n), Wilson.ci95(rem[k], n)));
        }
        String who = "Patients with at least one infusion and a " + instrument.label() + " baseline within 30 days before the first infusion ("
                + withBaseline + " of " + firstInfusion.size() + " treated). At each time point, those with a score in the window "
                + "(nearest to the target day) are counted; the others are listed as missing, not counted. Response: >= 50 % fall "
                + "from baseline. Remission: " + (instrument == Instrument.MADRS ? "MADRS <= 10" : "PHQ-9 < 5") + ". Wilson 95 % intervals.";
        return new Dashboard(instrument.name(), firstInfusion.size(), withBaseline, who, rates);
    }

    private static double days(Instant t0, Instant t) {
        return Duration.between(t0, t).toMinutes() / 1440.0;
    }
}

package org.ketasim.server.clinical;

import java.util.ArrayList;
import java.util.List;

/**
 * Planned session days of a course: days after the first session, starting at 0, as many as sessions, at
 * least the minimum interval apart and within the span.
 */
public final class Schedule {

    private Schedule() {
    }

    /** Evenly spaced days: the span divided into equal steps, never closer than {@code minIntervalDays}. */
    public static List<Integer> even(int sessions, int spanDays, int minIntervalDays) {
        List<Integer> out = new ArrayList<>();
        double step = sessions <= 1 ? 0 : Math.max(minIntervalDays, (double) spanDays / (sessions - 1));
        for (int i = 0; i < sessions; i++) {
            out.add((int) Math.round(i * step));
        }
        return out;
    }

    /** Parses "0,2,4,7,9,11" and checks it against the plan; an empty text gives {@link #even}. */
    public static List<Integer> parse(String text, int sessions, int spanDays, int minIntervalDays) {
        if (text == null || text.isBlank()) {
            return even(sessions, spanDays, minIntervalDays);
        }
        List<Integer> days = new ArrayList<>();
        for (String part : text.split(",")) {
            try {
                days.add(Integer.parseInt(part.trim()));
            } catch (NumberFormatException e) {
                throw new InvalidInput("scheduleDays: '" + Text.clip(part.trim()) + "' is not a whole number of days");
            }
        }
        check(days, sessions, spanDays, minIntervalDays);
        return days;
    }

    /** Rejects a schedule that does not fit the plan, saying why. */
    public static void check(List<Integer> days, int sessions, int spanDays, int minIntervalDays) {
        if (days.size() != sessions) {
            throw new InvalidInput("scheduleDays lists " + days.size() + " days for " + sessions + " sessions");
        }
        if (days.get(0) != 0) {
            throw new InvalidInput("scheduleDays must start at day 0 (the first session)");
        }
        for (int i = 1; i < days.size(); i++) {
            if (days.get(i) - days.get(i - 1) < Math.max(1, minIntervalDays)) {
                throw new InvalidInput("scheduleDays: day " + days.get(i) + " is less than " + Math.max(1, minIntervalDays)
                        + " days after day " + days.get(i - 1));
            }
        }
        if (days.get(days.size() - 1) > Math.max(spanDays, 0) && spanDays > 0) {
            throw new InvalidInput("scheduleDays: day " + days.get(days.size() - 1) + " is beyond the " + spanDays + "-day span");
        }
    }

    public static String format(List<Integer> days) {
        return String.join(",", days.stream().map(String::valueOf).toList());
    }
}

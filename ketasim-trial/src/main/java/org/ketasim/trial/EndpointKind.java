package org.ketasim.trial;

import java.util.Locale;

/** What an endpoint measures. */
public enum EndpointKind {
    /** Fraction of the arm at or below 50% of its baseline score at a time. */
    RESPONSE_RATE,
    /** Fraction of the arm at or below the remission threshold at a time. */
    REMISSION_RATE,
    /** Mean change from baseline at a time (points). */
    MEAN_CHANGE,
    /** Mean score at a time (points). */
    MEAN_SCORE,
    /** Difference in mean change from baseline against another arm ({@code vs}) at a time (points). */
    DIFFERENCE_VS,
    /** Cohen's d of the improvement over another arm ({@code vs}) at a time: (change vs − change) / pooled SD; positive = better. */
    EFFECT_SIZE_D,
    /** Median days from {@code after_day} to relapse, among responders at {@code after_day} (Kaplan–Meier). */
    MEDIAN_DAYS_TO_RELAPSE,
    /** The Kaplan–Meier curve of relapse-free responders after {@code after_day}. */
    KAPLAN_MEIER;

    public String keyword() {
        return name().toLowerCase(Locale.ROOT);
    }

    static EndpointKind parse(String text) {
        for (EndpointKind k : values()) {
            if (k.keyword().equals(text.trim().toLowerCase(Locale.ROOT))) {
                return k;
            }
        }
        StringBuilder known = new StringBuilder();
        for (EndpointKind k : values()) {
            known.append(known.length() == 0 ? "" : ", ").append(k.keyword());
        }
        throw new IllegalArgumentException("expected one of " + known + ", got '" + text + "'");
    }

    boolean needsVs() {
        return this == DIFFERENCE_VS || this == EFFECT_SIZE_D;
    }

    boolean isRelapse() {
        return this == MEDIAN_DAYS_TO_RELAPSE || this == KAPLAN_MEIER;
    }
}

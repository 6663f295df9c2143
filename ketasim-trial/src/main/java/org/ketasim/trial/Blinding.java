package org.ketasim.trial;

import java.util.Locale;

/**
 * How a trial controls expectancy. Each design scales the model's expectancy state (covariate
 * {@code PL_DESIGN}) for every arm of the trial.
 *
 * <p>Factors are the priors of {@code shared/literature/mechanism.md} §4.4 (assumed, to be calibrated):
 * saline-controlled trials unblind through dissociation and carry less expectancy; active placebo
 * (midazolam) keeps it; masked administration (under anaesthesia, Lii 2023) and open-label use carry more.
 */
public enum Blinding {
    OPEN_LABEL("open-label", 1.0),
    SALINE_PLACEBO("saline-placebo", 0.6),
    ACTIVE_PLACEBO("active-placebo", 1.0),
    MASKED("masked", 1.5);

    private final String keyword;
    private final double designFactor;

    Blinding(String keyword, double designFactor) {
        this.keyword = keyword;
        this.designFactor = designFactor;
    }

    public String keyword() {
        return keyword;
    }

    /** The expectancy multiplier for this design (dimensionless). */
    public double designFactor() {
        return designFactor;
    }

    static Blinding parse(String text) {
        for (Blinding b : values()) {
            if (b.keyword.equals(text.toLowerCase(Locale.ROOT).trim())) {
                return b;
            }
        }
        throw new IllegalArgumentException("expected one of open-label, saline-placebo, active-placebo, masked, got '" + text + "'");
    }
}

package org.ketasim.trial;

import java.util.Locale;

/**
 * How a trial controls expectancy. Each design scales the model's expectancy state for every arm of the
 * trial: the runner sets the covariate {@code PL_DESIGN} to the model parameter the design names (open label
 * is the reference, 1), and {@code MASKED} to 1 when the drug is given under anaesthesia, so that its felt
 * effect cannot renew expectancy. The factors live in the model file, with their provenance, so that they can
 * be calibrated like any other parameter.
 */
public enum Blinding {
    OPEN_LABEL("open-label", null),
    SALINE_PLACEBO("saline-placebo", "f_saline"),
    ACTIVE_PLACEBO("active-placebo", "f_active"),
    MASKED("masked", "f_masked");

    private final String keyword;
    private final String factorParameter;

    Blinding(String keyword, String factorParameter) {
        this.keyword = keyword;
        this.factorParameter = factorParameter;
    }

    public String keyword() {
        return keyword;
    }

    /** The model parameter holding this design's expectancy factor, or empty for the reference (open label). */
    public java.util.Optional<String> factorParameter() {
        return java.util.Optional.ofNullable(factorParameter);
    }

    /** Whether the drug is given without being felt (under anaesthesia). */
    public boolean masked() {
        return this == MASKED;
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

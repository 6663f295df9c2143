package org.ketasim.population;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The condition a virtual population is drawn from. Each has a preset of the same keyword
 * ({@link PopulationSpec#preset(String)}).
 */
public enum Diagnosis {
    /** Treatment-resistant major depression (failed at least two adequate antidepressant trials). */
    TRD("trd"),
    /** Major depressive disorder, not selected for treatment resistance. */
    MDD("mdd"),
    /** Depressive episode of bipolar I or II disorder. */
    BIPOLAR_DEPRESSION("bipolar-depression"),
    /** Chronic post-traumatic stress disorder. */
    PTSD("ptsd"),
    /** Complex regional pain syndrome (type 1). */
    CRPS("crps");

    private final String keyword;

    Diagnosis(String keyword) {
        this.keyword = keyword;
    }

    /** @return the lower-case keyword: trd, mdd, bipolar-depression, ptsd or crps */
    public String keyword() {
        return keyword;
    }

    /**
     * Reads a diagnosis: its keyword or constant name in any case, with {@code -}, {@code _} or a space between
     * words ({@code "trd"}, {@code "TRD"}, {@code "bipolar depression"}, {@code "BIPOLAR_DEPRESSION"}), or
     * {@code "bipolar"}.
     *
     * @param s the text
     * @return the diagnosis
     * @throws IllegalArgumentException for null or unknown text, listing the keywords
     */
    public static Diagnosis parse(String s) {
        if (s != null) {
            String k = s.strip().toLowerCase(Locale.ROOT).replace('_', '-').replace(' ', '-');
            for (Diagnosis d : values()) {
                if (d.keyword.equals(k)) {
                    return d;
                }
            }
            if (k.equals("bipolar")) {
                return BIPOLAR_DEPRESSION;
            }
        }
        throw new IllegalArgumentException("unknown diagnosis '" + s + "'; known: "
                + Arrays.stream(values()).map(Diagnosis::keyword).collect(Collectors.joining(", ")));
    }
}

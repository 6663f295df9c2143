package org.ketasim.server.clinical;

/** Classes of current medication that matter for ketamine treatment. */
public enum DrugClass {
    BENZODIAZEPINE, MAOI, LAMOTRIGINE, STIMULANT, SSRI, SNRI, TRICYCLIC, ANTIPSYCHOTIC, LITHIUM, OPIOID, ANTIHYPERTENSIVE, OTHER;

    public static DrugClass parse(String text) {
        for (DrugClass f : values()) {
            if (f.name().equalsIgnoreCase(text == null ? "" : text.trim())) {
                return f;
            }
        }
        throw new InvalidInput("medications: class '" + Text.clip(text) + "' is not known (use one of "
                + java.util.Arrays.toString(values()).toLowerCase(java.util.Locale.ROOT) + ")");
    }
}

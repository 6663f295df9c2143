package org.ketasim.server.clinical;

/** Items of the medical and psychiatric history recorded at a consultation (present = true). */
public enum HistoryFlag {
    ACTIVE_PSYCHOSIS("Active psychotic symptoms"),
    MANIA("Current mania or hypomania"),
    PSYCHOSIS_HISTORY("Past psychosis, or psychosis in a first-degree relative"),
    BIPOLAR("Bipolar disorder"),
    SUBSTANCE_USE_ACTIVE("Substance use disorder, active (moderate-severe, last 3 months)"),
    SUBSTANCE_USE_HISTORY("Substance use disorder in the past (in remission)"),
    UNCONTROLLED_HYPERTENSION("Hypertension known to be uncontrolled"),
    CARDIOVASCULAR_DISEASE("Stable cardiovascular disease (treated hypertension, coronary disease)"),
    SEVERE_CARDIAC_DISEASE("Severe cardiac disease (heart failure, significant arrhythmia, recent MI, unstable angina)"),
    CEREBROVASCULAR_DISEASE("Unstable cerebrovascular disease or aneurysm"),
    RAISED_INTRACRANIAL_PRESSURE("Raised intracranial pressure"),
    RAISED_INTRAOCULAR_PRESSURE("Raised intraocular pressure or glaucoma"),
    HEPATIC_IMPAIRMENT_MILD("Hepatic impairment, mild or moderate"),
    HEPATIC_IMPAIRMENT_SEVERE("Hepatic impairment, severe (cirrhosis, Child-Pugh C)"),
    KETAMINE_ALLERGY("Allergy or hypersensitivity to ketamine"),
    PREGNANT("Pregnant"),
    BREASTFEEDING("Breastfeeding"),
    SEIZURE_DISORDER("Seizure disorder"),
    SUICIDAL_INTENT("Current suicidal intent or plan");

    private final String label;

    HistoryFlag(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static HistoryFlag parse(String text) {
        for (HistoryFlag f : values()) {
            if (f.name().equalsIgnoreCase(text == null ? "" : text.trim())) {
                return f;
            }
        }
        throw new InvalidInput("history: '" + Text.clip(text) + "' is not a known history item");
    }
}

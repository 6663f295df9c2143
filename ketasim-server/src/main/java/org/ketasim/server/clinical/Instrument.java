package org.ketasim.server.clinical;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The rating scales the clinic records, with their items, scoring and severity bands.
 *
 * <p>Answers are integers, one per item, in item order. {@link #score} rejects a missing or out-of-range
 * answer and names the item. Bands and flags follow the scale's validation paper (cited per scale).
 */
public enum Instrument {

    PHQ9("PHQ-9", "Patient Health Questionnaire-9 (Kroenke, Spitzer & Williams 2001, J Gen Intern Med 16:606)", 0, 3,
            List.of("Little interest or pleasure in doing things", "Feeling down, depressed, or hopeless",
                    "Trouble falling or staying asleep, or sleeping too much", "Feeling tired or having little energy",
                    "Poor appetite or overeating", "Feeling bad about yourself, or that you are a failure",
                    "Trouble concentrating on things", "Moving or speaking slowly, or being fidgety or restless",
                    "Thoughts that you would be better off dead, or of hurting yourself"),
            new int[] {4, 9, 14, 19, 27}, List.of("minimal", "mild", "moderate", "moderately severe", "severe")),
    GAD7("GAD-7", "Generalized Anxiety Disorder-7 (Spitzer et al. 2006, Arch Intern Med 166:1092)", 0, 3,
            List.of("Feeling nervous, anxious, or on edge", "Not being able to stop or control worrying",
                    "Worrying too much about different things", "Trouble relaxing",
                    "Being so restless that it is hard to sit still", "Becoming easily annoyed or irritable",
                    "Feeling afraid as if something awful might happen"),
            new int[] {4, 9, 14, 21}, List.of("minimal", "mild", "moderate", "severe")),
    PCL5("PCL-5", "PTSD Checklist for DSM-5 (Weathers et al. 2013; cut-point 31-33, Bovin et al. 2016, Psychol Assess 28:1379)", 0, 4,
            numbered("PCL-5 item", 20),
            new int[] {32, 80}, List.of("below the probable-PTSD cut-point (33)", "probable PTSD (>= 33)")),
    MADRS("MADRS", "Montgomery-Asberg Depression Rating Scale, clinician-rated (Montgomery & Asberg 1979, Br J Psychiatry 134:382;"
            + " bands Herrmann et al. 1998)", 0, 6,
            List.of("Apparent sadness", "Reported sadness", "Inner tension", "Reduced sleep", "Reduced appetite",
                    "Concentration difficulties", "Lassitude", "Inability to feel", "Pessimistic thoughts", "Suicidal thoughts"),
            new int[] {6, 19, 34, 60}, List.of("normal", "mild", "moderate", "severe")),
    CSSRS("C-SSRS screen", "Columbia Suicide Severity Rating Scale, screen version, past month (Posner et al. 2011, Am J Psychiatry 168:1266);"
            + " answers 0 = no, 1 = yes", 0, 1,
            List.of("Wished you were dead or could go to sleep and not wake up", "Had any actual thoughts of killing yourself",
                    "Thought about how you might do this", "Had these thoughts and some intention of acting on them",
                    "Started to work out or worked out the details of how to kill yourself, and intend to carry it out",
                    "Done, started or prepared to do anything to end your life (past 3 months)"),
            null, null),
    CADSS("CADSS", "Clinician-Administered Dissociative States Scale, 23 subject-rated items 0-4 (Bremner et al. 1998, J Trauma Stress 11:125);"
            + " no validated severity bands: the bands shown are descriptive", 0, 4,
            numbered("CADSS item", 23),
            new int[] {0, 10, 20, 92}, List.of("none", "mild (descriptive)", "moderate (descriptive)", "marked (descriptive)")),
    PAIN_NRS("Pain NRS", "Numeric pain rating 0-10 (bands: Boonstra et al. 2016, Pain Med 17:1505)", 0, 10,
            List.of("Average pain over the last 24 hours (0 = no pain, 10 = worst imaginable)"),
            new int[] {0, 3, 6, 10}, List.of("none", "mild", "moderate", "severe"));

    private final String label;
    private final String source;
    private final int minAnswer;
    private final int maxAnswer;
    private final List<String> items;
    private final int[] bandUpper;
    private final List<String> bandNames;

    Instrument(String label, String source, int minAnswer, int maxAnswer, List<String> items, int[] bandUpper, List<String> bandNames) {
        this.label = label;
        this.source = source;
        this.minAnswer = minAnswer;
        this.maxAnswer = maxAnswer;
        this.items = items;
        this.bandUpper = bandUpper;
        this.bandNames = bandNames;
    }

    /** A scored questionnaire: total, severity band and flags that need a clinician's attention. */
    public record Score(Instrument instrument, int total, String band, List<String> flags) {
    }

    public String label() {
        return label;
    }

    public String source() {
        return source;
    }

    public List<String> items() {
        return items;
    }

    public int minAnswer() {
        return minAnswer;
    }

    public int maxAnswer() {
        return maxAnswer;
    }

    public int maxTotal() {
        return items.size() * maxAnswer;
    }

    /** Parses an instrument name such as "PHQ9", "phq-9" or "pain_nrs". */
    public static Instrument parse(String text) {
        String t = text == null ? "" : text.trim().toUpperCase(Locale.ROOT).replace("-", "").replace(" ", "_");
        for (Instrument i : values()) {
            if (i.name().replace("_", "").equals(t.replace("_", ""))) {
                return i;
            }
        }
        throw new InvalidInput("instrument '" + Text.clip(text) + "' is not known (PHQ9, GAD7, PCL5, MADRS, CSSRS, CADSS, PAIN_NRS)");
    }

    /**
     * Scores a complete set of answers.
     *
     * @param answers one integer per item in order; null entries are missing answers
     * @throws InvalidInput naming the first missing or out-of-range item
     */
    public Score score(List<Integer> answers) {
        if (answers == null) {
            throw new InvalidInput(label + ": answers are missing");
        }
        if (answers.size() > items.size()) {
            throw new InvalidInput(label + ": " + answers.size() + " answers given but the scale has " + items.size() + " items");
        }
        for (int i = 0; i < items.size(); i++) {
            Integer a = i < answers.size() ? answers.get(i) : null;
            if (a == null) {
                throw new InvalidInput(label + ": item " + (i + 1) + " ('" + items.get(i) + "') is not answered");
            }
            if (a < minAnswer || a > maxAnswer) {
                throw new InvalidInput(label + ": item " + (i + 1) + " ('" + items.get(i) + "') must be " + minAnswer + "-"
                        + maxAnswer + ", got " + a);
            }
        }
        int total = answers.stream().mapToInt(Integer::intValue).sum();
        List<String> flags = new ArrayList<>();
        String band;
        if (this == CSSRS) {
            band = cssrsRisk(answers);
            if (!band.equals("no risk identified")) {
                flags.add("C-SSRS " + band + ": clinician assessment before treatment continues");
            }
        } else {
            band = bandNames.get(bandNames.size() - 1);
            for (int k = 0; k < bandUpper.length; k++) {
                if (total <= bandUpper[k]) {
                    band = bandNames.get(k);
                    break;
                }
            }
        }
        if (this == PHQ9 && answers.get(8) > 0) {
            flags.add("PHQ-9 item 9 positive (" + answers.get(8) + "): thoughts of death or self-harm - assess suicide risk today");
        }
        if (this == MADRS && answers.get(9) >= 4) {
            flags.add("MADRS item 10 (suicidal thoughts) = " + answers.get(9) + ": assess suicide risk today");
        }
        return new Score(this, total, band, Collections.unmodifiableList(flags));
    }

    /** C-SSRS screen triage: yes to 4, 5 or 6 is high risk, yes to 3 moderate, yes to 1 or 2 low. */
    private static String cssrsRisk(List<Integer> a) {
        if (a.get(3) == 1 || a.get(4) == 1 || a.get(5) == 1) {
            return "high risk";
        }
        if (a.get(2) == 1) {
            return "moderate risk";
        }
        if (a.get(0) == 1 || a.get(1) == 1) {
            return "low risk";
        }
        return "no risk identified";
    }

    private static List<String> numbered(String prefix, int n) {
        List<String> out = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            out.add(prefix + " " + i);
        }
        return List.copyOf(out);
    }
}

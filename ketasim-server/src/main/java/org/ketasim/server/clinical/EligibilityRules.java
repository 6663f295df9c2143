package org.ketasim.server.clinical;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Eligibility screening for IV ketamine as explicit, reviewable rules.
 *
 * <p>Each rule has an id, a kind (an absolute contraindication excludes; a relative one needs a
 * physician's judgement), the reason, and the source it comes from. {@link #screen} returns every rule that
 * fired, with the facts that made it fire. The rules are data here so a clinic can read them all at
 * {@code GET /api/screening/rules}; changing them is a code review, and {@link #VERSION} is stored with
 * each screening.
 *
 * <p>Sources: trial exclusion criteria collected in the project's clinical-targets review (section 8,
 * [S60]); benzodiazepine and lamotrigine interactions ([S63] Andrasko 2020, [S64] Feeney 2023, [S65]
 * Andrade 2017); the APA consensus statement on ketamine for mood disorders (Sanacora et al. 2017, JAMA
 * Psychiatry 74:399); the Ketalar (ketamine hydrochloride) prescribing information, contraindications and
 * warnings; blood-pressure course during 0.5 mg/kg infusions ([S55] Riva-Posse 2018).
 */
public final class EligibilityRules {

    /** Stored with every screening so a later reader knows which rule set produced it. */
    public static final String VERSION = "2026-11-24.1";

    /** Absolute contraindications exclude; relative ones call for a physician's decision. */
    public enum Kind { ABSOLUTE, RELATIVE }

    /** The outcome of a screening. */
    public enum Outcome { ELIGIBLE, ELIGIBLE_WITH_CAUTIONS, NOT_ELIGIBLE }

    /** One rule: {@code test} returns the finding (why it fired) or null. */
    public record Rule(String id, Kind kind, String title, String reason, String source,
                       @com.fasterxml.jackson.annotation.JsonIgnore Function<Facts, String> test) {
    }

    /** A rule that fired and the finding that made it fire. */
    public record Fired(String id, Kind kind, String title, String finding, String reason, String source) {
    }

    /** The facts the rules look at. */
    public record Facts(Consultation consultation, int ageYears) {
    }

    /** Everything the screening found. */
    public record Result(Outcome outcome, List<Fired> fired, String rulesVersion) {
    }

    private static final String S60 = "Trial exclusion criteria, clinical-targets review sec. 8 [S60]";
    private static final String APA = "Sanacora et al. 2017, APA consensus statement on ketamine for mood disorders, JAMA Psychiatry 74:399";
    private static final String LABEL = "Ketalar (ketamine HCl) prescribing information: contraindications and warnings";

    private static final List<Rule> RULES = List.of(
            rule("A-ALLERGY", Kind.ABSOLUTE, "Ketamine hypersensitivity",
                    "Known hypersensitivity to ketamine or an excipient.", LABEL + "; " + S60,
                    f -> flag(f, HistoryFlag.KETAMINE_ALLERGY)),
            rule("A-PREGNANCY", Kind.ABSOLUTE, "Pregnancy",
                    "Safety in pregnancy not established; pregnancy excluded in every antidepressant ketamine trial.", S60 + "; " + LABEL,
                    f -> flag(f, HistoryFlag.PREGNANT)),
            rule("A-PSYCHOSIS", Kind.ABSOLUTE, "Active psychosis",
                    "Ketamine is psychotomimetic and can worsen psychosis.", S60 + "; " + APA,
                    f -> flag(f, HistoryFlag.ACTIVE_PSYCHOSIS)),
            rule("A-MANIA", Kind.ABSOLUTE, "Current mania or hypomania",
                    "Risk of worsening a manic state; trials exclude current mania.", S60 + "; " + APA,
                    f -> flag(f, HistoryFlag.MANIA)),
            rule("A-BP", Kind.ABSOLUTE, "Uncontrolled hypertension",
                    "Ketamine raises blood pressure during the infusion; a resting pressure at or above 180/110 mmHg, or "
                            + "hypertension known to be uncontrolled, must be treated first.", APA + "; [S55] Riva-Posse 2018; " + LABEL,
                    f -> {
                        var v = f.consultation().vitals();
                        if (v.sbpMmHg() >= 180 || v.dbpMmHg() >= 110) {
                            return "baseline BP " + v.sbpMmHg() + "/" + v.dbpMmHg() + " mmHg (>= 180/110)";
                        }
                        return flag(f, HistoryFlag.UNCONTROLLED_HYPERTENSION);
                    }),
            rule("A-CARDIAC", Kind.ABSOLUTE, "Severe cardiac disease",
                    "Heart failure, significant arrhythmia, recent myocardial infarction or unstable angina: a rise in "
                            + "pressure and heart rate would be a serious hazard.", LABEL + "; " + S60,
                    f -> flag(f, HistoryFlag.SEVERE_CARDIAC_DISEASE)),
            rule("A-CEREBROVASCULAR", Kind.ABSOLUTE, "Unstable cerebrovascular disease or aneurysm",
                    "A blood-pressure rise is hazardous.", S60 + "; " + LABEL,
                    f -> flag(f, HistoryFlag.CEREBROVASCULAR_DISEASE)),
            rule("A-ICP", Kind.ABSOLUTE, "Raised intracranial pressure",
                    "Ketamine can raise cerebral blood flow and intracranial pressure.", LABEL,
                    f -> flag(f, HistoryFlag.RAISED_INTRACRANIAL_PRESSURE)),
            rule("A-SUD", Kind.ABSOLUTE, "Active substance use disorder",
                    "Moderate-severe substance use disorder in the last 3 months: misuse risk; excluded in trials.", S60 + "; " + APA,
                    f -> flag(f, HistoryFlag.SUBSTANCE_USE_ACTIVE)),
            rule("A-HEPATIC", Kind.ABSOLUTE, "Severe hepatic impairment",
                    "Ketamine is cleared by hepatic CYP metabolism; repeated use is linked to liver injury.", LABEL,
                    f -> flag(f, HistoryFlag.HEPATIC_IMPAIRMENT_SEVERE)),
            rule("A-AGE", Kind.ABSOLUTE, "Under 18",
                    "Antidepressant ketamine protocols here are for adults.", S60,
                    f -> f.ageYears() < 18 ? "age " + f.ageYears() + " years" : null),
            rule("R-BP", Kind.RELATIVE, "Elevated blood pressure",
                    "Resting pressure 140-179/90-109 mmHg: treat or monitor closely; peaks are higher in hypertensive patients.",
                    APA + "; [S55] Riva-Posse 2018",
                    f -> {
                        var v = f.consultation().vitals();
                        boolean high = v.sbpMmHg() >= 140 || v.dbpMmHg() >= 90;
                        boolean absolute = v.sbpMmHg() >= 180 || v.dbpMmHg() >= 110;
                        return high && !absolute ? "baseline BP " + v.sbpMmHg() + "/" + v.dbpMmHg() + " mmHg" : null;
                    }),
            rule("R-CARDIOVASCULAR", Kind.RELATIVE, "Stable cardiovascular disease",
                    "Treated hypertension or stable coronary disease: cardiology review and closer BP monitoring.", APA + "; " + LABEL,
                    f -> flag(f, HistoryFlag.CARDIOVASCULAR_DISEASE)),
            rule("R-IOP", Kind.RELATIVE, "Raised intraocular pressure / glaucoma",
                    "Ketamine can raise intraocular pressure.", LABEL + "; " + S60,
                    f -> flag(f, HistoryFlag.RAISED_INTRAOCULAR_PRESSURE)),
            rule("R-PSYCHOSIS-HISTORY", Kind.RELATIVE, "Past psychosis or family history of psychosis",
                    "Excluded in many trials; weigh the risk of psychotic relapse.", S60,
                    f -> flag(f, HistoryFlag.PSYCHOSIS_HISTORY)),
            rule("R-BIPOLAR", Kind.RELATIVE, "Bipolar disorder",
                    "Risk of switching to mania; ensure a mood stabiliser and monitoring.", S60 + "; " + APA,
                    f -> flag(f, HistoryFlag.BIPOLAR)),
            rule("R-SUD-HISTORY", Kind.RELATIVE, "Past substance use disorder",
                    "Misuse potential of ketamine; monitor for craving and diversion.", APA,
                    f -> flag(f, HistoryFlag.SUBSTANCE_USE_HISTORY)),
            rule("R-HEPATIC", Kind.RELATIVE, "Mild or moderate hepatic impairment",
                    "Slower clearance; check liver tests during a course.", LABEL,
                    f -> flag(f, HistoryFlag.HEPATIC_IMPAIRMENT_MILD)),
            rule("R-BENZO", Kind.RELATIVE, "High-dose benzodiazepines",
                    "Above 2 mg/day lorazepam-equivalent: excluded in trials and linked to a weaker response.",
                    S60 + "; [S63] Andrasko 2020; [S64] Feeney 2023",
                    f -> {
                        for (var m : f.consultation().medications()) {
                            if (m.drugClass() == DrugClass.BENZODIAZEPINE && m.lorazepamEqMgPerDay() != null
                                    && m.lorazepamEqMgPerDay() > 2.0) {
                                return String.format(Locale.ROOT, "%s %.1f mg/day lorazepam-equivalent", m.name(), m.lorazepamEqMgPerDay());
                            }
                        }
                        return null;
                    }),
            rule("R-BENZO-UNKNOWN", Kind.RELATIVE, "Benzodiazepine of unknown dose",
                    "Record the daily lorazepam-equivalent dose so the high-dose rule can be applied.", S60,
                    f -> f.consultation().medications().stream()
                            .filter(m -> m.drugClass() == DrugClass.BENZODIAZEPINE && m.lorazepamEqMgPerDay() == null)
                            .map(m -> m.name() + " without a lorazepam-equivalent dose").findFirst().orElse(null)),
            rule("R-MAOI", Kind.RELATIVE, "Monoamine oxidase inhibitor",
                    "Risk of a hypertensive reaction; excluded in trials.", S60 + "; [S65] Andrade 2017",
                    f -> meds(f, DrugClass.MAOI)),
            rule("R-STIMULANT", Kind.RELATIVE, "Stimulant",
                    "Additive rise in blood pressure and heart rate.", "[S65] Andrade 2017",
                    f -> meds(f, DrugClass.STIMULANT)),
            rule("R-LAMOTRIGINE", Kind.RELATIVE, "Lamotrigine",
                    "Reduces glutamate release and may blunt ketamine's effect.", "[S65] Andrade 2017",
                    f -> meds(f, DrugClass.LAMOTRIGINE)),
            rule("R-BREASTFEEDING", Kind.RELATIVE, "Breastfeeding",
                    "Ketamine passes into breast milk; lactation excluded in trials.", S60,
                    f -> flag(f, HistoryFlag.BREASTFEEDING)),
            rule("R-SEIZURE", Kind.RELATIVE, "Seizure disorder",
                    "Major neurological disease excluded in trials.", S60,
                    f -> flag(f, HistoryFlag.SEIZURE_DISORDER)),
            rule("R-SUICIDAL-INTENT", Kind.RELATIVE, "Current suicidal intent or plan",
                    "Needs a same-day risk assessment and a safety plan before any outpatient treatment.", S60 + "; " + APA,
                    f -> flag(f, HistoryFlag.SUICIDAL_INTENT)));

    private EligibilityRules() {
    }

    /** Every rule, in the order they are checked. */
    public static List<Rule> rules() {
        return RULES;
    }

    /** Applies every rule; the outcome is NOT_ELIGIBLE if an absolute rule fired, ELIGIBLE_WITH_CAUTIONS if only relative ones did. */
    public static Result screen(Facts facts) {
        List<Fired> fired = new ArrayList<>();
        for (Rule r : RULES) {
            String finding = r.test().apply(facts);
            if (finding != null) {
                fired.add(new Fired(r.id(), r.kind(), r.title(), finding, r.reason(), r.source()));
            }
        }
        Outcome outcome = fired.stream().anyMatch(f -> f.kind() == Kind.ABSOLUTE) ? Outcome.NOT_ELIGIBLE
                : fired.isEmpty() ? Outcome.ELIGIBLE : Outcome.ELIGIBLE_WITH_CAUTIONS;
        return new Result(outcome, List.copyOf(fired), VERSION);
    }

    private static Rule rule(String id, Kind kind, String title, String reason, String source, Function<Facts, String> test) {
        return new Rule(id, kind, title, reason, source, test);
    }

    private static String flag(Facts f, HistoryFlag flag) {
        return f.consultation().has(flag) ? "history: " + flag.label() : null;
    }

    private static String meds(Facts f, DrugClass c) {
        return f.consultation().medications().stream().filter(m -> m.drugClass() == c).map(m -> "takes " + m.name())
                .findFirst().orElse(null);
    }
}

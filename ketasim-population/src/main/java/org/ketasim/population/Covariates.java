package org.ketasim.population;

import java.util.Objects;

/**
 * What is known about a patient before treatment: the inputs of the model's {@code [covariates]} block, in
 * clinical units.
 *
 * @param weightKg                   body weight (kg), &gt; 0 (model {@code WT})
 * @param sex                        sex (model {@code SEX}: 0 male, 1 female)
 * @param ageY                       age (y), &ge; 0 (model {@code AGE})
 * @param bmi                        body-mass index (kg/m^2), &gt; 0 (model {@code BMI})
 * @param diagnosis                  the condition (not a model input; selects presets and reports)
 * @param baselineMadrs              baseline MADRS, the true (latent) severity before treatment (points, 0-60,
 *                                   not rounded) (model {@code MADRS0})
 * @param cyp2b6Star6Alleles         copies of CYP2B6*6, 0-2 (model {@code CYP2B6_6})
 * @param bdnfMetAlleles             copies of the BDNF Val66Met Met allele, 0-2 (model {@code BDNF_MET})
 * @param benzodiazepineMgDiazepamEq daily benzodiazepine dose (mg diazepam equivalents per day), &ge; 0
 *                                   (model {@code BZD})
 * @param familyHistoryAud           a first-degree relative with alcohol use disorder (model {@code FHX_AUD})
 * @param oralAntidepressant         on a concomitant oral antidepressant (model {@code ORAL_AD})
 * @param baselinePainNrs            baseline pain of a chronic-pain patient (points, 0-10; 0 for none) (model
 *                                   {@code PAIN0}); added to the agreed API, see the 11-argument constructor
 */
public record Covariates(double weightKg, Sex sex, double ageY, double bmi, Diagnosis diagnosis, double baselineMadrs,
                         int cyp2b6Star6Alleles, int bdnfMetAlleles, double benzodiazepineMgDiazepamEq,
                         boolean familyHistoryAud, boolean oralAntidepressant, double baselinePainNrs) {

    /** @throws IllegalArgumentException for a value outside its range; NullPointerException for a null enum */
    public Covariates {
        Objects.requireNonNull(sex, "sex");
        Objects.requireNonNull(diagnosis, "diagnosis");
        require(weightKg > 0 && Double.isFinite(weightKg), "weightKg must be > 0 kg", weightKg);
        require(ageY >= 0 && Double.isFinite(ageY), "ageY must be >= 0 y", ageY);
        require(bmi > 0 && Double.isFinite(bmi), "bmi must be > 0 kg/m^2", bmi);
        require(baselineMadrs >= 0 && baselineMadrs <= 60, "baselineMadrs must be in 0-60 points", baselineMadrs);
        require(cyp2b6Star6Alleles >= 0 && cyp2b6Star6Alleles <= 2, "cyp2b6Star6Alleles must be 0, 1 or 2",
                cyp2b6Star6Alleles);
        require(bdnfMetAlleles >= 0 && bdnfMetAlleles <= 2, "bdnfMetAlleles must be 0, 1 or 2", bdnfMetAlleles);
        require(benzodiazepineMgDiazepamEq >= 0 && Double.isFinite(benzodiazepineMgDiazepamEq),
                "benzodiazepineMgDiazepamEq must be >= 0 mg", benzodiazepineMgDiazepamEq);
        require(baselinePainNrs >= 0 && baselinePainNrs <= 10, "baselinePainNrs must be in 0-10 points",
                baselinePainNrs);
    }

    /**
     * The constructor of the agreed API, without baseline pain (0: no chronic pain).
     *
     * @param weightKg                   body weight (kg)
     * @param sex                        sex
     * @param ageY                       age (y)
     * @param bmi                        body-mass index (kg/m^2)
     * @param diagnosis                  the condition
     * @param baselineMadrs              baseline MADRS (points)
     * @param cyp2b6Star6Alleles         copies of CYP2B6*6
     * @param bdnfMetAlleles             copies of BDNF Met
     * @param benzodiazepineMgDiazepamEq benzodiazepine dose (mg diazepam equivalents per day)
     * @param familyHistoryAud           family history of alcohol use disorder
     * @param oralAntidepressant         concomitant oral antidepressant
     */
    public Covariates(double weightKg, Sex sex, double ageY, double bmi, Diagnosis diagnosis, double baselineMadrs,
                      int cyp2b6Star6Alleles, int bdnfMetAlleles, double benzodiazepineMgDiazepamEq,
                      boolean familyHistoryAud, boolean oralAntidepressant) {
        this(weightKg, sex, ageY, bmi, diagnosis, baselineMadrs, cyp2b6Star6Alleles, bdnfMetAlleles,
                benzodiazepineMgDiazepamEq, familyHistoryAud, oralAntidepressant, 0.0);
    }

    /** @return true for a female patient */
    public boolean female() {
        return sex == Sex.FEMALE;
    }

    private static void require(boolean ok, String message, double value) {
        if (!ok) {
            throw new IllegalArgumentException(message + ", got " + value);
        }
    }
}

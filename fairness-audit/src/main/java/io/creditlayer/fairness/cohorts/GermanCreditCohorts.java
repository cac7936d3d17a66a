package io.creditlayer.fairness.cohorts;

/**
 * Protected attributes of the Statlog German Credit data (UCI, Hofmann 1994), as the fairness literature audits them
 * (AIF360's German dataset): sex from attribute 9 "personal status and sex", age band at 25, foreign-worker status
 * from attribute 20. Unlike wallet cohorts these are attributes of people, recorded by the lender.
 */
public final class GermanCreditCohorts {
    public static final String SEX = "sex";
    public static final String AGE = "age";
    public static final String FOREIGN_WORKER = "foreign_worker";

    private GermanCreditCohorts() {
    }

    /**
     * Sex from the personal-status code: A92 (female: divorced, separated or married) and A95 (female: single) are
     * female; A91, A93 and A94 are male.
     */
    public static String sex(String personalStatusCode) {
        return switch (personalStatusCode.trim()) {
            case "A92", "A95" -> "female";
            case "A91", "A93", "A94" -> "male";
            default -> throw new IllegalArgumentException("not a personal-status code (A91..A95): '" + personalStatusCode + "'");
        };
    }

    /** Age band: "&lt;=25" or "&gt;25" years (the split AIF360 and Kamiran–Calders use). */
    public static String ageBand(String ageYears) {
        int age;
        try {
            age = Integer.parseInt(ageYears.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not an age in years: '" + ageYears + "'");
        }
        if (age < 0) {
            throw new IllegalArgumentException("negative age: " + age);
        }
        return age <= 25 ? "<=25" : ">25";
    }

    /** Foreign worker: A201 yes, A202 no. */
    public static String foreignWorker(String code) {
        return switch (code.trim()) {
            case "A201" -> "yes";
            case "A202" -> "no";
            default -> throw new IllegalArgumentException("not a foreign-worker code (A201, A202): '" + code + "'");
        };
    }
}

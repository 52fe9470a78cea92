package org.homelink.contracts.partners;

/**
 * The categories of support a need is raised for, as codes: each is a term of the Homelink support taxonomy that
 * community-partners-service publishes in its Open Referral UK directory ({@code /openreferral/taxonomy_terms}),
 * and services are tagged with the same terms. A code is lower-case letters and hyphens; more may be added, and
 * readers must accept codes they do not know.
 */
public final class SupportCategories {

    public static final String FOOD = "food";
    public static final String HOUSING = "housing";
    public static final String MONEY_ADVICE = "money-advice";
    public static final String MENTAL_HEALTH = "mental-health";
    public static final String ENGLISH_LANGUAGE = "english-language";
    public static final String SEND_ADVICE = "send-advice";
    public static final String DOMESTIC_ABUSE = "domestic-abuse";
    public static final String EMPLOYMENT = "employment";
    public static final String CHILDCARE = "childcare";
    public static final String PARENTING = "parenting";
    public static final String PHYSICAL_HEALTH = "physical-health";
    public static final String DIGITAL_INCLUSION = "digital-inclusion";
    public static final String IMMIGRATION_ADVICE = "immigration-advice";
    public static final String BEREAVEMENT = "bereavement";
    public static final String YOUNG_CARERS = "young-carers";
    public static final String ACTIVITIES_FOR_CHILDREN = "activities-for-children";

    /** What a category code looks like: a lower-case letter, then lower-case letters, digits or hyphens; 2 to 50. */
    public static final String CODE_PATTERN = "[a-z][a-z0-9-]{1,49}";

    private SupportCategories() {
    }
}

package org.homelink.partners.directory;

import org.homelink.contracts.partners.SupportCategories;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * The Homelink support taxonomy: the categories a support need is raised for, published in the Open Referral
 * directory as a taxonomy of its own, whose terms tag services. Ids are name-based UUIDs of the codes, so they are
 * the same in every installation and a feed written for one reads the same in another.
 */
public final class SupportTaxonomy {

    public static final String NAME = "Homelink support categories";
    public static final String ID = uuidOf("homelink-support-taxonomy");
    public static final String URI = "https://homelink.example.org/taxonomies/support";
    public static final String VERSION = "1";

    /**
     * A category.
     *
     * @param code        as needs and events name it: see {@link SupportCategories}
     * @param name        as people read it
     * @param description what kind of help it covers
     */
    public record Category(String code, String name, String description) {

        public String termId() {
            return uuidOf("homelink-support:" + code);
        }
    }

    public static final List<Category> CATEGORIES = List.of(
            new Category(SupportCategories.FOOD, "Food", "Food banks, community larders, free meals and food vouchers"),
            new Category(SupportCategories.HOUSING, "Housing", "Homelessness, unsafe or overcrowded homes, tenancy help"),
            new Category(SupportCategories.MONEY_ADVICE, "Money advice", "Debt, benefits, budgeting and grants"),
            new Category(SupportCategories.MENTAL_HEALTH, "Mental health",
                         "Counselling, talking therapies and wellbeing support for adults and children"),
            new Category(SupportCategories.ENGLISH_LANGUAGE, "English language learning",
                         "ESOL classes and conversation groups for adults"),
            new Category(SupportCategories.SEND_ADVICE, "SEND advice",
                         "Advice on special educational needs and disabilities, EHC plans and support in school"),
            new Category(SupportCategories.DOMESTIC_ABUSE, "Domestic abuse",
                         "Safety planning, refuges, outreach and advocacy"),
            new Category(SupportCategories.EMPLOYMENT, "Employment", "Finding work, training and skills"),
            new Category(SupportCategories.CHILDCARE, "Childcare", "Nurseries, childminders, funded hours, holiday clubs"),
            new Category(SupportCategories.PARENTING, "Parenting support", "Parenting courses and family support"),
            new Category(SupportCategories.PHYSICAL_HEALTH, "Physical health",
                         "Health visiting, registering with a GP or dentist, healthy living"),
            new Category(SupportCategories.DIGITAL_INCLUSION, "Digital inclusion", "Devices, data and digital skills"),
            new Category(SupportCategories.IMMIGRATION_ADVICE, "Immigration advice",
                         "Immigration, asylum and settlement advice"),
            new Category(SupportCategories.BEREAVEMENT, "Bereavement", "Support after a death, for adults and children"),
            new Category(SupportCategories.YOUNG_CARERS, "Young carers", "Support for children who care for someone"),
            new Category(SupportCategories.ACTIVITIES_FOR_CHILDREN, "Activities for children",
                         "Clubs, sport, arts and holiday activities"));

    private SupportTaxonomy() {
    }

    public static Optional<Category> byCode(String code) {
        return CATEGORIES.stream().filter(category -> category.code().equals(code)).findFirst();
    }

    /**
     * The category a taxonomy term stands for: one of this taxonomy's terms by id, or a term of another taxonomy
     * whose code or name is a category's code or name (as an imported feed may tag a service "Food").
     */
    public static Optional<Category> of(String termId, String term, String name) {
        return CATEGORIES.stream().filter(category -> category.termId().equals(termId)
                                                      || category.code().equalsIgnoreCase(trim(term))
                                                      || category.code().equalsIgnoreCase(trim(name))
                                                      || category.name().equalsIgnoreCase(trim(name)))
                         .findFirst();
    }

    private static String trim(String text) {
        return text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    }

    public static String uuidOf(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}

package org.homelink.partners.families;

import org.homelink.contracts.family.ContactPreferences;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A family as family-service's events say it is now.
 *
 * @param familyId        the family
 * @param trustId         its trust
 * @param schoolUrns      its schools
 * @param consentingCarer the carer who consented to sharing with partners, while that consent stands; else null
 * @param carers          its carers, by id
 * @param children        its children, by id
 */
public record SharedFamily(String familyId, String trustId, Set<String> schoolUrns, String consentingCarer,
                           Map<String, Carer> carers, Map<String, Child> children) {

    private static final ZoneId SCHOOL_TIME = ZoneId.of("Europe/London");

    public record Carer(String carerId, String name, String phone, String email, ContactPreferences preferences) {
    }

    /** A child; {@code schoolUrn} is null while they are at no school of the trust. */
    public record Child(String childId, LocalDate dateOfBirth, String schoolUrn) {

        public int ageOn(LocalDate day) {
            return Period.between(dateOfBirth, day).getYears();
        }
    }

    /** Whether the family's consent to sharing with partners stands. */
    public boolean sharesWithPartners() {
        return consentingCarer != null;
    }

    /** The carer partners contact: the one who gave the consent. */
    public Optional<Carer> contact() {
        return consentingCarer == null ? Optional.empty() : Optional.ofNullable(carers.get(consentingCarer));
    }

    /**
     * The ages of the children at a school of the trust, youngest first, today as their schools count days: in the
     * UK, so that a birthday starts at midnight there, not in UTC.
     */
    public List<Integer> childrensAges(Clock clock) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), SCHOOL_TIME);
        return children.values().stream().filter(child -> child.schoolUrn() != null)
                       .map(child -> child.ageOn(today)).sorted().toList();
    }
}

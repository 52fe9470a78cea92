package org.homelink.platform.privacy;

import org.homelink.contracts.privacy.DataSubject;
import org.homelink.contracts.privacy.PersonalData;

import java.time.LocalDate;
import java.util.List;

/** Events as the services' look, for the tests of personal data: one about a family, one about several. */
final class Household {

    private Household() {
    }

    record Address(String line1, String postcode) {
    }

    record Member(String memberId, @PersonalData String phone, boolean carer) {
    }

    record HouseholdRecorded(@DataSubject String familyId, String schoolUrn, @PersonalData String name,
                             @PersonalData LocalDate born, @PersonalData Address address,
                             @PersonalData boolean sen, List<Member> members, String recordedBy) {
    }

    /** A letter to several families: each copy names its own. */
    record Copy(@DataSubject String familyId, String route, @PersonalData String language) {
    }

    record LetterSent(String letterId, String schoolUrn, List<Copy> copies) {
    }

    record RoomBooked(String roomId, String bookedBy) {
    }

    record Careless(String familyId, @PersonalData String name) {
    }
}

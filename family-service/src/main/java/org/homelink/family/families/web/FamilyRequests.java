package org.homelink.family.families.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.homelink.contracts.family.Address;
import org.homelink.contracts.family.Barrier;
import org.homelink.contracts.family.ConsentPurposes;
import org.homelink.contracts.family.ContactChannel;
import org.homelink.contracts.family.ContactPreferences;
import org.homelink.contracts.family.ErasureReason;
import org.homelink.contracts.family.YearGroup;
import org.homelink.family.Postcodes;
import org.homelink.family.families.command.FamilyCommands.CarerDetails;
import org.homelink.platform.web.Languages;

import java.time.LocalDate;

/** The bodies the family API accepts, each checked field by field before anything is sent to a family. */
final class FamilyRequests {

    static final String URN = "\\d{6}";
    static final String URN_MESSAGE = "must be a DfE URN of six digits";
    static final String STAFF_ID = "[A-Za-z0-9._-]{1,64}";

    private FamilyRequests() {
    }

    record RegisterFamilyRequest(@NotBlank @Pattern(regexp = URN, message = URN_MESSAGE) String schoolUrn,
                          @NotBlank @Size(max = 100) String familyName) {
    }

    record AddressRequest(@NotBlank @Size(max = 100) String line1,
                         @Size(max = 100) String line2,
                         @NotBlank @Size(max = 60) String town,
                         @NotBlank @Pattern(regexp = Postcodes.PATTERN, message = "must be a UK postcode")
                         String postcode) {

        Address toAddress() {
            return new Address(line1.strip(), line2 == null || line2.isBlank() ? null : line2.strip(), town.strip(),
                               Postcodes.normalise(postcode));
        }
    }

    record ContactPreferencesRequest(@NotNull ContactChannel preferredChannel,
                       @NotBlank @Pattern(regexp = Languages.PATTERN, message = Languages.MESSAGE)
                       String preferredLanguage,
                       boolean needsInterpreter,
                       boolean prefersSpokenContact,
                       @Size(max = 500) String accessibilityNeeds,
                       @Size(max = 200) String reachableWhen) {

        ContactPreferences toPreferences() {
            return new ContactPreferences(preferredChannel, Languages.normalise(preferredLanguage), needsInterpreter,
                                          prefersSpokenContact, accessibilityNeeds, reachableWhen);
        }
    }

    /** A carer as a whole: to add one, or to say how one now is. */
    record CarerRequest(@NotBlank @Size(max = 100) String name,
                 @NotBlank @Size(max = 50) String relationship,
                 @NotNull Boolean parentalResponsibility,
                 @Pattern(regexp = "\\+?[0-9][0-9 ()-]{5,19}", message = "must be a phone number") String phone,
                 @Email @Size(max = 254) String email,
                 @Valid AddressRequest address,
                 @NotNull @Valid ContactPreferencesRequest preferences) {

        CarerDetails toDetails() {
            return new CarerDetails(name.strip(), relationship.strip(), parentalResponsibility, phone,
                                    email, address == null ? null : address.toAddress());
        }
    }

    record EnrolChildRequest(@NotBlank @Size(max = 100) String name,
                      @NotNull LocalDate dateOfBirth,
                      @NotNull YearGroup yearGroup,
                      @NotNull Boolean send,
                      @NotBlank @Pattern(regexp = URN, message = URN_MESSAGE) String schoolUrn,
                      LocalDate enrolledOn) {
    }

    record ReEnrolChildRequest(@NotBlank @Pattern(regexp = URN, message = URN_MESSAGE) String schoolUrn,
                        @NotNull YearGroup yearGroup,
                        LocalDate enrolledOn) {
    }

    record ChildLeavingRequest(LocalDate leftOn) {
    }

    record RecordBarrierRequest(@NotNull Barrier barrier, @NotBlank @Size(max = 2000) String note) {
    }

    record ResolveBarrierRequest(@Size(max = 2000) String note) {
    }

    record GiveConsentRequest(@NotBlank @Pattern(regexp = ConsentPurposes.CODE_PATTERN,
                                          message = "must be a purpose code such as PHOTOGRAPHS") String purpose,
                       @NotBlank @Size(max = 64) String carerId,
                       LocalDate givenOn) {
    }

    record WithdrawConsentRequest(@NotBlank @Pattern(regexp = ConsentPurposes.CODE_PATTERN,
                                              message = "must be a purpose code such as PHOTOGRAPHS") String purpose,
                           @NotBlank @Size(max = 64) String carerId,
                           LocalDate withdrawnOn) {
    }

    record AssignKeyWorkerRequest(@NotBlank @Pattern(regexp = STAFF_ID, message = "must be a staff id")
                                  String staffId) {
    }

    record EraseFamilyRequest(@NotNull ErasureReason reason) {
    }

    record RecordVoiceRequest(@Size(max = 64) String carerId, @NotBlank @Size(max = 4000) String words) {
    }
}

package org.homelink.family.families.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.homelink.contracts.family.Address;
import org.homelink.contracts.family.Barrier;
import org.homelink.contracts.family.ContactPreferences;
import org.homelink.contracts.family.ErasureReason;
import org.homelink.contracts.family.YearGroup;
import org.homelink.platform.web.RequestContext;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What can be asked of a {@link Family}. Each command carries who asks ({@code actor}: their trust, schools, role
 * and staff id), so the family itself refuses anyone outside its trust and schools, and when they asked
 * ({@code at}). Commands on an existing family carry the version the caller last read, or null to apply to
 * whatever the family is now.
 */
public final class FamilyCommands {

    private FamilyCommands() {
    }

    public record RegisterFamily(@TargetAggregateIdentifier String familyId, String schoolUrn, String familyName,
                                 RequestContext actor, Instant at) {
    }

    /** Who a carer is and how to reach them; their contact preferences go apart. */
    public record CarerDetails(String name, String relationship, boolean parentalResponsibility, String phone,
                               String email, Address address) {

        public boolean hasPhone() {
            return phone != null;
        }

        public boolean hasEmail() {
            return email != null;
        }
    }

    public record AddCarer(@TargetAggregateIdentifier String familyId, @TargetAggregateVersion Long expectedVersion,
                           String carerId, CarerDetails details, ContactPreferences preferences,
                           RequestContext actor, Instant at) {
    }

    /** The carer as they now are: only what differs from before is recorded. */
    public record UpdateCarer(@TargetAggregateIdentifier String familyId, @TargetAggregateVersion Long expectedVersion,
                              String carerId, CarerDetails details, ContactPreferences preferences,
                              RequestContext actor, Instant at) {
    }

    public record ChangeContactPreferences(@TargetAggregateIdentifier String familyId,
                                           @TargetAggregateVersion Long expectedVersion, String carerId,
                                           ContactPreferences preferences, RequestContext actor, Instant at) {
    }

    /** A child new to the family's record joins a school of the trust on {@code enrolledOn}, or today when null. */
    public record EnrolChild(@TargetAggregateIdentifier String familyId, @TargetAggregateVersion Long expectedVersion,
                             String childId, String name, LocalDate dateOfBirth, YearGroup yearGroup, boolean send,
                             String schoolUrn, LocalDate enrolledOn, RequestContext actor, Instant at) {
    }

    /** A child of the family who has left a school joins a school of the trust again, from today when null. */
    public record ReEnrolChild(@TargetAggregateIdentifier String familyId,
                               @TargetAggregateVersion Long expectedVersion, String childId, String schoolUrn,
                               YearGroup yearGroup, LocalDate enrolledOn, RequestContext actor, Instant at) {
    }

    /** A child leaves their school on {@code leftOn}, or today when null. */
    public record RecordChildLeaving(@TargetAggregateIdentifier String familyId,
                                     @TargetAggregateVersion Long expectedVersion, String childId, LocalDate leftOn,
                                     RequestContext actor, Instant at) {
    }

    public record RecordBarrier(@TargetAggregateIdentifier String familyId,
                                @TargetAggregateVersion Long expectedVersion, String barrierId, Barrier barrier,
                                String note, RequestContext actor, Instant at) {
    }

    public record ResolveBarrier(@TargetAggregateIdentifier String familyId,
                                 @TargetAggregateVersion Long expectedVersion, String barrierId, String note,
                                 RequestContext actor, Instant at) {
    }

    /** Consent given on {@code givenOn}, or today when null. */
    public record GiveConsent(@TargetAggregateIdentifier String familyId, @TargetAggregateVersion Long expectedVersion,
                              String purpose, String carerId, LocalDate givenOn, RequestContext actor, Instant at) {
    }

    /** Consent withdrawn on {@code withdrawnOn}, or today when null. */
    public record WithdrawConsent(@TargetAggregateIdentifier String familyId,
                                  @TargetAggregateVersion Long expectedVersion, String purpose, String carerId,
                                  LocalDate withdrawnOn, RequestContext actor, Instant at) {
    }

    public record AssignKeyWorker(@TargetAggregateIdentifier String familyId,
                                  @TargetAggregateVersion Long expectedVersion, String staffId, RequestContext actor,
                                  Instant at) {
    }

    /** Erases the family: its last command. Its personal data is unreadable from then on, everywhere. */
    public record EraseFamily(@TargetAggregateIdentifier String familyId, @TargetAggregateVersion Long expectedVersion,
                              ErasureReason reason, RequestContext actor, Instant at) {
    }

    public record RecordFamilyVoice(@TargetAggregateIdentifier String familyId,
                                    @TargetAggregateVersion Long expectedVersion, String voiceId, String carerId,
                                    String words, RequestContext actor, Instant at) {
    }
}

package org.homelink.partners.referrals.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.bson.conversions.Bson;
import org.homelink.contracts.family.ContactChannel;
import org.homelink.contracts.partners.DeclineReason;
import org.homelink.contracts.partners.ReferralOutcome;
import org.homelink.contracts.partners.Urgency;
import org.homelink.platform.security.Allowed;
import org.homelink.platform.security.Permission;
import org.homelink.platform.web.Paged;
import org.homelink.partners.Roles;
import org.homelink.partners.families.FamilyRecords;
import org.homelink.partners.families.SharedFamily;
import org.homelink.partners.geography.UkPostcode;
import org.homelink.partners.needs.command.NeedCircumstances;
import org.homelink.partners.needs.command.NeedRegister;
import org.homelink.partners.referrals.command.Referral.Status;
import org.homelink.partners.referrals.command.ReferralCommands;
import org.homelink.partners.referrals.command.ReferralRules.ReferralNotFound;
import org.homelink.partners.referrals.query.ReferralView;
import org.homelink.partners.referrals.query.ReferralsProjection;
import org.homelink.partners.referrals.query.ResponseDeadlines;
import org.homelink.platform.query.ReadModelCatchUp;
import org.homelink.platform.web.Ids;
import org.homelink.platform.web.RequestContext;
import org.homelink.platform.web.Versions;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

/**
 * Referrals over HTTP, for two kinds of caller on the same paths. Staff (key workers and school and trust leaders)
 * make referrals for their schools' families and see them, each flagged when the partner is late to answer. A
 * partner's worker sees only the referrals addressed to their organisation whose family's consent stands, with
 * only what the family agreed to share, and answers them. Anything else is 404, word for word as a referral that
 * does not exist, in lists, counts and errors alike.
 */
@RestController
@RequestMapping("/api/partners/referrals")
@Tag(name = "Referrals", description = "Families referred to partners, and the partners' answers")
@Allowed(Permission.REFERRALS_MAKE)
class ReferralController {

    private final CommandGateway commands;
    private final ReferralsProjection referrals;
    private final ResponseDeadlines deadlines;
    private final FamilyRecords families;
    private final NeedRegister needs;
    private final ReadModelCatchUp catchUp;
    private final Clock clock;

    ReferralController(CommandGateway commands, ReferralsProjection referrals, ResponseDeadlines deadlines,
                       FamilyRecords families, NeedRegister needs, Clock clock,
                       @Value("${homelink.partners.read-your-writes-wait:5s}") Duration wait) {
        this.commands = commands;
        this.referrals = referrals;
        this.deadlines = deadlines;
        this.families = families;
        this.needs = needs;
        this.clock = clock;
        this.catchUp = new ReadModelCatchUp("The list of referrals", referrals::versionOf, wait);
    }

    record MakeReferralRequest(@NotBlank @Pattern(regexp = Ids.ID, message = Ids.ID_MESSAGE) String needId,
                               @NotBlank @Pattern(regexp = Ids.ID, message = Ids.ID_MESSAGE) String serviceId,
                               @Size(max = 2000) String noteForPartner) {
    }

    record DeclineRequest(@NotNull DeclineReason reason, @Size(max = 2000) String note) {
    }

    record CloseRequest(@NotNull ReferralOutcome outcome, @Size(max = 2000) String note) {
    }

    /** What a command did: the referral and its version, its ETag. */
    record Changed(String referralId, long version) {
    }

    /**
     * A referral as staff see it.
     *
     * @param overdue      new or opened, and made longer ago than the partner has to answer
     * @param responseDays how many days the partner has to answer
     */
    record StaffReferral(ReferralView referral, boolean overdue, int responseDays) {
    }

    /**
     * A referral as the organisation addressed sees it: what the family agreed to share, and no more. The
     * children's ages, not their names; the family's district, not its address; one carer to contact, by the way
     * they prefer.
     */
    record PartnerReferral(String referralId, Status status, String serviceId, String serviceName, String category,
                           Urgency urgency, Instant madeAt, String madeBy, List<String> referringSchools,
                           String noteForPartner, Instant openedAt, Instant answeredAt, DeclineReason declineReason,
                           ReferralOutcome outcome, String note, Instant closedAt, SharedDetails family,
                           long version) {
    }

    /**
     * @param contact       the carer who gave the consent
     * @param childrensAges the ages of the children at school, youngest first
     * @param languages     the languages the family would like support in
     * @param district      the family's postal district, or null
     * @param availableDays the days the family can attend
     */
    record SharedDetails(Contact contact, List<Integer> childrensAges, List<String> languages, String district,
                         List<String> availableDays) {
    }

    /**
     * @param phone a phone number only when the carer prefers phone calls or texts
     * @param email an email address only when the carer prefers email
     */
    record Contact(String name, ContactChannel preferredChannel, String preferredLanguage, boolean needsInterpreter,
                   boolean prefersSpokenContact, String reachableWhen, String phone, String email) {
    }

    @PostMapping
    @Operation(summary = "Refer a family, for one of its support needs, to a partner organisation's service")
    ResponseEntity<Changed> make(RequestContext actor, @Valid @RequestBody MakeReferralRequest body) {
        Roles.requirePastoral(actor);
        String referralId = UUID.randomUUID().toString();
        commands.sendAndWait(new ReferralCommands.MakeReferral(referralId, body.needId(), body.serviceId(),
                                                               body.noteForPartner(), actor, clock.instant()));
        catchUp.await(referralId, 1);
        return ResponseEntity.created(URI.create("/api/partners/referrals/" + referralId)).eTag(Versions.etag(1))
                             .body(new Changed(referralId, 1));
    }

    @Allowed({Permission.REFERRALS_MAKE, Permission.REFERRALS_ANSWER})
    @GetMapping
    @Operation(summary = "Referrals: a member of staff's schools', or those addressed to a partner's organisation",
               description = "Newest first; pages from 0. overdue=true keeps those waiting too long for an answer "
                             + "(staff only).")
    Paged<?> list(RequestContext actor, @RequestParam(required = false) Status status,
                  @RequestParam(required = false) String needId, @RequestParam(required = false) String familyId,
                  @RequestParam(required = false) Boolean overdue,
                  @RequestParam(defaultValue = "0") @Min(0) int page,
                  @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        List<Bson> filters = new ArrayList<>();
        if (status != null) {
            filters.add(eq("status", status));
        }
        if (actor.isPartner()) {
            filters.add(eq("organisationId", actor.organisationId()));
            filters.add(eq("shared", true));
            // The read model's consent may lag family-service's, so each family's own events decide what is counted;
            // the rest of a partner's view (the need's events) is read for the page shown only.
            Map<String, Optional<SharedFamily>> sharing = new HashMap<>();
            List<ReferralView> visible = referrals.find(and(filters)).stream()
                    .filter(referral -> sharing.computeIfAbsent(referral.familyId(), this::sharingFamily).isPresent())
                    .toList();
            return Paged.of(visible, page, size)
                        .map(referral -> partnerView(referral, sharing.get(referral.familyId()).orElseThrow()));
        }
        Roles.requirePastoral(actor);
        filters.add(eq("trustId", actor.trustId()));
        if (!actor.isTrustLeader()) {
            filters.add(in("schoolUrns", actor.schoolUrns()));
        }
        if (needId != null) {
            filters.add(eq("needId", needId));
        }
        if (familyId != null) {
            filters.add(eq("familyId", familyId));
        }
        if (overdue == null) {
            return referrals.find(and(filters), page, size).map(this::staffView);
        }
        // Overdue is worked out from the clock at each read, never stored, so the store cannot filter on it.
        List<StaffReferral> found = referrals.find(and(filters)).stream().map(this::staffView)
                                             .filter(referral -> referral.overdue() == overdue).toList();
        return Paged.of(found, page, size);
    }

    @Allowed({Permission.REFERRALS_MAKE, Permission.REFERRALS_ANSWER})
    @GetMapping("/{referralId}")
    @Operation(summary = "A referral: all of it for staff, what the family agreed to share for the partner")
    ResponseEntity<?> referral(RequestContext actor, @PathVariable String referralId) {
        if (actor.isPartner()) {
            PartnerReferral referral = referrals.referral(referralId)
                                                .filter(found -> actor.actsForOrganisation(found.organisationId()))
                                                .flatMap(found -> sharingFamily(found.familyId())
                                                        .map(family -> partnerView(found, family)))
                                                .orElseThrow(ReferralNotFound::new);
            return ResponseEntity.ok().eTag(Versions.etag(referral.version())).body(referral);
        }
        Roles.requirePastoral(actor);
        ReferralView referral = referrals.referral(referralId)
                                         .filter(found -> actor.covers(found.trustId(), found.schoolUrns()))
                                         .orElseThrow(ReferralNotFound::new);
        return ResponseEntity.ok().eTag(Versions.etag(referral.version())).body(staffView(referral));
    }

    @Allowed(Permission.REFERRALS_ANSWER)
    @PostMapping("/{referralId}/opening")
    @Operation(summary = "The partner has opened the referral", description = "Once; opening again changes nothing.")
    ResponseEntity<Changed> open(RequestContext actor, @PathVariable String referralId) {
        Roles.requirePartner(actor);
        return changed(referralId, new ReferralCommands.OpenReferral(referralId, actor, clock.instant()));
    }

    @Allowed(Permission.REFERRALS_ANSWER)
    @PostMapping("/{referralId}/acceptance")
    @Operation(summary = "The partner accepts the referral")
    ResponseEntity<Changed> accept(RequestContext actor, @PathVariable String referralId) {
        Roles.requirePartner(actor);
        return changed(referralId, new ReferralCommands.AcceptReferral(referralId, actor, clock.instant()));
    }

    @Allowed(Permission.REFERRALS_ANSWER)
    @PostMapping("/{referralId}/decline")
    @Operation(summary = "The partner declines the referral, with a reason")
    ResponseEntity<Changed> decline(RequestContext actor, @PathVariable String referralId,
                                    @Valid @RequestBody DeclineRequest body) {
        Roles.requirePartner(actor);
        return changed(referralId, new ReferralCommands.DeclineReferral(referralId, body.reason(), body.note(), actor,
                                                                        clock.instant()));
    }

    @Allowed({Permission.REFERRALS_MAKE, Permission.REFERRALS_ANSWER})
    @PostMapping("/{referralId}/closure")
    @Operation(summary = "Close the referral with its outcome",
               description = "The partner, once it has accepted it; or the school, to withdraw it before then.")
    ResponseEntity<Changed> close(RequestContext actor, @PathVariable String referralId,
                                  @Valid @RequestBody CloseRequest body) {
        if (!actor.isPartner()) {
            Roles.requirePastoral(actor);
        }
        return changed(referralId, new ReferralCommands.CloseReferral(referralId, body.outcome(), body.note(), actor,
                                                                      clock.instant()));
    }

    private ResponseEntity<Changed> changed(String referralId, Object command) {
        long version = (Long) commands.sendAndWait(command);
        catchUp.await(referralId, version);
        return ResponseEntity.ok().eTag(Versions.etag(version)).body(new Changed(referralId, version));
    }

    private StaffReferral staffView(ReferralView referral) {
        return new StaffReferral(referral, deadlines.overdue(referral), deadlines.daysFor(referral));
    }

    /** The family, while its consent to sharing with partners stands, as its own events say now. */
    private Optional<SharedFamily> sharingFamily(String familyId) {
        return families.find(familyId).filter(SharedFamily::sharesWithPartners);
    }

    /** The partner's view of a referral of a family whose consent stands. */
    private PartnerReferral partnerView(ReferralView referral, SharedFamily shared) {
        Optional<NeedRegister.KnownNeed> need = needs.find(referral.needId());
        NeedCircumstances circumstances = need.map(NeedRegister.KnownNeed::circumstances).orElse(null);
        Contact contact = shared.contact().map(carer -> {
            ContactChannel channel = carer.preferences().preferredChannel();
            boolean byPhone = channel == ContactChannel.PHONE_CALL || channel == ContactChannel.SMS;
            return new Contact(carer.name(), channel, carer.preferences().preferredLanguage(),
                               carer.preferences().needsInterpreter(), carer.preferences().prefersSpokenContact(),
                               carer.preferences().reachableWhen(), byPhone ? carer.phone() : null,
                               channel == ContactChannel.EMAIL ? carer.email() : null);
        }).orElse(null);
        String district = circumstances == null ? null
                : UkPostcode.parse(circumstances.postcode()).map(UkPostcode::outwardCode).orElse(null);
        SharedDetails details = new SharedDetails(
                contact, shared.childrensAges(clock),
                circumstances == null ? List.of() : circumstances.languages(), district,
                circumstances == null ? List.of() : circumstances.availableDays());
        return new PartnerReferral(
                referral.referralId(), referral.status(), referral.serviceId(), referral.serviceName(),
                referral.category(), need.map(found -> found.raised().urgency()).orElse(null), referral.madeAt(),
                referral.madeBy(), referral.schoolUrns(), referral.noteForPartner(), referral.openedAt(),
                referral.answeredAt(), referral.declineReason(), referral.outcome(), referral.note(),
                referral.closedAt(), details, referral.version());
    }
}

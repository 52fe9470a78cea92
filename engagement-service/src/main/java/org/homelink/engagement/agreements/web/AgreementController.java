package org.homelink.engagement.agreements.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.homelink.contracts.family.YearGroup;
import org.homelink.engagement.activities.command.ActivityCommands.Invitee;
import org.homelink.engagement.activities.query.ActivityQueries;
import org.homelink.engagement.activities.web.Audience;
import org.homelink.engagement.agreements.command.AgreementCommands;
import org.homelink.engagement.agreements.command.AgreementCommands.Acknowledged;
import org.homelink.engagement.agreements.command.AgreementCommands.LinksSent;
import org.homelink.engagement.agreements.command.AgreementCommands.Published;
import org.homelink.engagement.agreements.command.AgreementRules.AgreementNotFound;
import org.homelink.engagement.agreements.events.AgreementEvents.Recipient;
import org.homelink.engagement.agreements.query.AgreementProjection;
import org.homelink.engagement.agreements.query.AgreementQueries;
import org.homelink.engagement.agreements.query.AgreementView;
import org.homelink.engagement.agreements.query.Outstanding;
import org.homelink.engagement.SchoolTime;
import org.homelink.engagement.families.query.EngagementFamily;
import org.homelink.engagement.families.query.FamilyEngagementProjection;
import org.homelink.engagement.messages.query.PendingLinks.LinkFor;
import org.homelink.engagement.messages.web.LinkMessages;
import org.homelink.engagement.messages.web.MessageRequests.LinkSendingRequest;
import org.homelink.engagement.voice.web.PersonalLinks;
import org.homelink.platform.query.ReadModelCatchUp;
import org.homelink.platform.security.Allowed;
import org.homelink.platform.security.Permission;
import org.homelink.platform.web.NotYourSchool;
import org.homelink.platform.web.RequestContext;
import org.homelink.platform.web.RuleBrokenException;
import org.homelink.platform.web.StaffOnly;
import org.homelink.platform.web.Versions;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.homelink.platform.web.Ids.ID;
import static org.homelink.platform.web.Ids.ID_MESSAGE;
import static org.homelink.platform.web.Ids.URN;
import static org.homelink.platform.web.Ids.URN_MESSAGE;

/**
 * Home-school agreements for staff: leaders publish versions; staff send each carer a personal link to acknowledge
 * the version in force, record acknowledgements made on paper or in person, and see who has not acknowledged yet.
 * Every command answers once the agreement's read model shows it (read-your-writes).
 */
@RestController
@Tag(name = "Home-school agreements", description = "Versions, personal links, acknowledgements, who has not yet")
@Allowed(Permission.AGREEMENTS_KEEP)
class AgreementController {

    private static final String AGREEMENTS = "/api/engagement/agreements";

    private final CommandGateway commands;
    private final AgreementProjection agreements;
    private final AgreementQueries queries;
    private final FamilyEngagementProjection families;
    private final Audience audience;
    private final LinkMessages linkMessages;
    private final ReadModelCatchUp catchUp;
    private final Clock clock;

    AgreementController(CommandGateway commands, AgreementProjection agreements, AgreementQueries queries,
                        FamilyEngagementProjection families, Audience audience, LinkMessages linkMessages,
                        Clock clock,
                        @Value("${homelink.engagement.read-your-writes-wait:5s}") Duration longest) {
        this.commands = commands;
        this.agreements = agreements;
        this.queries = queries;
        this.families = families;
        this.audience = audience;
        this.linkMessages = linkMessages;
        this.clock = clock;
        this.catchUp = new ReadModelCatchUp("agreement read model", agreements::versionOf, longest);
    }

    /** @param version the agreement's version (its events so far): its ETag */
    record Changed(String agreementId, int agreementVersion, long version) {
    }

    /**
     * An agreement, and which of its versions is in force today.
     *
     * @param versionInForce null until the first version takes effect
     */
    record AgreementSummary(String agreementId, List<String> schoolUrns, Integer versionInForce,
                            List<AgreementView.Version> versions, long version) {
    }

    /** A carer's personal link, to be sent by their channel in their language (or told by staff). */
    record LinkToDeliver(String familyId, String carerId, String schoolUrn, String channel, String language,
                         boolean byStaff, String link) {
    }

    /**
     * What sending did. Without a message the links are shown here once and never again: only their hashes are
     * kept. With one they go in it, each to its carer, and are not shown here.
     *
     * @param agreementVersion the version in force, which the links ask carers to acknowledge
     * @param matched          families the audience matched, those sent a link for this version before included
     * @param withoutCarers    families matched with no carer on record
     * @param sent             carers newly sent a link, staff's to tell last, then by channel and language
     * @param messageId        the message that delivers the links, when there is one
     */
    record Sent(String agreementId, int agreementVersion, int matched, List<String> withoutCarers,
                List<LinkToDeliver> sent, String messageId, long version) {
    }

    /** @param already the carer had acknowledged this version before: nothing new was recorded */
    record Recorded(String agreementId, String familyId, String carerId, int agreementVersion, boolean already,
                    long version) {
    }

    @ModelAttribute
    void staffOnly(RequestContext actor) {
        StaffOnly.require(actor);
    }

    @Allowed(Permission.SCHOOL_SETTINGS)
    @PostMapping(AGREEMENTS)
    @Operation(summary = "Adopt a home-school agreement for one school, or several of the trust, with its first "
                         + "version (school and trust leaders)",
               description = "A school has one agreement: its own or its trust's. Its text in one language or more, "
                             + "one of them the fallback for carers whose language has none.")
    ResponseEntity<Changed> adopt(RequestContext actor,
                                  @Valid @RequestBody AgreementRequests.AdoptAgreementRequest body) {
        StaffOnly.requireLeader(actor, "publish home-school agreements");
        Set<String> schools = new TreeSet<>(body.schoolUrns());
        for (String school : schools) {
            if (!families.isSchoolOfTrust(school, actor.trustId())) {
                throw new NotYourSchool(school);
            }
            if (agreements.agreementOf(school).isPresent()) {
                throw new RuleBrokenException("schoolUrns", "School " + school
                                              + " has an agreement already: publish a new version of it");
            }
        }
        String agreementId = UUID.randomUUID().toString();
        commands.sendAndWait(new AgreementCommands.AdoptAgreement(
                agreementId, List.copyOf(schools), body.firstVersion().wording(), actor, clock.instant()));
        // Adopted and its first version published: the agreement's events 0 and 1.
        long version = await(agreementId, 1L);
        return ResponseEntity.created(URI.create(AGREEMENTS + "/" + agreementId)).eTag(Versions.etag(version))
                             .body(new Changed(agreementId, 1, version));
    }

    @GetMapping(AGREEMENTS)
    @Operation(summary = "The agreements of the caller's schools")
    List<AgreementSummary> list(RequestContext actor) {
        LocalDate today = SchoolTime.today(clock);
        return agreements.agreementsOfTrust(actor.trustId()).stream()
                         .filter(a -> actor.covers(a.trustId(), a.schoolUrns()))
                         .sorted(Comparator.comparing(a -> a.schoolUrns().get(0)))
                         .map(a -> summary(a, today)).toList();
    }

    @GetMapping(AGREEMENTS + "/{agreementId}")
    @Operation(summary = "An agreement: every version, and which is in force today",
               description = "Its ETag is the agreement's version.")
    ResponseEntity<AgreementSummary> agreement(RequestContext actor, @PathVariable String agreementId) {
        AgreementView agreement = queries.visible(actor, agreementId);
        return ResponseEntity.ok().eTag(Versions.etag(agreement.version()))
                             .body(summary(agreement, SchoolTime.today(clock)));
    }

    @Allowed(Permission.SCHOOL_SETTINGS)
    @PostMapping(AGREEMENTS + "/{agreementId}/versions")
    @Operation(summary = "Publish a new version (leaders of every school of the agreement)",
               description = "From the day it takes effect it supersedes the version before, and every carer is "
                             + "asked to acknowledge it: who acknowledged an earlier version has not acknowledged "
                             + "this one. Say what changed.")
    ResponseEntity<Changed> publish(RequestContext actor, @PathVariable String agreementId,
                                    @Valid @RequestBody AgreementRequests.VersionRequest body) {
        StaffOnly.requireLeader(actor, "publish home-school agreements");
        Published published = commands.sendAndWait(new AgreementCommands.PublishVersion(
                agreementId, body.wording(), actor, clock.instant()));
        long version = await(agreementId, published.aggregateVersion());
        return ResponseEntity.created(URI.create(AGREEMENTS + "/" + agreementId + "/versions/"
                                                 + published.version()))
                             .eTag(Versions.etag(version))
                             .body(new Changed(agreementId, published.version(), version));
    }

    @GetMapping(AGREEMENTS + "/{agreementId}/versions/{number}")
    @Operation(summary = "One version of an agreement")
    AgreementView.Version version(RequestContext actor, @PathVariable String agreementId,
                                  @PathVariable int number) {
        return queries.visible(actor, agreementId).version(number).orElseThrow(AgreementNotFound::new);
    }

    @PostMapping(AGREEMENTS + "/{agreementId}/links")
    @Operation(summary = "Send an audience of the agreement's families a personal link each to acknowledge the "
                         + "version in force",
               description = "As invitations to activities: by name, year groups, barriers, languages, a key "
                             + "worker's caseload, or everyone; the rolls of the agreement's schools the caller acts "
                             + "for unless 'schools' narrows them. A carer sent a link for this version before is "
                             + "not sent another. With 'message' (texts as a message's, each body with {link} where "
                             + "the link goes) the links go as that message, each carer's by their route and in "
                             + "their language. Without it they are in this answer only, by channel and language, for "
                             + "delivery to take on; carers who prefer spoken contact are 'byStaff'.")
    Sent sendLinks(RequestContext actor, @PathVariable String agreementId,
                   @Valid @RequestBody LinkSendingRequest request) {
        Audience.Criteria body = request.audience();
        AgreementView agreement = queries.visible(actor, agreementId);
        Set<String> schools = body.schools() == null || body.schools().isEmpty()
                ? agreement.schoolUrns().stream().filter(s -> actor.covers(agreement.trustId(), Set.of(s)))
                           .collect(Collectors.toCollection(TreeSet::new))
                : new TreeSet<>(body.schools());
        if (!agreement.schoolUrns().containsAll(schools)) {
            throw new RuleBrokenException("schools", "The agreement is for "
                                                     + String.join(", ", agreement.schoolUrns()));
        }
        Audience.Resolved resolved = audience.resolve(actor, agreement.trustId(), schools.iterator().next(),
                new Audience.Criteria(schools, body.familyIds(), body.yearGroups(), body.barriers(),
                                      body.languages(), body.keyWorker(), body.everyone()));
        Map<String, String> schoolOf = audience.schoolOfEach(schools);
        List<Recipient> recipients = new ArrayList<>();
        Map<String, String> tokens = new HashMap<>();
        for (Invitee invitee : resolved.invitees()) {
            String school = schoolOf.get(invitee.familyId());
            if (school == null) {
                continue; // left the schools' rolls since the audience was drawn: sent no link
            }
            invitee.carers().forEach(carer -> {
                String token = PersonalLinks.newToken();
                String hash = PersonalLinks.hash(token);
                tokens.put(hash, token);
                recipients.add(new Recipient(invitee.familyId(), carer.carerId(), school, hash, carer.channel(),
                                             carer.language(), ActivityQueries.byStaff(carer)));
            });
        }
        LinkMessages.Draft message = linkMessages.draft(actor, schools, request.message());
        LinksSent sent;
        try {
            sent = commands.sendAndWait(new AgreementCommands.SendLinks(
                    agreementId, recipients, resolved.description(), actor, clock.instant()));
        } catch (RuntimeException e) {
            message.discard();
            throw e;
        }
        catchUp.await(agreementId, sent.aggregateVersion());
        List<LinkToDeliver> links = sent.recipients().stream().map(r -> new LinkToDeliver(
                        r.familyId(), r.carerId(), r.schoolUrn(), r.channel() == null ? null : r.channel().name(),
                        r.language(), r.byStaff(), AgreementLinkController.PATH + tokens.get(r.tokenHash())))
                                            .sorted(Comparator.comparing(LinkToDeliver::byStaff)
                                                              .thenComparing(LinkToDeliver::channel,
                                                                             Comparator.nullsLast(
                                                                                     Comparator.naturalOrder()))
                                                              .thenComparing(LinkToDeliver::language,
                                                                             Comparator.nullsLast(
                                                                                     Comparator.naturalOrder()))
                                                              .thenComparing(LinkToDeliver::familyId)
                                                              .thenComparing(LinkToDeliver::carerId))
                                            .toList();
        String messageId = message.send(links.stream().map(l -> new LinkFor(l.familyId(), l.carerId(), l.link()))
                                             .toList());
        return new Sent(agreementId, sent.version(), resolved.invitees().size() + resolved.withoutCarers().size(),
                        resolved.withoutCarers(), messageId == null ? links : links.stream().map(
                                l -> new LinkToDeliver(l.familyId(), l.carerId(), l.schoolUrn(), l.channel(),
                                                       l.language(), l.byStaff(), null)).toList(),
                        messageId, sent.aggregateVersion());
    }

    @PostMapping(AGREEMENTS + "/{agreementId}/acknowledgements")
    @Operation(summary = "Record a carer's acknowledgement made on paper or in person",
               description = "The version in force unless 'version' names an earlier one the carer signed. Once per "
                             + "carer per version: recording it again records nothing and says so.")
    ResponseEntity<Recorded> record(RequestContext actor, @PathVariable String agreementId,
                                    @Valid @RequestBody AgreementRequests.RecordAcknowledgementRequest body) {
        AgreementView agreement = queries.visible(actor, agreementId);
        EngagementFamily family = families.familyFor(actor, body.familyId())
                .filter(f -> f.trustId().equals(agreement.trustId()))
                .orElseThrow(() -> new RuleBrokenException("familyId", "No family of your schools has this id"));
        if (family.carer(body.carerId()).isEmpty()) {
            throw new RuleBrokenException("carerId", "The family has no carer with this id");
        }
        String school = agreement.schoolUrns().stream()
                                 .filter(s -> family.schoolUrns().contains(s)
                                              && actor.covers(agreement.trustId(), Set.of(s)))
                                 .findFirst()
                                 .orElseThrow(() -> new RuleBrokenException(
                                         "familyId", "The family is on the roll of none of the agreement's schools "
                                                     + "you act for"));
        Acknowledged acknowledged = commands.sendAndWait(new AgreementCommands.RecordAcknowledgement(
                agreementId, family.familyId(), body.carerId(), school, body.version(), body.method(), actor,
                clock.instant()));
        long version = await(agreementId, acknowledged.aggregateVersion());
        return ResponseEntity.status(acknowledged.already() ? HttpStatus.OK : HttpStatus.CREATED)
                             .body(new Recorded(agreementId, family.familyId(), body.carerId(),
                                                acknowledged.version(), acknowledged.already(), version));
    }

    @GetMapping(AGREEMENTS + "/{agreementId}/outstanding")
    @Operation(summary = "Who has not acknowledged yet: a school's families still to acknowledge a version",
               description = "The version in force unless 'version' names another; 'yearGroups' narrows the "
                             + "families to those with a child in one of them. Each carer with their channel and "
                             + "language, and when they were sent a link for this version; counts of every carer: "
                             + "acknowledged, sent a link and not acknowledged, not sent one.")
    Outstanding outstanding(RequestContext actor, @PathVariable String agreementId,
                            @RequestParam @Pattern(regexp = URN, message = URN_MESSAGE) String schoolUrn,
                            @RequestParam(required = false) @Positive Integer version,
                            @RequestParam(required = false) Set<YearGroup> yearGroups,
                            @RequestParam(defaultValue = "0") @Min(0) int page,
                            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return queries.outstanding(actor, agreementId, schoolUrn, version, yearGroups, SchoolTime.today(clock),
                                   page, size);
    }

    @GetMapping("/api/engagement/families/{familyId}/agreements")
    @Operation(summary = "A family's home-school agreements: which versions each carer acknowledged, how and when")
    List<AgreementQueries.FamilyAcknowledgements> family(
            RequestContext actor,
            @PathVariable @Pattern(regexp = ID, message = ID_MESSAGE) String familyId) {
        return queries.family(actor, familyId, SchoolTime.today(clock));
    }

    private static AgreementSummary summary(AgreementView agreement, LocalDate today) {
        return new AgreementSummary(agreement.agreementId(), agreement.schoolUrns(),
                                    agreement.inForce(today).map(AgreementView.Version::number).orElse(null),
                                    agreement.versions(), agreement.version());
    }

    private long await(String agreementId, long version) {
        catchUp.await(agreementId, version);
        return version;
    }
}

package org.homelink.engagement.agreements.command;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;
import org.homelink.contracts.engagement.AcknowledgementMethod;
import org.homelink.contracts.engagement.AgreementAcknowledged;
import org.homelink.engagement.agreements.command.AgreementCommands.AcknowledgeByLink;
import org.homelink.engagement.agreements.command.AgreementCommands.Acknowledged;
import org.homelink.engagement.agreements.command.AgreementCommands.AdoptAgreement;
import org.homelink.engagement.agreements.command.AgreementCommands.LinksSent;
import org.homelink.engagement.agreements.command.AgreementCommands.PublishVersion;
import org.homelink.engagement.agreements.command.AgreementCommands.Published;
import org.homelink.engagement.agreements.command.AgreementCommands.RecordAcknowledgement;
import org.homelink.engagement.agreements.command.AgreementCommands.SendLinks;
import org.homelink.engagement.agreements.command.AgreementCommands.Wording;
import org.homelink.engagement.agreements.command.AgreementRules.AgreementNotFound;
import org.homelink.engagement.agreements.command.AgreementRules.ChangesNotSaid;
import org.homelink.engagement.agreements.command.AgreementRules.FallbackWithoutText;
import org.homelink.engagement.agreements.command.AgreementRules.NoSuchVersion;
import org.homelink.engagement.agreements.command.AgreementRules.NotASchoolOfTheAgreement;
import org.homelink.engagement.agreements.command.AgreementRules.NotAStaffMethod;
import org.homelink.engagement.agreements.command.AgreementRules.NotTheVersionInForce;
import org.homelink.engagement.agreements.command.AgreementRules.NothingInForce;
import org.homelink.engagement.agreements.command.AgreementRules.TextsNotSound;
import org.homelink.engagement.agreements.events.AgreementEvents;
import org.homelink.engagement.agreements.events.AgreementEvents.AgreementAdopted;
import org.homelink.engagement.agreements.events.AgreementEvents.AgreementLinksSent;
import org.homelink.engagement.agreements.events.AgreementEvents.AgreementText;
import org.homelink.engagement.agreements.events.AgreementEvents.AgreementVersionPublished;
import org.homelink.engagement.agreements.events.AgreementEvents.Recipient;
import org.homelink.engagement.SchoolTime;
import org.homelink.engagement.voice.command.SurveyRules.UnknownLink;
import org.homelink.platform.web.NotYourSchool;
import org.homelink.platform.web.RequestContext;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A home-school agreement: what a school (or a trust, for several of its schools) and its families undertake to
 * each other, in versions. Each version supersedes the last from the day it takes effect, and every carer is asked
 * to acknowledge the version in force, once: through a personal link, or on paper or in person as staff record it.
 * <p>
 * A version is never withdrawn: one published in error is superseded by publishing the corrected one (which may take
 * effect sooner), and what carers acknowledged of it stays on record, as a signed paper form would. Publishing needs
 * a leader acting for every school of the agreement; the rest, staff of the school concerned. An agreement of
 * schools the caller does not act for at all is one that does not exist.
 */
@Aggregate
public class HomeSchoolAgreement {

    @AggregateIdentifier
    private String agreementId;
    private String trustId;
    private List<String> schoolUrns;
    /** Each version's day it takes effect, by version. */
    private final Map<Integer, LocalDate> takesEffect = new HashMap<>();
    /** By the hash of each one's personal link. */
    private final Map<String, Recipient> recipients = new HashMap<>();
    /** Carers sent a link for a version, as {@link #carerVersion}. */
    private final Set<String> sent = new HashSet<>();
    /** Carers who acknowledged a version, as {@link #carerVersion}. */
    private final Set<String> acknowledged = new HashSet<>();

    protected HomeSchoolAgreement() {
    }

    @CommandHandler
    public HomeSchoolAgreement(AdoptAgreement command) {
        RequestContext actor = command.actor();
        for (String school : command.schoolUrns()) {
            if (!actor.covers(actor.trustId(), Set.of(school))) {
                throw new NotYourSchool(school);
            }
        }
        requireSound(command.wording(), 1);
        apply(new AgreementAdopted(command.agreementId(), actor.trustId(), List.copyOf(command.schoolUrns()),
                                   actor.staffId(), command.at()));
        apply(published(command.agreementId(), 1, command.wording(), actor, command.at()));
    }

    @CommandHandler
    public Published handle(PublishVersion command) {
        requireVisible(command.actor());
        schoolUrns.stream().filter(school -> !command.actor().covers(trustId, Set.of(school))).findFirst()
                  .ifPresent(school -> {
                      throw new NotYourSchool(school);
                  });
        int version = takesEffect.size() + 1;
        requireSound(command.wording(), version);
        apply(published(agreementId, version, command.wording(), command.actor(), command.at()));
        return new Published(version, aggregateVersion());
    }

    @CommandHandler
    public LinksSent handle(SendLinks command) {
        requireVisible(command.actor());
        int version = inForce(command.at(), "agreementId");
        for (Recipient recipient : command.recipients()) {
            requireStaffOf(recipient.schoolUrn(), command.actor());
        }
        Set<String> seen = new HashSet<>();
        List<Recipient> fresh = command.recipients().stream()
                                       .filter(r -> !sent.contains(carerVersion(r.familyId(), r.carerId(), version)))
                                       .filter(r -> seen.add(carerVersion(r.familyId(), r.carerId(), version)))
                                       .toList();
        if (!fresh.isEmpty()) {
            apply(new AgreementLinksSent(agreementId, version, fresh, command.audience(),
                                         command.actor().staffId(), command.at()));
        }
        return new LinksSent(version, fresh, aggregateVersion());
    }

    @CommandHandler
    public Acknowledged handle(AcknowledgeByLink command) {
        // The link is the only credential: anything it does not open answers as a link that does not exist.
        Recipient recipient = trustId == null ? null : recipients.get(command.tokenHash());
        if (recipient == null) {
            throw new UnknownLink();
        }
        int version = inForce(command.at(), "token");
        if (command.version() != null && command.version() != version) {
            throw new NotTheVersionInForce(version);
        }
        return acknowledge(recipient.familyId(), recipient.carerId(), recipient.schoolUrn(), version,
                           AcknowledgementMethod.PERSONAL_LINK, null, command.at());
    }

    @CommandHandler
    public Acknowledged handle(RecordAcknowledgement command) {
        requireVisible(command.actor());
        requireStaffOf(command.schoolUrn(), command.actor());
        if (command.method() == null || command.method() == AcknowledgementMethod.PERSONAL_LINK) {
            throw new NotAStaffMethod();
        }
        int version;
        if (command.version() == null) {
            version = inForce(command.at(), "version");
        } else {
            // A form of a version since superseded still counts for that version: it is what the carer signed.
            LocalDate effective = takesEffect.get(command.version());
            if (effective == null || effective.isAfter(SchoolTime.dayOf(command.at()))) {
                throw new NoSuchVersion();
            }
            version = command.version();
        }
        return acknowledge(command.familyId(), command.carerId(), command.schoolUrn(), version, command.method(),
                           command.actor().staffId(), command.at());
    }

    @EventSourcingHandler
    void on(AgreementAdopted event) {
        agreementId = event.agreementId();
        trustId = event.trustId();
        schoolUrns = event.schoolUrns();
    }

    @EventSourcingHandler
    void on(AgreementVersionPublished event) {
        takesEffect.put(event.version(), event.takesEffect());
    }

    @EventSourcingHandler
    void on(AgreementLinksSent event) {
        event.recipients().forEach(r -> {
            recipients.put(r.tokenHash(), r);
            sent.add(carerVersion(r.familyId(), r.carerId(), event.version()));
        });
    }

    @EventSourcingHandler
    void on(AgreementAcknowledged event) {
        acknowledged.add(carerVersion(event.familyId(), event.carerId(), event.version()));
    }

    private Acknowledged acknowledge(String familyId, String carerId, String schoolUrn, int version,
                                     AcknowledgementMethod method, String recordedBy, Instant at) {
        if (acknowledged.contains(carerVersion(familyId, carerId, version))) {
            return new Acknowledged(version, true, aggregateVersion());
        }
        apply(new AgreementAcknowledged(agreementId, trustId, schoolUrn, familyId, carerId, version, method,
                                        recordedBy, at));
        return new Acknowledged(version, false, aggregateVersion());
    }

    private int inForce(Instant at, String field) {
        return AgreementEvents.inForce(takesEffect, SchoolTime.dayOf(at))
                              .orElseThrow(() -> new NothingInForce(field));
    }

    private void requireVisible(RequestContext actor) {
        // A stream that is not an agreement's (another aggregate's id) has no schools: it is no agreement.
        if (schoolUrns == null || !actor.covers(trustId, schoolUrns)) {
            throw new AgreementNotFound();
        }
    }

    private void requireStaffOf(String schoolUrn, RequestContext actor) {
        if (!schoolUrns.contains(schoolUrn)) {
            throw new NotASchoolOfTheAgreement(schoolUrn);
        }
        if (!actor.covers(trustId, Set.of(schoolUrn))) {
            throw new NotYourSchool(schoolUrn);
        }
    }

    private static void requireSound(Wording wording, int version) {
        if (wording.texts() == null || wording.texts().isEmpty()) {
            throw new TextsNotSound("An agreement has its text in at least one language");
        }
        Set<String> languages = new HashSet<>();
        for (AgreementText text : wording.texts()) {
            if (text.language() == null || !languages.add(text.language())) {
                throw new TextsNotSound("Each text needs a language of its own");
            }
            if (text.text() == null || text.text().isBlank()) {
                throw new TextsNotSound("The text in " + text.language() + " is empty");
            }
        }
        if (!languages.contains(wording.fallbackLanguage())) {
            throw new FallbackWithoutText();
        }
        if (version > 1 && (wording.changes() == null || wording.changes().isBlank())) {
            throw new ChangesNotSaid();
        }
    }

    private static AgreementVersionPublished published(String agreementId, int version, Wording wording,
                                                       RequestContext actor, Instant at) {
        return new AgreementVersionPublished(agreementId, version, wording.title(), List.copyOf(wording.texts()),
                                             wording.fallbackLanguage(), wording.changes(), wording.takesEffect(),
                                             actor.staffId(), at);
    }

    private static String carerVersion(String familyId, String carerId, int version) {
        return familyId + "/" + carerId + "#" + version;
    }

    private static long aggregateVersion() {
        return Objects.requireNonNullElse(AggregateLifecycle.getVersion(), 0L);
    }
}

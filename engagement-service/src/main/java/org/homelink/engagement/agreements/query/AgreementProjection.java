package org.homelink.engagement.agreements.query;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.bson.Document;
import org.homelink.contracts.engagement.AgreementAcknowledged;
import org.homelink.contracts.family.FamilyErased;
import org.homelink.engagement.agreements.events.AgreementEvents.AgreementAdopted;
import org.homelink.engagement.agreements.events.AgreementEvents.AgreementLinksSent;
import org.homelink.engagement.agreements.events.AgreementEvents.AgreementVersionPublished;
import org.homelink.engagement.agreements.events.AgreementEvents.Recipient;
import org.homelink.engagement.agreements.query.AgreementView.Version;
import org.homelink.engagement.agreements.query.FamilyAgreement.Acknowledgement;
import org.homelink.engagement.agreements.query.FamilyAgreement.LinkSent;
import org.homelink.platform.mongo.MongoSettings;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

/**
 * Home-school agreements with their versions, each school's agreement, the personal links by hash, and each
 * family's links and acknowledgements per agreement.
 * <p>
 * Idempotent and replayable: an agreement records the sequence number of its latest event applied, and an event at
 * or below it is passed over. Schools, links and families' documents are written, keyed by their own ids, before the
 * agreement's version moves on, so an event delivered again sets them as once.
 */
@Component
@ProcessingGroup(AgreementProjection.PROCESSING_GROUP)
public class AgreementProjection {

    public static final String PROCESSING_GROUP = "engagement-agreements";

    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);
    /** As the directory reads families: the embedded store checks each document against the whole $in list. */
    private static final int ID_CHUNK = 100;

    private final MongoCollection<AgreementView> agreements;
    private final MongoCollection<SchoolAgreement> schools;
    private final MongoCollection<AgreementLink> links;
    private final MongoCollection<FamilyAgreement> families;

    @Autowired
    public AgreementProjection(MongoClient client, MongoSettings settings) {
        this(client.getDatabase(settings.database()));
    }

    public AgreementProjection(MongoDatabase database) {
        this.agreements = database.getCollection("agreements", AgreementView.class);
        this.schools = database.getCollection("agreementSchools", SchoolAgreement.class);
        this.links = database.getCollection("agreementLinks", AgreementLink.class);
        this.families = database.getCollection("agreementFamilies", FamilyAgreement.class);
    }

    @EventHandler
    void on(AgreementAdopted event, @SequenceNumber long sequence) {
        if (agreement(event.agreementId()).isPresent()) {
            return;
        }
        event.schoolUrns().forEach(school -> schools.replaceOne(
                eq("_id", school), new SchoolAgreement(school, event.trustId(), event.agreementId()), UPSERT));
        agreements.replaceOne(eq("_id", event.agreementId()), new AgreementView(
                event.agreementId(), event.trustId(), event.schoolUrns(), List.of(), event.adoptedBy(),
                event.adoptedAt(), sequence), UPSERT);
    }

    @EventHandler
    void on(AgreementVersionPublished event, @SequenceNumber long sequence) {
        Version published = new Version(event.version(), event.title(), event.texts(), event.fallbackLanguage(),
                                        event.changes(), event.takesEffect(), event.publishedBy(),
                                        event.publishedAt());
        update(event.agreementId(), sequence, a -> new AgreementView(
                a.agreementId(), a.trustId(), a.schoolUrns(),
                Stream.concat(a.versions().stream().filter(v -> v.number() != event.version()), Stream.of(published))
                      .sorted(Comparator.comparingInt(Version::number)).toList(),
                a.adoptedBy(), a.adoptedAt(), a.version()));
    }

    @EventHandler
    void on(AgreementLinksSent event, @SequenceNumber long sequence) {
        update(event.agreementId(), sequence, a -> {
            // One round trip for a school's families, not one per carer; each link is its own, so order is no matter.
            links.bulkWrite(event.recipients().stream().map(r -> new ReplaceOneModel<>(
                    eq("_id", r.tokenHash()), new AgreementLink(r.tokenHash(), event.agreementId(), r.familyId(),
                                                                r.carerId(), r.schoolUrn(), event.version(),
                                                                event.sentAt()), UPSERT)).toList(),
                            new BulkWriteOptions().ordered(false));
            Map<String, FamilyAgreement> changed = new HashMap<>(
                    familiesOf(event.agreementId(), event.recipients().stream().map(Recipient::familyId).toList()));
            for (Recipient r : event.recipients()) {
                LinkSent link = new LinkSent(event.version(), r.channel(), r.language(), r.byStaff(), event.sentAt());
                changed.put(r.familyId(), changed.getOrDefault(r.familyId(),
                                                               FamilyAgreement.none(event.agreementId(), r.familyId()))
                                                 .withCarer(r.carerId(), carer -> carer.with(link)));
            }
            families.bulkWrite(changed.values().stream().map(f -> new ReplaceOneModel<>(eq("_id", f.id()), f, UPSERT))
                                      .toList(), new BulkWriteOptions().ordered(false));
            return a;
        });
    }

    @EventHandler
    void on(AgreementAcknowledged event, @SequenceNumber long sequence) {
        update(event.agreementId(), sequence, a -> {
            Acknowledgement acknowledgement = new Acknowledgement(event.version(), event.method(),
                                                                  event.recordedBy(), event.acknowledgedAt());
            FamilyAgreement family = family(event.agreementId(), event.familyId())
                    .withCarer(event.carerId(), carer -> carer.with(acknowledgement));
            families.replaceOne(eq("_id", family.id()), family, UPSERT);
            return a;
        });
    }

    /** An erased family's links stop working, and its carers' links sent and acknowledgements are forgotten. */
    @EventHandler
    void on(FamilyErased event) {
        links.deleteMany(eq("familyId", event.familyId()));
        families.deleteMany(eq("familyId", event.familyId()));
    }

    @ResetHandler
    void reset() {
        agreements.deleteMany(new Document());
        schools.deleteMany(new Document());
        links.deleteMany(new Document());
        families.deleteMany(new Document());
    }

    public Optional<AgreementView> agreement(String agreementId) {
        return Optional.ofNullable(agreements.find(eq("_id", agreementId)).first());
    }

    /** Every agreement of the trust, for the caller's view to narrow to their schools. */
    public List<AgreementView> agreementsOfTrust(String trustId) {
        // A trust has one agreement per school at most: a filter over a trust's agreements is cheap on any store.
        return agreements.find(eq("trustId", trustId)).into(new ArrayList<>());
    }

    /** The agreement the school's families are asked to acknowledge, if it has one. */
    public Optional<SchoolAgreement> agreementOf(String schoolUrn) {
        return Optional.ofNullable(schools.find(eq("_id", schoolUrn)).first());
    }

    public Optional<AgreementLink> link(String tokenHash) {
        return Optional.ofNullable(links.find(eq("_id", tokenHash)).first());
    }

    /** The family's part in the agreement: no carer of it yet when it has none. */
    public FamilyAgreement family(String agreementId, String familyId) {
        return Optional.ofNullable(families.find(eq("_id", FamilyAgreement.idOf(agreementId, familyId))).first())
                       .orElse(FamilyAgreement.none(agreementId, familyId));
    }

    /** These families' parts in the agreement, by family id; families with none yet are left out. */
    public Map<String, FamilyAgreement> familiesOf(String agreementId, Collection<String> familyIds) {
        List<String> ids = familyIds.stream().distinct().map(id -> FamilyAgreement.idOf(agreementId, id)).toList();
        Map<String, FamilyAgreement> found = new HashMap<>();
        for (int from = 0; from < ids.size(); from += ID_CHUNK) {
            families.find(in("_id", ids.subList(from, Math.min(from + ID_CHUNK, ids.size()))))
                    .forEach(f -> found.put(f.familyId(), f));
        }
        return found;
    }

    /** The agreement's version as this read model has applied it, or -1 before it has seen it. */
    public long versionOf(String agreementId) {
        return agreement(agreementId).map(AgreementView::version).orElse(-1L);
    }

    private void update(String agreementId, long sequence, UnaryOperator<AgreementView> change) {
        AgreementView agreement = agreements.find(eq("_id", agreementId)).first();
        if (agreement == null || agreement.version() >= sequence) {
            return; // applied before
        }
        AgreementView a = change.apply(agreement);
        agreements.replaceOne(eq("_id", agreementId), new AgreementView(
                a.agreementId(), a.trustId(), a.schoolUrns(), a.versions(), a.adoptedBy(), a.adoptedAt(), sequence),
                              UPSERT);
    }
}

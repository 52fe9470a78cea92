package org.homelink.family.families.query;

import org.homelink.platform.web.Languages;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.homelink.contracts.family.BarrierRecorded;
import org.homelink.contracts.family.BarrierResolved;
import org.homelink.contracts.family.CarerAdded;
import org.homelink.contracts.family.CarerDetailsChanged;
import org.homelink.contracts.family.ChildEnrolled;
import org.homelink.contracts.family.ChildLeftSchool;
import org.homelink.contracts.family.ConsentGiven;
import org.homelink.contracts.family.ConsentWithdrawn;
import org.homelink.contracts.family.ContactPreferencesChanged;
import org.homelink.contracts.family.FamilyErased;
import org.homelink.contracts.family.FamilyEvent;
import org.homelink.contracts.family.FamilyRegistered;
import org.homelink.contracts.family.FamilyVoiceRecorded;
import org.homelink.contracts.family.KeyWorkerAssigned;
import org.homelink.family.families.query.FamilyDetail.BarrierRecord;
import org.homelink.family.families.query.FamilyDetail.Carer;
import org.homelink.family.families.query.FamilyDetail.Child;
import org.homelink.family.families.query.FamilyDetail.Consent;
import org.homelink.family.families.query.FamilyDetail.Voice;
import org.homelink.family.families.query.FamilyQueries.FindFamilies;
import org.homelink.family.families.query.FamilyQueries.FindFamily;
import org.homelink.platform.mongo.MongoSettings;
import org.homelink.platform.web.IdempotentAnswers;
import org.homelink.platform.web.RequestContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.regex;

/**
 * The family directory and the family detail view, in the service's own database.
 * <p>
 * Idempotent and replayable: each family's detail records the sequence number of the last event applied to it, and
 * an event at or below it is passed over, so an event delivered twice (a processor that stopped before storing its
 * token) changes nothing, and a reset followed by a replay builds the same documents. The directory entry is derived
 * from the detail and written before it, so that a stop between the two writes is repaired when the event comes again.
 * <p>
 * An erased family is forgotten: its detail, its entry and the answers to POSTs that named it. A replay never meets
 * its earlier events at all (the platform keeps the events of an erased family from every processor).
 */
@Component
@ProcessingGroup(FamilyDirectoryProjection.PROCESSING_GROUP)
public class FamilyDirectoryProjection {

    public static final String PROCESSING_GROUP = "family-directory";

    private static final Logger log = LoggerFactory.getLogger(FamilyDirectoryProjection.class);
    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);

    private final MongoDatabase database;
    private final MongoCollection<FamilyDetail> details;
    private final MongoCollection<FamilyListing> directory;

    @Autowired
    public FamilyDirectoryProjection(MongoClient client, MongoSettings settings) {
        this(client.getDatabase(settings.database()));
    }

    public FamilyDirectoryProjection(MongoDatabase database) {
        this.database = database;
        this.details = database.getCollection("familyDetails", FamilyDetail.class);
        this.directory = database.getCollection("familyDirectory", FamilyListing.class);
        // MongoDB answers a trust's directory from this index; the embedded server scans, which a few thousand
        // small documents allow.
        directory.createIndex(Indexes.ascending("trustId", "sortName"));
    }

    @EventHandler
    void on(FamilyRegistered event, @SequenceNumber long sequence, @Timestamp Instant at) {
        if (details.find(eq("_id", event.familyId())).first() != null) {
            return; // registered before: this is a redelivery
        }
        save(FamilyDetail.registered(event.familyId(), event.trustId(), event.schoolUrns(), event.schoolUrn(),
                                     event.familyName(), at).at(sequence, event.schoolUrns(), at));
    }

    @EventHandler
    void on(CarerAdded event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event, sequence, at, family -> family.with(new Carer(
                event.carerId(), event.name(), event.relationship(), event.parentalResponsibility(), event.phone(),
                event.email(), event.address(), event.preferences())));
    }

    @EventHandler
    void on(CarerDetailsChanged event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event, sequence, at, family -> family.with(new Carer(
                event.carerId(), event.name(), event.relationship(), event.parentalResponsibility(), event.phone(),
                event.email(), event.address(), family.carer(event.carerId()).orElseThrow().preferences())));
    }

    @EventHandler
    void on(ContactPreferencesChanged event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event, sequence, at, family -> {
            Carer carer = family.carer(event.carerId()).orElseThrow();
            return family.with(new Carer(carer.carerId(), carer.name(), carer.relationship(),
                                         carer.parentalResponsibility(), carer.phone(), carer.email(),
                                         carer.address(), event.preferences()));
        });
    }

    @EventHandler
    void on(ChildEnrolled event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event, sequence, at, family -> family.with(new Child(
                event.childId(), event.name(), event.dateOfBirth(), event.yearGroup(), event.send(),
                event.schoolUrn(), event.enrolledOn(), null)));
    }

    @EventHandler
    void on(ChildLeftSchool event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event, sequence, at, family -> {
            Child child = family.child(event.childId()).orElseThrow();
            return family.with(new Child(child.childId(), child.name(), child.dateOfBirth(), child.yearGroup(),
                                         child.send(), event.schoolUrn(), child.enrolledOn(), event.leftOn()));
        });
    }

    @EventHandler
    void on(BarrierRecorded event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event, sequence, at, family -> family.with(new BarrierRecord(
                event.barrierId(), event.barrier(), event.note(), event.recordedBy(), event.recordedAt(), null, null,
                null)));
    }

    @EventHandler
    void on(BarrierResolved event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event, sequence, at, family -> {
            BarrierRecord recorded = family.barrier(event.barrierId()).orElseThrow();
            return family.with(new BarrierRecord(recorded.barrierId(), recorded.barrier(), recorded.note(),
                                                 recorded.recordedBy(), recorded.recordedAt(), event.note(),
                                                 event.resolvedBy(), event.resolvedAt()));
        });
    }

    @EventHandler
    void on(ConsentGiven event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event, sequence, at, family -> family.with(new Consent(
                event.purpose(), true, event.carerId(), event.givenOn(), event.recordedBy())));
    }

    @EventHandler
    void on(ConsentWithdrawn event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event, sequence, at, family -> family.with(new Consent(
                event.purpose(), false, event.carerId(), event.withdrawnOn(), event.recordedBy())));
    }

    @EventHandler
    void on(KeyWorkerAssigned event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event, sequence, at, family -> family.withKeyWorker(event.staffId()));
    }

    @EventHandler
    void on(FamilyVoiceRecorded event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event, sequence, at, family -> family.with(new Voice(
                event.voiceId(), event.carerId(), event.words(), event.recordedBy(), event.recordedAt())));
    }

    @EventHandler
    void on(FamilyErased event) {
        // The directory entry first, as on every change: searches stop finding the family before its detail goes.
        directory.deleteOne(eq("_id", event.familyId()));
        details.deleteOne(eq("_id", event.familyId()));
        IdempotentAnswers.forgetFamily(database, event.familyId());
    }

    @ResetHandler
    void reset() {
        directory.deleteMany(new Document());
        details.deleteMany(new Document());
    }

    @QueryHandler
    public FamilyPage handle(FindFamilies query) {
        FamilySearch search = query.search();
        Bson filter = and(visibleTo(query.actor(), search));
        int page = search.pageOrFirst();
        int size = search.sizeOrDefault();
        long total = directory.countDocuments(filter);
        List<FamilyListing> items = directory.find(filter).sort(Sorts.ascending("sortName", "_id"))
                                             .skip(page * size).limit(size).into(new ArrayList<>());
        if (!SupportRecords.seenBy(query.actor())) {
            items = items.stream().map(FamilyListing::withoutBarriers).toList();
        }
        return new FamilyPage(items, page, size, total, (int) ((total + size - 1) / size));
    }

    @QueryHandler
    public Optional<FamilyDetail> handle(FindFamily query) {
        return detail(query.familyId())
                .filter(family -> query.actor().covers(family.trustId(), family.schoolUrns()))
                .map(family -> SupportRecords.seenBy(query.actor()) ? family : family.withoutSupportRecords());
    }

    /** The family's detail as far as this projection has got, whoever asks: for the service's own use. */
    public Optional<FamilyDetail> detail(String familyId) {
        return Optional.ofNullable(details.find(eq("_id", familyId)).first());
    }

    /** The details of these families as far as this projection has got, in one lookup: for the service's own use. */
    public List<FamilyDetail> details(Collection<String> familyIds) {
        return details.find(in("_id", familyIds)).into(new ArrayList<>());
    }

    /**
     * The families that have children, every one of whom has left their school, the last before {@code day}: what
     * the retention schedule erases. Read by a scan of the details, which a daily job can afford.
     */
    public List<FamilyDetail> familiesWhoseChildrenAllLeftBefore(LocalDate day) {
        List<FamilyDetail> found = new ArrayList<>();
        for (FamilyDetail family : details.find()) {
            List<FamilyDetail.Child> children = family.children();
            if (!children.isEmpty() && children.stream().allMatch(child -> child.leftOn() != null
                                                                           && child.leftOn().isBefore(day))) {
                found.add(family);
            }
        }
        return found;
    }

    /** The version of the family this projection has applied, or -1 when it has not seen the family yet. */
    public long versionOf(String familyId) {
        return detail(familyId).map(FamilyDetail::version).orElse(-1L);
    }

    private static List<Bson> visibleTo(RequestContext actor, FamilySearch search) {
        List<Bson> filters = new ArrayList<>();
        filters.add(eq("trustId", actor.trustId()));
        if (!actor.isTrustLeader()) {
            filters.add(in("schoolUrns", actor.schoolUrns()));
        }
        if (search.school() != null) {
            filters.add(eq("schoolUrns", search.school()));
        }
        if (search.name() != null && !search.name().isBlank()) {
            filters.add(regex("searchNames", Pattern.quote(FamilyListing.lowerCase(search.name().strip()))));
        }
        if (search.yearGroup() != null) {
            filters.add(eq("yearGroups", search.yearGroup()));
        }
        if (search.barrier() != null) {
            filters.add(eq("openBarriers", search.barrier()));
        }
        if (search.keyWorker() != null) {
            filters.add(eq("keyWorker", search.keyWorker()));
        }
        if (search.language() != null) {
            filters.add(eq("languages", Languages.normalise(search.language())));
        }
        return filters;
    }

    private void update(FamilyEvent event, long sequence, Instant at, UnaryOperator<FamilyDetail> change) {
        FamilyDetail family = details.find(eq("_id", event.familyId())).first();
        if (family == null) {
            log.warn("Family {} has event {} but was never registered here; passing it over",
                     event.familyId(), sequence);
            return;
        }
        if (family.version() >= sequence) {
            return; // applied before: a redelivery or a replay over a model that was not reset
        }
        save(change.apply(family).at(sequence, event.schoolUrns(), at));
    }

    private void save(FamilyDetail family) {
        directory.replaceOne(eq("_id", family.familyId()), FamilyListing.of(family), UPSERT);
        details.replaceOne(eq("_id", family.familyId()), family, UPSERT);
    }
}

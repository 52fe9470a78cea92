package org.homelink.partners.referrals.query;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.homelink.contracts.family.ConsentGiven;
import org.homelink.contracts.family.ConsentPurposes;
import org.homelink.contracts.family.ConsentWithdrawn;
import org.homelink.contracts.family.FamilyErased;
import org.homelink.contracts.partners.ReferralAccepted;
import org.homelink.contracts.partners.ReferralClosed;
import org.homelink.contracts.partners.ReferralDeclined;
import org.homelink.contracts.partners.ReferralMade;
import org.homelink.contracts.partners.ReferralOpened;
import org.homelink.platform.web.Paged;
import org.homelink.partners.referrals.command.Referral.Status;
import org.homelink.partners.referrals.command.ReferralDescribed;
import org.homelink.platform.mongo.MongoSettings;
import org.homelink.platform.web.IdempotentAnswers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Projections.excludeId;
import static com.mongodb.client.model.Projections.fields;
import static com.mongodb.client.model.Projections.include;

/**
 * Referrals as lists show them, with whether each family's consent to sharing with partners stands, built from
 * family-service's consent events as much as from this service's referral events. Idempotent and replayable: each
 * referral records the sequence number of its last event applied, and each family's consent the sequence number
 * of its last consent event, and an event at or below it is passed over.
 */
@Component
@ProcessingGroup(ReferralsProjection.PROCESSING_GROUP)
public class ReferralsProjection {

    public static final String PROCESSING_GROUP = "referrals";

    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);
    private static final List<Status> OPEN = List.of(Status.NEW, Status.OPENED, Status.ACCEPTED);
    private static final Bson NEWEST_FIRST = Sorts.descending("madeAt", "_id");

    private final MongoDatabase database;
    private final MongoCollection<ReferralView> referrals;
    private final MongoCollection<Document> sharing;

    @Autowired
    public ReferralsProjection(MongoClient client, MongoSettings settings) {
        this(client.getDatabase(settings.database()));
    }

    public ReferralsProjection(MongoDatabase database) {
        this.database = database;
        this.referrals = database.getCollection("referrals", ReferralView.class);
        this.sharing = database.getCollection("familySharing");
    }

    @EventHandler
    void on(ReferralMade event, @SequenceNumber long sequence) {
        if (referral(event.referralId()).isEmpty()) {
            Document consent = sharing.find(eq("_id", event.familyId())).first();
            referrals.replaceOne(eq("_id", event.referralId()), new ReferralView(
                    event.referralId(), event.needId(), event.familyId(), event.trustId(),
                    List.copyOf(new TreeSet<>(event.schoolUrns())), event.organisationId(), event.organisationName(),
                    event.serviceId(), event.serviceName(), event.category(), Status.NEW, event.madeBy(),
                    event.madeAt(), null, null, null, null, null, null, null,
                    consent != null && consent.getBoolean("shared"), sequence), UPSERT);
        }
    }

    @EventHandler
    void on(ReferralDescribed event, @SequenceNumber long sequence) {
        update(event.referralId(), sequence, referral -> referral.withNoteForPartner(event.noteForPartner(), sequence));
    }

    @EventHandler
    void on(ReferralOpened event, @SequenceNumber long sequence) {
        update(event.referralId(), sequence, referral -> referral.with(
                Status.OPENED, event.openedAt(), null, null, null, null, null, sequence));
    }

    @EventHandler
    void on(ReferralAccepted event, @SequenceNumber long sequence) {
        update(event.referralId(), sequence, referral -> referral.with(
                Status.ACCEPTED, referral.openedAt(), event.acceptedAt(), null, null, null, null, sequence));
    }

    @EventHandler
    void on(ReferralDeclined event, @SequenceNumber long sequence) {
        update(event.referralId(), sequence, referral -> referral.with(
                Status.DECLINED, referral.openedAt(), event.declinedAt(), event.reason(), null, event.note(), null,
                sequence));
    }

    @EventHandler
    void on(ReferralClosed event, @SequenceNumber long sequence) {
        update(event.referralId(), sequence, referral -> referral.with(
                Status.CLOSED, referral.openedAt(), referral.answeredAt(), referral.declineReason(), event.outcome(),
                event.note(), event.closedAt(), sequence));
    }

    @EventHandler
    void on(ConsentGiven event, @SequenceNumber long sequence) {
        if (ConsentPurposes.SHARING_WITH_PARTNERS.equals(event.purpose())) {
            share(event.familyId(), true, sequence);
        }
    }

    @EventHandler
    void on(ConsentWithdrawn event, @SequenceNumber long sequence) {
        if (ConsentPurposes.SHARING_WITH_PARTNERS.equals(event.purpose())) {
            share(event.familyId(), false, sequence);
        }
    }

    /**
     * An erased family's referrals are deleted, not kept without their personal parts: what is left of the referral
     * events of an erased family is never handled again (a replay passes them over), so nothing kept here could be
     * built again, and the partner's outcomes are theirs to keep in their own records. Partners see nothing more of
     * the family: its referrals are gone from their lists, and its own events no longer show it to them.
     */
    @EventHandler
    void on(FamilyErased event) {
        referrals.deleteMany(eq("familyId", event.familyId()));
        sharing.deleteOne(eq("_id", event.familyId()));
        IdempotentAnswers.forgetFamily(database, event.familyId());
    }

    @ResetHandler
    void reset() {
        referrals.deleteMany(new Document());
        sharing.deleteMany(new Document());
    }

    private void share(String familyId, boolean shared, long sequence) {
        Document consent = sharing.find(eq("_id", familyId)).first();
        if (consent != null && consent.getLong("sequence") >= sequence) {
            return;
        }
        sharing.replaceOne(eq("_id", familyId), new Document("_id", familyId).append("shared", shared)
                                                                             .append("sequence", sequence), UPSERT);
        referrals.updateMany(eq("familyId", familyId), Updates.set("shared", shared));
    }

    private void update(String referralId, long sequence, UnaryOperator<ReferralView> change) {
        referral(referralId).filter(referral -> referral.version() < sequence)
                            .ifPresent(referral -> referrals.replaceOne(eq("_id", referralId),
                                                                        change.apply(referral)));
    }

    public Optional<ReferralView> referral(String referralId) {
        return Optional.ofNullable(referrals.find(eq("_id", referralId)).first());
    }

    public long versionOf(String referralId) {
        return referral(referralId).map(ReferralView::version).orElse(-1L);
    }

    /** Every referral the filter finds, newest first. */
    public List<ReferralView> find(Bson filter) {
        return referrals.find(filter).sort(NEWEST_FIRST).into(new ArrayList<>());
    }

    /** A page of the referrals the filter finds, newest first, with how many it finds in all. */
    public Paged<ReferralView> find(Bson filter, int page, int size) {
        List<ReferralView> items = referrals.find(filter).sort(NEWEST_FIRST).skip(page * size).limit(size)
                                            .into(new ArrayList<>());
        return Paged.of(items, page, size, referrals.countDocuments(filter));
    }

    /** How many referrals each service has open now: new, opened or accepted. */
    public Map<String, Integer> openReferrals(Collection<String> serviceIds) {
        Map<String, Integer> counts = new HashMap<>();
        // Matching asks for hundreds of services at once: only the open ones are read, and of each only its service.
        for (Document referral : referrals.withDocumentClass(Document.class)
                                          .find(and(in("serviceId", serviceIds), in("status", OPEN)))
                                          .projection(fields(include("serviceId"), excludeId()))) {
            counts.merge(referral.getString("serviceId"), 1, Integer::sum);
        }
        return counts;
    }
}

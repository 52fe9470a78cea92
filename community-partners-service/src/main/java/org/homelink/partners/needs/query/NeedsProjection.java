package org.homelink.partners.needs.query;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.homelink.contracts.family.FamilyErased;
import org.homelink.contracts.partners.SupportNeedClosed;
import org.homelink.contracts.partners.SupportNeedRaised;
import org.homelink.platform.mongo.MongoSettings;
import org.homelink.platform.web.RequestContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

/**
 * Support needs as staff lists show them. Idempotent and replayable as the directory is: each need records the
 * sequence number of its last event applied, and an event at or below it is passed over.
 */
@Component
@ProcessingGroup(NeedsProjection.PROCESSING_GROUP)
public class NeedsProjection {

    public static final String PROCESSING_GROUP = "support-needs";

    private final MongoCollection<NeedView> needs;

    @Autowired
    public NeedsProjection(MongoClient client, MongoSettings settings) {
        this(client.getDatabase(settings.database()));
    }

    public NeedsProjection(MongoDatabase database) {
        this.needs = database.getCollection("supportNeeds", NeedView.class);
    }

    @EventHandler
    void on(SupportNeedRaised event, @SequenceNumber long sequence) {
        if (need(event.needId()).isEmpty()) {
            needs.replaceOne(eq("_id", event.needId()), new NeedView(
                    event.needId(), event.familyId(), event.trustId(), List.copyOf(new TreeSet<>(event.schoolUrns())),
                    event.category(), event.urgency(), true, event.raisedBy(), event.raisedAt(), null, sequence),
                             new ReplaceOptions().upsert(true));
        }
    }

    @EventHandler
    void on(SupportNeedClosed event, @SequenceNumber long sequence) {
        need(event.needId()).filter(need -> need.version() < sequence).ifPresent(need -> needs.replaceOne(
                eq("_id", need.needId()), new NeedView(need.needId(), need.familyId(), need.trustId(),
                                                       need.schoolUrns(), need.category(), need.urgency(), false,
                                                       need.raisedBy(), need.raisedAt(), event.resolution(),
                                                       sequence)));
    }

    /** An erased family's needs go with it; a replay never meets their events (their family is erased). */
    @EventHandler
    void on(FamilyErased event) {
        needs.deleteMany(eq("familyId", event.familyId()));
    }

    @ResetHandler
    void reset() {
        needs.deleteMany(new Document());
    }

    public Optional<NeedView> need(String needId) {
        return Optional.ofNullable(needs.find(eq("_id", needId)).first());
    }

    public long versionOf(String needId) {
        return need(needId).map(NeedView::version).orElse(-1L);
    }

    /** The needs the caller may see, newest first, of one family or all, open or all. */
    public List<NeedView> find(RequestContext actor, String familyId, Boolean open, int page, int size) {
        return needs.find(filter(actor, familyId, open)).sort(Sorts.descending("raisedAt", "_id"))
                    .skip(page * size).limit(size).into(new ArrayList<>());
    }

    public long count(RequestContext actor, String familyId, Boolean open) {
        return needs.countDocuments(filter(actor, familyId, open));
    }

    private static Bson filter(RequestContext actor, String familyId, Boolean open) {
        List<Bson> filters = new ArrayList<>();
        filters.add(eq("trustId", actor.trustId()));
        if (!actor.isTrustLeader()) {
            filters.add(in("schoolUrns", actor.schoolUrns()));
        }
        if (familyId != null) {
            filters.add(eq("familyId", familyId));
        }
        if (open != null) {
            filters.add(eq("open", open));
        }
        return and(filters);
    }
}

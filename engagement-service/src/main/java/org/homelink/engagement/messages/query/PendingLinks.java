package org.homelink.engagement.messages.query;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.bson.codecs.pojo.annotations.BsonId;
import org.homelink.contracts.family.FamilyErased;
import org.homelink.platform.mongo.MongoSettings;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.regex;

/**
 * Personal links (a survey's, an agreement's) on their way to carers inside a message: the one place a usable link
 * is kept in plain, keyed by message, family and carer. A link is a credential, so it is never in an event or a read
 * model that replay rebuilds; it is written before its message is sent, read by the dispatcher to fill the copy's
 * {@value #MARK}, and deleted once the copy is handed over (email, SMS) or fails for good. The app feed's copy keeps it
 * as long as the item is in the carer's feed, since that is where the carer opens it, and a staff task's until the
 * task is closed, since that is when staff give it. Not a projection: nothing replays it, and a reset leaves it be.
 * It hears only of erasure, in the messages processor: an erased family's links go at once.
 */
@Component
@ProcessingGroup(MessageProjection.PROCESSING_GROUP)
public class PendingLinks {

    /** Where a message's text says each carer's link goes. */
    public static final String MARK = "{link}";

    /** @param path the link's path on the service, the token in it */
    public record PendingLink(@BsonId String id, String path, Instant keptAt) {
    }

    /** A carer's link for one message, by family and carer. */
    public record LinkFor(String familyId, String carerId, String path) {
    }

    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);

    private final MongoCollection<PendingLink> links;
    private final String publicUrl;

    @Autowired
    PendingLinks(MongoClient client, MongoSettings mongo,
                 @Value("${homelink.engagement.public-url:http://localhost:8080}") String publicUrl) {
        this(client.getDatabase(mongo.database()), publicUrl);
    }

    public PendingLinks(MongoDatabase database, String publicUrl) {
        this.links = database.getCollection("pendingLinks", PendingLink.class);
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    public static String key(String messageId, String familyId, String carerId) {
        return messageId + "/" + familyId + "/" + carerId;
    }

    /** Keeps the links of a message about to be sent: by id, in one round trip for a whole trust's carers. */
    public void keep(String messageId, Collection<LinkFor> carers, Instant at) {
        List<ReplaceOneModel<PendingLink>> kept = carers.stream().map(carer -> {
            String id = key(messageId, carer.familyId(), carer.carerId());
            return new ReplaceOneModel<>(eq("_id", id), new PendingLink(id, carer.path(), at), UPSERT);
        }).toList();
        if (!kept.isEmpty()) {
            links.bulkWrite(kept, new BulkWriteOptions().ordered(false));
        }
    }

    /** The full links (the public address and the path) of these keys that are still kept, by key. */
    public Map<String, String> links(Collection<String> keys) {
        Map<String, String> found = new HashMap<>();
        ByIds.find(links, keys, link -> found.put(link.id(), publicUrl + link.path()));
        return found;
    }

    public Optional<String> link(String messageId, String familyId, String carerId) {
        String key = key(messageId, familyId, carerId);
        return Optional.ofNullable(links(List.of(key)).get(key));
    }

    public void forget(Collection<String> keys) {
        List<String> all = List.copyOf(keys);
        for (int from = 0; from < all.size(); from += 100) {
            links.deleteMany(in("_id", all.subList(from, Math.min(from + 100, all.size()))));
        }
    }

    @EventHandler
    void on(FamilyErased event) {
        links.deleteMany(regex("_id", "/" + Pattern.quote(event.familyId()) + "/"));
    }

    /** Whether a text asks for the carer's link. */
    public static boolean asksForLink(String text) {
        return text.contains(MARK);
    }

    /** The text with the carer's link where it asks for it; as it is when it asks for none or the link is gone. */
    public static String fill(String text, Optional<String> link) {
        return link.map(l -> text.replace(MARK, l)).orElse(text);
    }
}

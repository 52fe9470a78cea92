package org.homelink.engagement.messages.query;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.bson.Document;
import org.bson.codecs.pojo.annotations.BsonId;
import org.homelink.contracts.family.CarerAdded;
import org.homelink.contracts.family.CarerDetailsChanged;
import org.homelink.contracts.family.FamilyErased;
import org.homelink.engagement.messages.events.MessageEvents.DigestChosen;
import org.homelink.engagement.messages.events.MessageEvents.MessageRouted;
import org.homelink.engagement.messages.events.MessageEvents.MessageSettingsChanged;
import org.homelink.platform.mongo.MongoSettings;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.regex;
import static com.mongodb.client.model.Updates.addToSet;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.pull;
import static com.mongodb.client.model.Updates.set;
import static com.mongodb.client.model.Updates.setOnInsert;

/**
 * What sending needs beyond the family directory, each read by id: carers' email addresses and phone numbers (from
 * family-service's events, read only to hand a copy over, never listed), each school's digest time and weekly limit,
 * families' choices of a digest, and how many messages each family has had from each school in a week.
 * <p>
 * Idempotent and replayable: addresses are replaced whole, choices and counts change by set operations (a week's
 * count is the number of messages in its set).
 */
@Component
@ProcessingGroup(MessageProjection.PROCESSING_GROUP)
public class RecipientDirectory {

    /** Carers' email addresses and phone numbers, read only to hand a copy over and to open one task. */
    public static final String ADDRESSES = "carerAddresses";

    /** Friday at 15:30 in London, as the week's book bags go home; each school may set its own. */
    public static final SchoolSettings DEFAULTS = new SchoolSettings(null, DayOfWeek.FRIDAY, LocalTime.of(15, 30), 3, -1);

    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);
    private static final UpdateOptions UPSERT_UPDATE = new UpdateOptions().upsert(true);

    /** A carer's addresses: for handing a copy over only. */
    public record CarerAddress(@BsonId String id, String email, String phone) {

        /** Never the addresses: logs carry ids only. */
        @Override
        public String toString() {
            return "CarerAddress[" + id + "]";
        }
    }

    /** @param version the sequence of the latest settings event applied, -1 for the defaults */
    public record SchoolSettings(@BsonId String schoolUrn, DayOfWeek digestDay, LocalTime digestTime,
                                 int weeklyLimit, long version) {
    }

    /** @param carers the carers who asked for a digest themselves */
    public record DigestChoices(@BsonId String familyId, boolean family, List<String> carers) {

        public boolean digestFor(String carerId) {
            return family || carers.contains(carerId);
        }
    }

    /** The messages a family had from a school in the week starting {@code weekStarting}. */
    public record WeekCount(@BsonId String id, List<String> messageIds) {
    }

    private final MongoCollection<CarerAddress> addresses;
    private final MongoCollection<SchoolSettings> settings;
    private final MongoCollection<DigestChoices> digests;
    private final MongoCollection<WeekCount> weeks;

    @Autowired
    public RecipientDirectory(MongoClient client, MongoSettings mongo) {
        this(client.getDatabase(mongo.database()));
    }

    public RecipientDirectory(MongoDatabase database) {
        this.addresses = database.getCollection(ADDRESSES, CarerAddress.class);
        this.settings = database.getCollection("messageSettings", SchoolSettings.class);
        this.digests = database.getCollection("digestChoices", DigestChoices.class);
        this.weeks = database.getCollection("messageWeeks", WeekCount.class);
    }

    @EventHandler
    void on(CarerAdded event) {
        addresses.replaceOne(eq("_id", key(event.familyId(), event.carerId())),
                             new CarerAddress(key(event.familyId(), event.carerId()), event.email(), event.phone()),
                             UPSERT);
    }

    @EventHandler
    void on(CarerDetailsChanged event) {
        addresses.replaceOne(eq("_id", key(event.familyId(), event.carerId())),
                             new CarerAddress(key(event.familyId(), event.carerId()), event.email(), event.phone()),
                             UPSERT);
    }

    @EventHandler
    void on(MessageSettingsChanged event, @SequenceNumber long sequence) {
        settings.replaceOne(eq("_id", event.schoolUrn()), new SchoolSettings(
                event.schoolUrn(), event.digestDay(), event.digestTime(), event.weeklyLimit(), sequence), UPSERT);
    }

    @EventHandler
    void on(DigestChosen event) {
        if (event.carerId() == null) {
            digests.updateOne(eq("_id", event.familyId()),
                              combine(set("family", event.digest()), setOnInsert("carers", List.of())),
                              UPSERT_UPDATE);
        } else {
            digests.updateOne(eq("_id", event.familyId()),
                              combine(setOnInsert("family", false), event.digest()
                                      ? addToSet("carers", event.carerId()) : pull("carers", event.carerId())),
                              UPSERT_UPDATE);
        }
    }

    @EventHandler
    void on(MessageRouted event) {
        // One round trip for a trust's families, not one per family.
        List<UpdateOneModel<WeekCount>> counts = event.counted().stream().map(counted -> new UpdateOneModel<WeekCount>(
                eq("_id", weekKey(counted.schoolUrn(), counted.familyId(), event.weekStarting())),
                addToSet("messageIds", event.messageId()), UPSERT_UPDATE)).toList();
        for (int from = 0; from < counts.size(); from += 1000) {
            weeks.bulkWrite(counts.subList(from, Math.min(from + 1000, counts.size())),
                            new BulkWriteOptions().ordered(false));
        }
    }

    /** An erased family's carers' addresses go, with its digest choice and its weeks' counts. */
    @EventHandler
    void on(FamilyErased event) {
        String familyId = Pattern.quote(event.familyId());
        addresses.deleteMany(regex("_id", "^" + familyId + "/"));
        digests.deleteOne(eq("_id", event.familyId()));
        weeks.deleteMany(regex("_id", "/" + familyId + "/"));
    }

    @ResetHandler
    void reset() {
        addresses.deleteMany(new Document());
        settings.deleteMany(new Document());
        digests.deleteMany(new Document());
        weeks.deleteMany(new Document());
    }

    public Optional<CarerAddress> address(String familyId, String carerId) {
        return Optional.ofNullable(addresses.find(eq("_id", key(familyId, carerId))).first());
    }

    /** The addresses of these carers (by {@link #key}) that are known, by key. */
    public Map<String, CarerAddress> addresses(Collection<String> keys) {
        Map<String, CarerAddress> found = new HashMap<>();
        ByIds.find(addresses, keys, address -> found.put(address.id(), address));
        return found;
    }

    public SchoolSettings settings(String schoolUrn) {
        SchoolSettings found = settings.find(eq("_id", schoolUrn)).first();
        return found != null ? found : new SchoolSettings(schoolUrn, DEFAULTS.digestDay(), DEFAULTS.digestTime(),
                                                          DEFAULTS.weeklyLimit(), -1);
    }

    public Map<String, DigestChoices> digestChoices(Collection<String> familyIds) {
        Map<String, DigestChoices> found = new HashMap<>();
        ByIds.find(digests, familyIds, choice -> found.put(choice.familyId(), choice));
        return found;
    }

    /** How many messages each of these families of the school has had in the week, by family id. */
    public Map<String, Integer> weekCounts(String schoolUrn, Collection<String> familyIds, LocalDate weekStarting) {
        Map<String, Integer> found = new HashMap<>();
        ByIds.find(weeks, familyIds.stream().map(f -> weekKey(schoolUrn, f, weekStarting)).toList(),
                   week -> found.put(week.id().substring(week.id().indexOf('/') + 1, week.id().lastIndexOf('/')),
                                     week.messageIds().size()));
        return found;
    }

    public static String key(String familyId, String carerId) {
        return familyId + "/" + carerId;
    }

    private static String weekKey(String schoolUrn, String familyId, LocalDate weekStarting) {
        return schoolUrn + "/" + familyId + "/" + weekStarting;
    }
}

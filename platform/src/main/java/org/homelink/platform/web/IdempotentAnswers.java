package org.homelink.platform.web;

import com.mongodb.client.MongoDatabase;
import org.bson.conversions.Bson;

import java.time.Instant;
import java.util.Date;
import java.util.regex.Pattern;

import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.or;
import static com.mongodb.client.model.Filters.regex;

/**
 * The answers kept for idempotent POSTs (see {@link IdempotencyFilter}) name the records they made and may show
 * what a caller wrote about a family: erasing a family forgets every answer that names it. They are found by the
 * family's id in their body or location, which a scan of the collection finds: erasures are rare, and the answers
 * past their 24 hours, which no retry can use any more, go in the same sweep.
 */
public final class IdempotentAnswers {

    /** The collection, in the service's own database. */
    public static final String COLLECTION = "idempotencyKeys";

    private IdempotentAnswers() {
    }

    public static void forgetFamily(MongoDatabase serviceDatabase, String familyId) {
        Pattern mentioned = Pattern.compile(Pattern.quote(familyId));
        Bson expired = lt("at", Date.from(Instant.now().minus(IdempotencyRecords.KEPT_FOR)));
        serviceDatabase.getCollection(COLLECTION)
                       .deleteMany(or(regex("body", mentioned), regex("location", mentioned), expired));
    }
}

package org.homelink.engagement.messages.query;

import com.mongodb.client.MongoCollection;

import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

import static com.mongodb.client.model.Filters.in;

/** Reads documents by id in chunks: the embedded store checks each document it finds against the whole $in list. */
final class ByIds {

    private static final int CHUNK = 100;

    private ByIds() {
    }

    static <T> void find(MongoCollection<T> collection, Collection<String> ids, Consumer<T> each) {
        List<String> all = List.copyOf(ids);
        for (int from = 0; from < all.size(); from += CHUNK) {
            collection.find(in("_id", all.subList(from, Math.min(from + CHUNK, all.size())))).forEach(each);
        }
    }
}

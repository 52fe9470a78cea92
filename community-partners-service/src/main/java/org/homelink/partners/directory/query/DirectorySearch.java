package org.homelink.partners.directory.query;

import org.bson.conversions.Bson;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import static com.mongodb.client.model.Filters.regex;

/**
 * Text search of the directory, the same for organisations and services: every word of a search somewhere in an
 * entry's name or description, in any case. A pattern on a lower-case copy of both, since the embedded server has
 * no text index.
 */
public final class DirectorySearch {

    static final String FIELD = "searchText";

    private DirectorySearch() {
    }

    /** What an entry is searched by. */
    static String textOf(String name, String description) {
        return ((name == null ? "" : name) + " " + (description == null ? "" : description)).toLowerCase(Locale.ROOT);
    }

    /** A filter for each word of {@code search}; none for a blank search. */
    public static List<Bson> everyWord(String search) {
        if (search == null || search.isBlank()) {
            return List.of();
        }
        return java.util.Arrays.stream(search.strip().toLowerCase(Locale.ROOT).split("\\s+"))
                               .map(word -> regex(FIELD, Pattern.quote(word))).toList();
    }
}

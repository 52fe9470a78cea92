package org.homelink.partners.directory.query;

import org.bson.codecs.pojo.annotations.BsonId;

/**
 * A taxonomy term some service of the directory is tagged with, as the latest service to use it gave it.
 *
 * @param termId       the term
 * @param taxonomyId   its taxonomy, or null when the feed did not say
 * @param taxonomyName its taxonomy's name, or null
 * @param document     the term as an Open Referral taxonomy_term document
 */
public record TaxonomyTermView(@BsonId String termId, String taxonomyId, String taxonomyName, String document) {
}

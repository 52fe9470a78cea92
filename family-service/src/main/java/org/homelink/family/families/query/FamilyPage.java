package org.homelink.family.families.query;

import java.util.List;

/** One page of the family directory, with the totals of everything the search found. */
public record FamilyPage(List<FamilyListing> items, int page, int size, long totalItems, int totalPages) {
}

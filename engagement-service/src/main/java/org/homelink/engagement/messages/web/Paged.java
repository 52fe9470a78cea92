package org.homelink.engagement.messages.web;

import java.util.List;

/** One page of a list, with the totals a client pages by. */
record Paged<T>(List<T> items, int page, int size, long totalItems, int totalPages) {

    static <T> Paged<T> of(List<T> all, int page, int size) {
        // In long: a page far beyond the end would overflow into a negative index.
        int from = (int) Math.min((long) page * size, all.size());
        int to = Math.min(from + size, all.size());
        return new Paged<>(List.copyOf(all.subList(from, to)), page, size, all.size(), (all.size() + size - 1) / size);
    }
}

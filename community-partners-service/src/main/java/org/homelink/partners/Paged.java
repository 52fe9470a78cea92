package org.homelink.partners;

import java.util.List;

/**
 * One page of a list of the partners API, with the totals of everything the request found. Pages count from 0, as
 * in every Homelink API (the Open Referral API counts from 1, as its profile does).
 */
public record Paged<T>(List<T> items, int page, int size, long totalItems, int totalPages) {

    public static <T> Paged<T> of(List<T> all, int page, int size) {
        List<T> items = all.stream().skip((long) page * size).limit(size).toList();
        return new Paged<>(items, page, size, all.size(), (all.size() + size - 1) / size);
    }
}

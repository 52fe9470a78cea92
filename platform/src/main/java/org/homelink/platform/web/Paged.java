package org.homelink.platform.web;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list of a Homelink API, with the totals of everything the request found. Pages count from 0, as
 * in every Homelink API (the Open Referral API counts from 1, as its profile does).
 */
public record Paged<T>(List<T> items, int page, int size, long totalItems, int totalPages) {

    /** The page of {@code all}, everything the request found. */
    public static <T> Paged<T> of(List<T> all, int page, int size) {
        List<T> items = all.stream().skip((long) page * size).limit(size).toList();
        return of(items, page, size, all.size());
    }

    /** A page a query cut itself, {@code items}, of the {@code totalItems} it found in all. */
    public static <T> Paged<T> of(List<T> items, int page, int size, long totalItems) {
        return new Paged<>(items, page, size, totalItems, (int) ((totalItems + size - 1) / size));
    }

    /** The same page with each item shown otherwise: what is costly to show is worked out for this page only. */
    public <R> Paged<R> map(Function<? super T, ? extends R> show) {
        return new Paged<>(items.stream().<R>map(show).toList(), page, size, totalItems, totalPages);
    }
}

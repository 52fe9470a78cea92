package org.homelink.engagement;

import java.util.Comparator;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Which groups of a breakdown to suppress so that no group under the threshold shows, either itself or as the total
 * less the others: beside the small groups, the next smallest are suppressed too until at least two are and together
 * they reach the threshold, so that subtraction gives only the sum of several, itself no smaller than a group shown.
 * Every report that breaks children or families down (parent voice, attendance) suppresses by this one rule.
 */
public final class SmallGroups {

    private SmallGroups() {
    }

    /**
     * @param sizes      each group's size: pupils, answers
     * @param threshold  the smallest size shown
     * @param totalShown whether the whole is shown; when it is not (it is itself too small), every group is suppressed
     */
    public static <K extends Comparable<K>> Set<K> toSuppress(Map<K, Integer> sizes, int threshold,
                                                              boolean totalShown) {
        Set<K> suppressed = new HashSet<>();
        sizes.forEach((group, size) -> {
            if (!totalShown || size < threshold) {
                suppressed.add(group);
            }
        });
        while (!suppressed.isEmpty() && suppressed.size() < sizes.size()
               && (suppressed.size() < 2 || sizeOf(sizes, suppressed) < threshold)) {
            sizes.entrySet().stream().filter(entry -> !suppressed.contains(entry.getKey()))
                 .min(Map.Entry.<K, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                 .ifPresent(entry -> suppressed.add(entry.getKey()));
        }
        return suppressed;
    }

    private static <K> int sizeOf(Map<K, Integer> sizes, Set<K> groups) {
        return groups.stream().mapToInt(sizes::get).sum();
    }
}

package org.homelink.engagement.reach.query;

import java.util.List;

/**
 * How far a school reached its families in a term.
 *
 * @param schoolUrn     the school
 * @param schoolName    its name
 * @param term          the term counted
 * @param overall       every family on the school's roll
 * @param byYearGroup   families by the year groups of their children at the school
 * @param byBarrier     families by the barriers open now
 * @param byLanguage    families by their carers' preferred languages
 * @param byInvolvement for each of Epstein's types, how many families an activity or contact of that type reached
 */
public record ReachReport(String schoolUrn, String schoolName, Term term, Reach overall, List<Split> byYearGroup,
                          List<Split> byBarrier, List<Split> byLanguage, List<Split> byInvolvement) {

    /**
     * The families of one group and how many of them the school reached.
     *
     * @param families           how many families
     * @param withTwoWayContact  how many had at least one two-way contact in the term
     * @param twoWayShare        that as a share of {@code families}, 0 to 1, to three places
     * @param attended           how many came to at least one activity in the term
     * @param attendedShare      that as a share, 0 to 1
     * @param attendances        how many occurrences families of the group came to, counted per family
     */
    public record Reach(int families, int withTwoWayContact, double twoWayShare, int attended, double attendedShare,
                        int attendances) {
    }

    /** One group of a split: the value (a year group, a barrier, a language, a type) and its reach. */
    public record Split(String value, Reach reach) {
    }
}

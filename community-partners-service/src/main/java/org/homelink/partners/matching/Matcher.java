package org.homelink.partners.matching;

import org.homelink.partners.directory.query.ServiceView;
import org.homelink.partners.geography.Coordinates;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Ranks the active services of a need's category for one family, and says of each why: whether it is offered in a
 * language the family asked for, whether the children's ages are within its eligibility, how far its nearest place
 * is, whether it has room for another referral, and whether it opens on a day the family can come.
 * <p>
 * Each criterion weighs in, out of 100: language 30, ages 25, distance 25 (full within a kilometre, nothing from
 * 20 km), capacity 10, opening days 10. A criterion the service or the need says nothing about is unknown and
 * counts half, so that an entry with less detail is neither hidden nor put first. Ties go to the nearer, then by
 * name. Pure and in memory: the benchmark measures exactly this.
 */
public final class Matcher {

    static final double LANGUAGE = 30;
    static final double AGES = 25;
    static final double DISTANCE = 25;
    static final double CAPACITY = 10;
    static final double OPENING = 10;
    static final double NEAR_KM = 1;
    static final double FAR_KM = 20;

    /**
     * What matching needs to know of a need and its family.
     *
     * @param languages     BCP 47 tags the family asked for; empty when any will do
     * @param area          the family's area, or null when unknown
     * @param childrensAges the ages of the family's children at school
     * @param availableDays {@code MO} to {@code SU}; empty when any day will do
     */
    public record Need(List<String> languages, Coordinates area, List<Integer> childrensAges,
                       Set<String> availableDays) {
    }

    /**
     * One criterion of a match.
     *
     * @param criterion {@code category}, {@code language}, {@code ages}, {@code distance}, {@code capacity} or
     *                  {@code opening}
     * @param met       true, false, or null when unknown
     * @param detail    why, in words
     */
    public record Criterion(String criterion, Boolean met, String detail) {
    }

    /**
     * A service ranked for a need.
     *
     * @param score      out of 100
     * @param distanceKm to its nearest place, or null when unknown
     */
    public record Match(String serviceId, String organisationId, String serviceName, double score, Double distanceKm,
                        List<Criterion> criteria) {
    }

    /**
     * @param candidates     the services of the need's category
     * @param openReferrals  how many referrals each service has open now, by service id
     * @param limit          how many to answer
     */
    public List<Match> rank(String category, Need need, List<ServiceView> candidates,
                            Map<String, Integer> openReferrals, int limit) {
        List<Match> matches = new ArrayList<>();
        for (ServiceView service : candidates) {
            if (service.active()) {
                matches.add(match(category, need, service, openReferrals.getOrDefault(service.serviceId(), 0)));
            }
        }
        matches.sort(Comparator.comparingDouble(Match::score).reversed()
                               .thenComparing(Match::distanceKm, Comparator.nullsLast(Comparator.naturalOrder()))
                               .thenComparing(Match::serviceName).thenComparing(Match::serviceId));
        return matches.size() > limit ? List.copyOf(matches.subList(0, limit)) : matches;
    }

    private static Match match(String category, Need need, ServiceView service, int open) {
        List<Criterion> criteria = new ArrayList<>(6);
        criteria.add(new Criterion("category", true, "Offers " + category));
        double score = language(need, service, criteria) + ages(need, service, criteria) + capacity(service, open,
                                                                                                     criteria)
                       + opening(need, service, criteria);
        Double distance = nearest(need, service);
        if (distance == null) {
            criteria.add(new Criterion("distance", null, need.area() == null ? "The family's area is not known"
                                                                             : "The service gives no place with a position"));
            score += DISTANCE / 2;
        } else {
            boolean near = distance <= FAR_KM / 2;
            criteria.add(new Criterion("distance", near, String.format(Locale.UK, "%.1f km to its nearest place",
                                                                        distance)));
            score += DISTANCE * Math.max(0, Math.min(1, (FAR_KM - distance) / (FAR_KM - NEAR_KM)));
        }
        return new Match(service.serviceId(), service.organisationId(), service.name(),
                         Math.round(score * 10) / 10.0, distance == null ? null : Math.round(distance * 10) / 10.0,
                         List.copyOf(criteria));
    }

    private static double language(Need need, ServiceView service, List<Criterion> criteria) {
        if (need.languages().isEmpty()) {
            criteria.add(new Criterion("language", null, "The family asked for no language"));
            return LANGUAGE / 2;
        }
        if (service.languages().isEmpty()) {
            criteria.add(new Criterion("language", null, "The service does not say which languages it offers"));
            return LANGUAGE / 2;
        }
        for (String wanted : need.languages()) {
            for (String offered : service.languages()) {
                if (primary(wanted).equals(primary(offered))) {
                    criteria.add(new Criterion("language", true, "Offered in " + offered));
                    return LANGUAGE;
                }
            }
        }
        criteria.add(new Criterion("language", false, "Offered only in " + String.join(", ", service.languages())));
        return 0;
    }

    private static String primary(String tag) {
        int dash = tag.indexOf('-');
        return (dash < 0 ? tag : tag.substring(0, dash)).toLowerCase(Locale.ROOT);
    }

    private static double ages(Need need, ServiceView service, List<Criterion> criteria) {
        if (need.childrensAges().isEmpty() || service.minimumAge() == null && service.maximumAge() == null) {
            criteria.add(new Criterion("ages", null, need.childrensAges().isEmpty()
                    ? "No child's age is known" : "The service gives no age range"));
            return AGES / 2;
        }
        double minimum = service.minimumAge() == null ? 0 : service.minimumAge();
        double maximum = service.maximumAge() == null ? Double.MAX_VALUE : service.maximumAge();
        long eligible = need.childrensAges().stream().filter(age -> age >= minimum && age <= maximum).count();
        String range = "for ages " + format(service.minimumAge()) + " to " + format(service.maximumAge());
        if (eligible == 0) {
            criteria.add(new Criterion("ages", false, "No child is of an age it serves, " + range));
            return 0;
        }
        criteria.add(new Criterion("ages", true, eligible + " of " + need.childrensAges().size()
                                                 + " children are of an age it serves, " + range));
        return AGES * eligible / need.childrensAges().size();
    }

    private static String format(Double age) {
        return age == null ? "any" : age % 1 == 0 ? String.valueOf(age.intValue()) : String.valueOf(age);
    }

    private static double capacity(ServiceView service, int open, List<Criterion> criteria) {
        if (service.capacity() == null) {
            criteria.add(new Criterion("capacity", null, "The service does not say how many referrals it takes"));
            return CAPACITY / 2;
        }
        boolean room = open < service.capacity();
        criteria.add(new Criterion("capacity", room, open + " of " + service.capacity() + " places taken"));
        return room ? CAPACITY : 0;
    }

    private static double opening(Need need, ServiceView service, List<Criterion> criteria) {
        if (need.availableDays().isEmpty() || service.openings().stream().allMatch(o -> o.days().isEmpty())) {
            criteria.add(new Criterion("opening", null, need.availableDays().isEmpty()
                    ? "The family can come any day" : "The service gives no opening days"));
            return OPENING / 2;
        }
        for (ServiceView.Opening opening : service.openings()) {
            for (String day : opening.days()) {
                if (need.availableDays().contains(day)) {
                    criteria.add(new Criterion("opening", true, "Open on " + day + " when the family can come"));
                    return OPENING;
                }
            }
        }
        criteria.add(new Criterion("opening", false, "Not open on a day the family can come"));
        return 0;
    }

    private static Double nearest(Need need, ServiceView service) {
        if (need.area() == null) {
            return null;
        }
        Double nearest = null;
        for (ServiceView.Place place : service.places()) {
            if (place.hasCoordinates()) {
                double km = need.area().kilometresTo(new Coordinates(place.latitude(), place.longitude()));
                nearest = nearest == null ? km : Math.min(nearest, km);
            }
        }
        return nearest;
    }
}

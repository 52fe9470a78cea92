package org.homelink.partners.matching;

import org.homelink.partners.directory.query.DirectoryProjection;
import org.homelink.partners.directory.query.ServiceView;
import org.homelink.partners.geography.Coordinates;
import org.homelink.partners.geography.UkPostcode;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every service of the directory in memory, by support category, for matching: the embedded store scans for
 * anything but an id, and matching a need reads hundreds of services, so it reads them from here.
 * <p>
 * The index follows the directory's read model, whichever instance's processor wrote it: before each use it reads
 * the directory's count of service changes (one document, by id) and, when it has moved, loads the services changed
 * since. When the directory is rebuilt the count starts again, and the index loads it all again.
 * <p>
 * It is also this service's gazetteer: a postcode's coordinates are those of the directory's own locations with
 * that postcode, or else the middle of those in its district. That is an approximation, documented as such, that
 * needs nothing from outside: a postcode of a district where the directory has no location is not known.
 */
@Component
public class ServiceIndex {

    private final DirectoryProjection directory;
    private final Map<String, ServiceView> services = new ConcurrentHashMap<>();
    private volatile Snapshot snapshot = new Snapshot(Map.of(), Map.of());
    private long loadedUpTo = -1;

    public ServiceIndex(DirectoryProjection directory) {
        this.directory = directory;
    }

    private record Snapshot(Map<String, List<ServiceView>> byCategory, Map<String, Coordinates> places) {
    }

    /** The services tagged with a support category, active or not. */
    public List<ServiceView> inCategory(String category) {
        refresh();
        return snapshot.byCategory().getOrDefault(category, List.of());
    }

    /** Where a postcode or a district is, as far as the directory's own locations tell. */
    public Optional<Coordinates> locate(UkPostcode postcode) {
        refresh();
        Coordinates exact = snapshot.places().get(postcode.toString());
        return Optional.ofNullable(exact != null ? exact : snapshot.places().get(postcode.outwardCode()));
    }

    private synchronized void refresh() {
        long now = directory.changeNumber();
        if (now == loadedUpTo) {
            return;
        }
        if (now < loadedUpTo) {
            services.clear(); // the directory was rebuilt
            loadedUpTo = -1;
        }
        long highest = loadedUpTo;
        for (ServiceView service : directory.changedSince(loadedUpTo)) {
            services.put(service.serviceId(), service);
            highest = Math.max(highest, service.changeNumber());
        }
        // The highest change read, not the count: a change counted but not yet written is read next time.
        loadedUpTo = highest;
        snapshot = snapshot(services.values());
    }

    private static Snapshot snapshot(Collection<ServiceView> services) {
        Map<String, List<ServiceView>> byCategory = new HashMap<>();
        Map<String, double[]> sums = new HashMap<>();
        for (ServiceView service : services) {
            service.categories().forEach(category -> byCategory.computeIfAbsent(category, c -> new ArrayList<>())
                                                                .add(service));
            for (ServiceView.Place place : service.places()) {
                if (place.hasCoordinates() && place.postcode() != null) {
                    add(sums, place.postcode(), place);
                    add(sums, place.outwardCode(), place);
                }
            }
        }
        Map<String, Coordinates> places = new HashMap<>();
        sums.forEach((code, sum) -> places.put(code, new Coordinates(sum[0] / sum[2], sum[1] / sum[2])));
        return new Snapshot(Map.copyOf(byCategory), Map.copyOf(places));
    }

    private static void add(Map<String, double[]> sums, String code, ServiceView.Place place) {
        double[] sum = sums.computeIfAbsent(code, c -> new double[3]);
        sum[0] += place.latitude();
        sum[1] += place.longitude();
        sum[2]++;
    }
}

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

/**
 * Every service of the directory in memory, by support category, for matching: the embedded store scans for
 * anything but an id, and matching a need reads hundreds of services, so it reads them from here.
 * <p>
 * The index follows the directory's read model, whichever instance's processor wrote it: once for each request
 * ({@link #current()}) it reads the directory's count of service changes (one document, by id) and, when it has
 * moved, loads the services changed since. When the directory is rebuilt the count starts again, and the index
 * loads it all again. Catching up by the highest change read is right only while changes are written in the order
 * they are numbered: so the {@code partner-directory} processor keeps to one segment.
 * <p>
 * It is also this service's gazetteer: a postcode's coordinates are those of the directory's own locations with
 * that postcode, or else the middle of those in its district. That is an approximation, documented as such, that
 * needs nothing from outside: a postcode of a district where the directory has no location is not known.
 */
@Component
public class ServiceIndex {

    private final DirectoryProjection directory;
    /** Every service loaded, by id: only {@link #refresh(long)} touches it, under the lock. */
    private final Map<String, ServiceView> services = new HashMap<>();
    private volatile Snapshot snapshot = new Snapshot(Map.of(), Map.of());
    /** Written after {@link #snapshot}, so that whoever sees it moved sees the snapshot it stands for. */
    private volatile long loadedUpTo = -1;

    public ServiceIndex(DirectoryProjection directory) {
        this.directory = directory;
    }

    /** The directory as the index holds it at one moment: one request asks all it needs of the same one. */
    public record Snapshot(Map<String, List<ServiceView>> byCategory, Map<String, Coordinates> places) {

        /** The services tagged with a support category, active or not. */
        public List<ServiceView> inCategory(String category) {
            return byCategory.getOrDefault(category, List.of());
        }

        /** Where a postcode or a district is, as far as the directory's own locations tell. */
        public Optional<Coordinates> locate(UkPostcode postcode) {
            Coordinates exact = places.get(postcode.toString());
            return Optional.ofNullable(exact != null ? exact : places.get(postcode.outwardCode()));
        }
    }

    /** The directory as it stands now: one read of its count of changes, and a load only when that has moved. */
    public Snapshot current() {
        // Read outside the lock: requests that find nothing changed, nearly all of them, never wait on one another.
        long now = directory.changeNumber();
        if (now != loadedUpTo) {
            refresh(now);
        }
        return snapshot;
    }

    private synchronized void refresh(long now) {
        if (now < loadedUpTo) {
            // Rebuilt, or read before another request loaded past it: only asking again tells which.
            now = directory.changeNumber();
            if (now < loadedUpTo) {
                services.clear(); // the directory was rebuilt
                loadedUpTo = -1;
            }
        }
        if (now == loadedUpTo) {
            return; // another request loaded it meanwhile
        }
        long highest = loadedUpTo;
        for (ServiceView service : directory.changedSince(loadedUpTo)) {
            services.put(service.serviceId(), service);
            highest = Math.max(highest, service.changeNumber());
        }
        snapshot = snapshot(services.values());
        // The highest change read, not the count: a change counted but not yet written is read next time.
        loadedUpTo = highest;
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

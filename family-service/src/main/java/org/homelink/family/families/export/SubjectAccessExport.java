package org.homelink.family.families.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.homelink.family.families.export.FamilyExport.ExportedEvent;
import org.homelink.family.families.query.FamilyDetail;
import org.homelink.platform.eventstore.MongoEventLogEngine;
import org.homelink.platform.eventstore.StoredEvent;
import org.homelink.platform.privacy.FamilyDataOpener;
import org.homelink.platform.privacy.FamilyKeys;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Gathers everything held about a family: every event in the shared log that concerns it, from every service, and
 * its current record. An event concerns the family when any value in it is the family's id or one of its carers' or
 * children's ids: the ids are made by the server, so no other value equals one by chance.
 * <p>
 * Events are read as JSON, not as classes: engagement-service's and community-partners-service's own events are not
 * on this service's classpath, and they are held about the family all the same. Upcasters are therefore not applied:
 * an event is shown as it was stored. Finding them scans the whole log, which a request as rare as a subject access
 * request can afford (docs/benchmarks.md).
 */
@Component
public class SubjectAccessExport {

    /** The service that records each package's events, by the start of the event's class name. */
    private static final Map<String, String> SERVICES = Map.of(
            "org.homelink.contracts.family.", "family-service",
            "org.homelink.contracts.school.", "family-service",
            "org.homelink.family.", "family-service",
            "org.homelink.contracts.engagement.", "engagement-service",
            "org.homelink.engagement.", "engagement-service",
            "org.homelink.contracts.partners.", "community-partners-service",
            "org.homelink.partners.", "community-partners-service");
    private static final String CAUSED_BY = "causedBy";

    private final MongoEventLogEngine log;
    private final FamilyDataOpener opener;
    private final FamilyKeys keys;
    private final ObjectMapper json;

    public SubjectAccessExport(MongoEventLogEngine log, FamilyDataOpener opener, FamilyKeys keys, ObjectMapper json) {
        this.log = log;
        this.opener = opener;
        this.keys = keys;
        this.json = json;
    }

    /** The family's export; empty once it is erased, as for a family that never existed. */
    public Optional<FamilyExport> export(FamilyDetail family, String exportedBy, Instant now) {
        if (keys.isErasedInStore(family.familyId())) {
            return Optional.empty();
        }
        Set<String> ids = idsOf(family);
        List<ExportedEvent> events = new ArrayList<>();
        for (StoredEvent stored : log.eventsMentioning(ids)) {
            JsonNode payload = read(stored.payload());
            if (mentions(payload, ids)) {
                events.add(new ExportedEvent(stored.position(), stored.at(), simpleName(stored.payloadType()),
                                             serviceOf(stored.payloadType()), causedBy(stored.metaData()),
                                             opener.openFor(family.familyId(), payload)));
            }
        }
        return Optional.of(new FamilyExport(family.familyId(), now, exportedBy, family, events));
    }

    private static Set<String> idsOf(FamilyDetail family) {
        Set<String> ids = new LinkedHashSet<>();
        ids.add(family.familyId());
        family.carers().forEach(carer -> ids.add(carer.carerId()));
        family.children().forEach(child -> ids.add(child.childId()));
        return ids;
    }

    /** Whether a value anywhere in the tree is one of the ids, exactly: the text search only narrowed the scan. */
    private static boolean mentions(JsonNode node, Set<String> ids) {
        if (node.isTextual()) {
            return ids.contains(node.asText());
        }
        for (JsonNode child : node) {
            if (mentions(child, ids)) {
                return true;
            }
        }
        return false;
    }

    private String causedBy(String metaData) {
        if (metaData == null) {
            return null;
        }
        JsonNode caused = read(metaData).get(CAUSED_BY);
        return caused == null || caused.isNull() ? null : caused.asText();
    }

    private JsonNode read(String stored) {
        try {
            return json.readTree(stored);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An event in the log is not JSON", e);
        }
    }

    static String simpleName(String payloadType) {
        return payloadType.substring(Math.max(payloadType.lastIndexOf('.'), payloadType.lastIndexOf('$')) + 1);
    }

    static String serviceOf(String payloadType) {
        return SERVICES.entrySet().stream().filter(service -> payloadType.startsWith(service.getKey()))
                       .map(Map.Entry::getValue).findFirst().orElse("unknown");
    }
}

package org.homelink.partners.directory.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.homelink.platform.web.InvalidFieldsException;
import org.homelink.platform.web.InvalidFieldsException.FieldProblem;
import org.homelink.partners.directory.OpenReferralDocuments;
import org.homelink.partners.directory.OpenReferralDocuments.ValidOrganisation;
import org.homelink.partners.directory.OpenReferralDocuments.ValidService;
import org.homelink.partners.directory.command.DirectoryCommands;
import org.homelink.partners.directory.command.DirectoryRules;
import org.homelink.partners.directory.command.OrganisationRegister;
import org.homelink.partners.directory.command.OrganisationRegister.KnownOrganisation;
import org.homelink.partners.directory.command.ServiceRegister;
import org.homelink.partners.directory.command.ServiceRegister.KnownService;
import org.homelink.partners.directory.query.DirectoryProjection;
import org.homelink.platform.query.ReadModelCatchUp;
import org.homelink.platform.web.RequestContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.homelink.partners.directory.OpenReferralDocuments.path;

/**
 * Imports an Open Referral UK feed into the directory: a page of the API ({@code {"contents": [...]}}), a list, or
 * a single record, of services (each may nest its organization) or of organizations (each may nest its services).
 * A record with a {@code status} is a service; any other, an organization.
 * <p>
 * The whole feed is checked before anything is stored: against the profile's schemas, against Homelink's own rules,
 * and for who may keep each organisation it names. A feed with any fault stores nothing, and the answer names every
 * record and field at fault. A sound feed registers what is new and revises what differs; a record the directory
 * already holds as the feed gives it records nothing, so importing the same feed again changes nothing.
 */
@Component
class FeedImport {

    private final OpenReferralDocuments documents;
    private final OrganisationRegister organisations;
    private final ServiceRegister services;
    private final CommandGateway commands;
    private final ObjectMapper json;
    private final Clock clock;
    private final ReadModelCatchUp catchUp;

    FeedImport(OpenReferralDocuments documents, OrganisationRegister organisations, ServiceRegister services,
               CommandGateway commands, ObjectMapper json, Clock clock, DirectoryProjection directory,
               @Value("${homelink.partners.read-your-writes-wait:5s}") Duration wait) {
        this.documents = documents;
        this.organisations = organisations;
        this.services = services;
        this.commands = commands;
        this.json = json;
        this.clock = clock;
        this.catchUp = new ReadModelCatchUp("The directory of services", directory::versionOfService, wait);
    }

    /**
     * What an import did.
     *
     * @param organisations counts of organisations registered, revised and left as they were
     * @param services      counts of services published, revised and left as they were
     */
    record ImportReport(Counts organisations, Counts services) {
    }

    record Counts(int added, int revised, int unchanged) {
    }

    ImportReport importFeed(byte[] feed, RequestContext actor) {
        JsonNode root;
        try {
            root = json.readTree(feed);
        } catch (IOException e) {
            throw new InvalidFieldsException(List.of(new FieldProblem("$", "is not JSON")));
        }
        return importFeed(List.of(root), actor);
    }

    /** Imports the pages of one feed, as one import. */
    ImportReport importFeed(List<JsonNode> pages, RequestContext actor) {
        List<FieldProblem> errors = new ArrayList<>();
        Map<String, ValidOrganisation> feedOrganisations = new LinkedHashMap<>();
        Map<String, String> organisationPaths = new LinkedHashMap<>();
        Map<String, ValidService> feedServices = new LinkedHashMap<>();
        Map<String, String> servicePaths = new LinkedHashMap<>();
        for (int p = 0; p < pages.size(); p++) {
            JsonNode root = pages.get(p);
            String prefix = pages.size() > 1 ? "pages[" + p + "]" : "";
            List<Map.Entry<String, JsonNode>> records = records(root, prefix);
            if (records.isEmpty()) {
                errors.add(new FieldProblem(prefix.isEmpty() ? "$" : prefix, "holds no Open Referral record"));
            }
            for (Map.Entry<String, JsonNode> record : records) {
                read(record.getKey(), record.getValue(), errors, feedOrganisations, organisationPaths, feedServices,
                     servicePaths);
            }
        }
        Map<String, Optional<KnownOrganisation>> known = new LinkedHashMap<>();
        for (ValidOrganisation organisation : feedOrganisations.values()) {
            Optional<KnownOrganisation> existing = organisations.find(organisation.organisationId());
            known.put(organisation.organisationId(), existing);
            if (existing.isPresent() && !DirectoryRules.mayKeep(actor, organisation.organisationId(),
                                                                existing.get().owningTrustId())) {
                errors.add(new FieldProblem(path(organisationPaths.get(organisation.organisationId()), "id"),
                                          "is an organisation kept by its own workers and another trust"));
            }
        }
        Map<String, Optional<KnownService>> knownServices = new LinkedHashMap<>();
        for (ValidService service : feedServices.values()) {
            String at = servicePaths.get(service.serviceId());
            Optional<KnownOrganisation> organisation = known.computeIfAbsent(service.organisationId(),
                                                                             organisations::find);
            if (organisation.isEmpty() && !feedOrganisations.containsKey(service.organisationId())) {
                errors.add(new FieldProblem(path(at, "organization_id"),
                                          "names an organisation neither in the feed nor in the directory"));
            } else if (organisation.isPresent() && !feedOrganisations.containsKey(service.organisationId())
                       && !DirectoryRules.mayKeep(actor, service.organisationId(), organisation.get().owningTrustId())) {
                errors.add(new FieldProblem(path(at, "organization_id"),
                                          "is an organisation kept by its own workers and another trust"));
            }
            Optional<KnownService> existing = services.find(service.serviceId());
            knownServices.put(service.serviceId(), existing);
            if (existing.isPresent() && !existing.get().organisationId().equals(service.organisationId())) {
                errors.add(new FieldProblem(path(at, "organization_id"),
                                          "differs from the organisation the service already has"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidFieldsException(errors);
        }
        return store(feedOrganisations, known, feedServices, knownServices, actor);
    }

    private ImportReport store(Map<String, ValidOrganisation> feedOrganisations,
                               Map<String, Optional<KnownOrganisation>> known, Map<String, ValidService> feedServices,
                               Map<String, Optional<KnownService>> knownServices, RequestContext actor) {
        int[] organisationCounts = new int[3];
        for (ValidOrganisation organisation : feedOrganisations.values()) {
            Optional<KnownOrganisation> existing = known.get(organisation.organisationId());
            if (existing.isEmpty()) {
                commands.sendAndWait(new DirectoryCommands.RegisterOrganisation(
                        organisation.organisationId(), organisation.name(), organisation.document(), actor,
                        clock.instant()));
                organisationCounts[0]++;
            } else if (existing.get().name().equals(organisation.name())
                       && organisation.document().equals(existing.get().document())) {
                organisationCounts[2]++;
            } else {
                commands.sendAndWait(new DirectoryCommands.ReviseOrganisation(
                        organisation.organisationId(), null, organisation.name(), organisation.document(), actor,
                        clock.instant()));
                organisationCounts[1]++;
            }
        }
        int[] serviceCounts = new int[3];
        Map<String, Long> versions = new LinkedHashMap<>();
        for (ValidService service : feedServices.values()) {
            Optional<KnownService> existing = knownServices.get(service.serviceId());
            if (existing.isEmpty()) {
                commands.sendAndWait(new DirectoryCommands.PublishService(
                        service.serviceId(), service.organisationId(), service.document(), service.capacity(), actor,
                        clock.instant()));
                versions.put(service.serviceId(), 0L);
                serviceCounts[0]++;
            } else if (existing.get().says(service.document(), service.capacity())) {
                serviceCounts[2]++;
            } else {
                versions.put(service.serviceId(), (Long) commands.sendAndWait(new DirectoryCommands.ReviseService(
                        service.serviceId(), null, service.organisationId(), service.document(), service.capacity(),
                        actor, clock.instant())));
                serviceCounts[1]++;
            }
        }
        versions.forEach(catchUp::await);
        return new ImportReport(new Counts(organisationCounts[0], organisationCounts[1], organisationCounts[2]),
                                new Counts(serviceCounts[0], serviceCounts[1], serviceCounts[2]));
    }

    private void read(String at, JsonNode record, List<FieldProblem> errors,
                      Map<String, ValidOrganisation> feedOrganisations, Map<String, String> organisationPaths,
                      Map<String, ValidService> feedServices, Map<String, String> servicePaths) {
        if (record.has("status")) {
            JsonNode nested = record.get("organization");
            if (nested != null && nested.isObject()) {
                keep(documents.organisation(nested, null, path(at, "organization"), errors),
                     path(at, "organization"), feedOrganisations, organisationPaths);
            }
            ValidService service = documents.service(record, null, null, at, errors);
            if (service != null) {
                feedServices.put(service.serviceId(), service);
                servicePaths.putIfAbsent(service.serviceId(), at);
            }
            return;
        }
        ValidOrganisation organisation = documents.organisation(record, null, at, errors);
        keep(organisation, at, feedOrganisations, organisationPaths);
        JsonNode nested = record.path("services");
        for (int i = 0; i < nested.size(); i++) {
            String serviceAt = path(at, "services[" + i + "]");
            ValidService service = documents.service(nested.get(i), null,
                                                     organisation == null ? null : organisation.organisationId(),
                                                     serviceAt, errors);
            if (service != null) {
                feedServices.put(service.serviceId(), service);
                servicePaths.putIfAbsent(service.serviceId(), serviceAt);
            }
        }
    }

    private static void keep(ValidOrganisation organisation, String at, Map<String, ValidOrganisation> found,
                             Map<String, String> paths) {
        if (organisation != null) {
            found.put(organisation.organisationId(), organisation);
            paths.putIfAbsent(organisation.organisationId(), at);
        }
    }

    /** The records of a feed, each with where it is in the feed. */
    private static List<Map.Entry<String, JsonNode>> records(JsonNode root, String prefix) {
        List<Map.Entry<String, JsonNode>> records = new ArrayList<>();
        JsonNode list = root.isObject() && root.has("contents") ? root.get("contents") : root;
        String base = root.isObject() && root.has("contents") ? path(prefix, "contents") : prefix;
        if (list.isArray()) {
            for (int i = 0; i < list.size(); i++) {
                records.add(Map.entry(base + "[" + i + "]", list.get(i)));
            }
        } else if (list.isObject()) {
            records.add(Map.entry(prefix, list));
        }
        return records;
    }
}

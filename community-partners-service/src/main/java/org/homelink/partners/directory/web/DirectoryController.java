package org.homelink.partners.directory.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.homelink.platform.security.Allowed;
import org.homelink.platform.security.Permission;
import org.homelink.platform.web.InvalidFieldsException;
import org.homelink.platform.web.InvalidFieldsException.FieldProblem;
import org.homelink.platform.web.Paged;
import org.homelink.partners.Roles;
import org.homelink.partners.directory.OpenReferralDocuments;
import org.homelink.partners.directory.OpenReferralDocuments.ValidOrganisation;
import org.homelink.partners.directory.OpenReferralDocuments.ValidService;
import org.homelink.partners.directory.command.DirectoryCommands;
import org.homelink.partners.directory.query.DirectoryProjection;
import org.homelink.partners.directory.query.OrganisationView;
import org.homelink.partners.directory.query.ServiceView;
import org.homelink.platform.query.ReadModelCatchUp;
import org.homelink.platform.web.ExpectedVersion;
import org.homelink.platform.web.NotFoundException;
import org.homelink.platform.web.RequestContext;
import org.homelink.platform.web.Versions;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * The directory kept over HTTP: partner organisations and their services, sent and answered as Open Referral UK
 * documents (with Homelink's {@code capacity} and {@code categories} on a service). Anyone with a request context,
 * staff of any role and partners alike, reads and lists them (the same is public at /openreferral); key workers and
 * leaders add them, and an entry is changed by its organisation's own workers and by the trust that added it.
 */
@RestController
@RequestMapping("/api/partners")
@Tag(name = "Directory", description = "Partner organisations and their support services, in Open Referral UK form")
@Allowed(Permission.DIRECTORY_READ)
class DirectoryController {

    private static final String ORGANISATIONS = "/api/partners/organisations/";
    private static final String SERVICES = "/api/partners/services/";

    private final CommandGateway commands;
    private final OpenReferralDocuments documents;
    private final DirectoryProjection directory;
    private final ReadModelCatchUp organisationsCatchUp;
    private final ReadModelCatchUp servicesCatchUp;
    private final Clock clock;

    DirectoryController(CommandGateway commands, OpenReferralDocuments documents, DirectoryProjection directory,
                        Clock clock, @Value("${homelink.partners.read-your-writes-wait:5s}") Duration wait) {
        this.commands = commands;
        this.documents = documents;
        this.directory = directory;
        this.clock = clock;
        this.organisationsCatchUp = new ReadModelCatchUp("The directory of organisations",
                                                       directory::versionOfOrganisation, wait);
        this.servicesCatchUp = new ReadModelCatchUp("The directory of services", directory::versionOfService, wait);
    }

    @Allowed(Permission.DIRECTORY_KEEP)
    @PostMapping("/organisations")
    @Operation(summary = "Add a partner organisation", description = "An Open Referral UK organization; its id is "
            + "kept when given (a UUID), or made. Key workers and school and trust leaders.")
    ResponseEntity<JsonNode> registerOrganisation(RequestContext actor, @RequestBody JsonNode body) {
        Roles.requireDirectoryEditor(actor);
        ValidOrganisation organisation = documents.organisation(body, UUID.randomUUID().toString());
        commands.sendAndWait(new DirectoryCommands.RegisterOrganisation(
                organisation.organisationId(), organisation.name(), organisation.document(), actor, clock.instant()));
        // Registered and described: two events, so version 1.
        organisationsCatchUp.await(organisation.organisationId(), 1);
        return ResponseEntity.created(URI.create(ORGANISATIONS + organisation.organisationId()))
                             .eTag(Versions.etag(1)).body(documents.read(organisation.document()));
    }

    @GetMapping("/organisations")
    @Operation(summary = "Partner organisations, in order of name",
               description = "Pages from 0. search keeps those with every one of its words in their name or "
                             + "description. The directory is public: staff of any role and partners see the same.")
    Paged<JsonNode> organisations(RequestContext actor,
                                  @RequestParam(required = false) @Size(max = 200) String search,
                                  @RequestParam(defaultValue = "0") @Min(0) int page,
                                  @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return directory.organisations(search, page, size).map(this::view);
    }

    @GetMapping("/organisations/{organisationId}")
    @Operation(summary = "A partner organisation", description = "Its ETag is its version.")
    ResponseEntity<JsonNode> organisation(RequestContext actor, @PathVariable String organisationId) {
        OrganisationView organisation = directory.organisation(organisationId)
                                                 .filter(found -> found.document() != null)
                                                 .orElseThrow(() -> new NotFoundException("No such record"));
        return ResponseEntity.ok().eTag(Versions.etag(organisation.version())).body(view(organisation));
    }

    @Allowed(Permission.DIRECTORY_KEEP)
    @PutMapping("/organisations/{organisationId}")
    @Operation(summary = "Say how a partner organisation now is", description = "Records only what differs. By its "
            + "own workers, or by the key workers and leaders of the trust that added it.")
    ResponseEntity<JsonNode> reviseOrganisation(RequestContext actor, @PathVariable String organisationId,
                                                ExpectedVersion ifMatch, @RequestBody JsonNode body) {
        requireSameId(body, organisationId);
        ValidOrganisation organisation = documents.organisation(body, organisationId);
        long version = (Long) commands.sendAndWait(new DirectoryCommands.ReviseOrganisation(
                organisationId, ifMatch.value(), organisation.name(), organisation.document(), actor,
                clock.instant()));
        organisationsCatchUp.await(organisationId, version);
        return ResponseEntity.ok().eTag(Versions.etag(version)).body(documents.read(organisation.document()));
    }

    @Allowed(Permission.DIRECTORY_KEEP)
    @PostMapping("/services")
    @Operation(summary = "Add a support service of a partner organisation", description = "An Open Referral UK "
            + "service naming its organization_id, with Homelink's capacity (open referrals it takes at once) and "
            + "categories (support category codes) if wanted.")
    ResponseEntity<JsonNode> publishService(RequestContext actor, @RequestBody JsonNode body) {
        ValidService service = documents.service(body, UUID.randomUUID().toString(), null);
        commands.sendAndWait(new DirectoryCommands.PublishService(service.serviceId(), service.organisationId(),
                                                                  service.document(), service.capacity(), actor,
                                                                  clock.instant()));
        servicesCatchUp.await(service.serviceId(), 0);
        return ResponseEntity.created(URI.create(SERVICES + service.serviceId())).eTag(Versions.etag(0))
                             .body(view(service));
    }

    @GetMapping("/services/{serviceId}")
    @Operation(summary = "A support service", description = "Its ETag is its version.")
    ResponseEntity<JsonNode> service(RequestContext actor, @PathVariable String serviceId) {
        ServiceView service = directory.service(serviceId).orElseThrow(() -> new NotFoundException("No such record"));
        return ResponseEntity.ok().eTag(Versions.etag(service.version())).body(view(service));
    }

    @Allowed(Permission.DIRECTORY_KEEP)
    @PutMapping("/services/{serviceId}")
    @Operation(summary = "Say how a support service now is", description = "Records nothing when nothing differs.")
    ResponseEntity<JsonNode> reviseService(RequestContext actor, @PathVariable String serviceId,
                                           ExpectedVersion ifMatch, @RequestBody JsonNode body) {
        requireSameId(body, serviceId);
        ValidService service = documents.service(body, serviceId, null);
        long version = (Long) commands.sendAndWait(new DirectoryCommands.ReviseService(
                serviceId, ifMatch.value(), service.organisationId(), service.document(), service.capacity(), actor,
                clock.instant()));
        servicesCatchUp.await(serviceId, version);
        return ResponseEntity.ok().eTag(Versions.etag(version)).body(view(service));
    }

    private ObjectNode view(OrganisationView organisation) {
        ObjectNode document = documents.read(organisation.document());
        document.put("name", organisation.name());
        return document;
    }

    private ObjectNode view(ServiceView service) {
        return view(documents.read(service.document()), service.capacity(), service.categories());
    }

    /**
     * A service as the directory will show it, from what the command recorded: the read model may not show it yet
     * (the wait gives up in the end), and the change is made all the same.
     */
    private ObjectNode view(ValidService service) {
        ObjectNode document = documents.read(service.document());
        return view(document, service.capacity(), ServiceView.categoriesOf(document));
    }

    private static ObjectNode view(ObjectNode document, Integer capacity, List<String> categories) {
        if (capacity != null) {
            document.put("capacity", capacity);
        }
        document.putPOJO("categories", categories);
        return document;
    }

    private static void requireSameId(JsonNode body, String id) {
        if (body.hasNonNull("id") && !body.get("id").asText().equals(id)) {
            throw new InvalidFieldsException(List.of(new FieldProblem("id", "must be the id in the path, or left out")));
        }
    }
}

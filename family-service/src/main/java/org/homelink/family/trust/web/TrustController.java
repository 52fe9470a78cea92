package org.homelink.family.trust.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.homelink.contracts.school.Phase;
import org.homelink.family.Postcodes;
import org.homelink.family.Roles;
import org.homelink.family.trust.command.TrustCommands;
import org.homelink.family.trust.query.RegisteredTrust;
import org.homelink.family.trust.query.SchoolRegister;
import org.homelink.platform.security.Allowed;
import org.homelink.platform.security.Permission;
import org.homelink.platform.web.NotFoundException;
import org.homelink.platform.web.RequestContext;
import org.homelink.platform.web.StaffOnly;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

/** The register of trusts and schools. Staff see their own trust's register; its leaders keep it. */
@RestController
@RequestMapping("/api/families/trusts")
@Tag(name = "Trusts and schools", description = "The register of trusts and the schools they run")
@Allowed(Permission.SCHOOLS_READ)
class TrustController {

    private static final String TRUSTS = "/api/families/trusts/";

    private final CommandGateway commands;
    private final SchoolRegister register;

    TrustController(CommandGateway commands, SchoolRegister register) {
        this.commands = commands;
        this.register = register;
    }

    record RegisterTrustRequest(
            @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,63}",
                               message = "must be 2 to 64 lower-case letters, digits and hyphens") String trustId,
            @NotBlank @Size(max = 200) String name) {
    }

    record RegisterSchoolRequest(
            @NotBlank @Pattern(regexp = "\\d{6}", message = "must be a DfE URN of six digits") String schoolUrn,
            @NotBlank @Size(max = 200) String name,
            @NotNull Phase phase,
            @NotBlank @Pattern(regexp = Postcodes.PATTERN, message = "must be a UK postcode") String postcode) {
    }

    @Allowed(Permission.SCHOOLS_REGISTER)
    @PostMapping
    @Operation(summary = "Register a trust", description = "By a leader of that trust. 422 when the id is taken.")
    ResponseEntity<RegisteredTrust> registerTrust(RequestContext actor,
                                                  @Valid @RequestBody RegisterTrustRequest request) {
        Roles.requireTrustLeaderOf(actor, request.trustId());
        if (register.trust(request.trustId()).isPresent()) {
            throw new TrustAlreadyRegistered(request.trustId());
        }
        commands.sendAndWait(new TrustCommands.RegisterTrust(request.trustId(), request.name().strip()));
        return ResponseEntity.created(URI.create(TRUSTS + request.trustId())).body(trust(request.trustId()));
    }

    @Allowed(Permission.SCHOOLS_REGISTER)
    @PostMapping("/{trustId}/schools")
    @Operation(summary = "Register a school of the trust", description = "By a leader of the trust.")
    ResponseEntity<RegisteredTrust.School> registerSchool(RequestContext actor, @PathVariable String trustId,
                                                          @Valid @RequestBody RegisterSchoolRequest request) {
        Roles.requireTrustLeaderOf(actor, trustId);
        commands.sendAndWait(new TrustCommands.RegisterSchool(trustId, request.schoolUrn(), request.name().strip(),
                                                              request.phase(),
                                                              Postcodes.normalise(request.postcode())));
        return ResponseEntity.created(URI.create(TRUSTS + trustId + "/schools/" + request.schoolUrn()))
                             .body(school(trustId, request.schoolUrn()));
    }

    @GetMapping("/{trustId}")
    @Operation(summary = "A trust with its schools")
    RegisteredTrust trust(RequestContext actor, @PathVariable String trustId) {
        StaffOnly.require(actor);
        if (!actor.trustId().equals(trustId)) {
            throw new NotFoundException("No such record");
        }
        return trust(trustId);
    }

    @GetMapping("/{trustId}/schools")
    @Operation(summary = "The trust's schools, in the order they joined")
    List<RegisteredTrust.School> schools(RequestContext actor, @PathVariable String trustId) {
        return trust(actor, trustId).schools();
    }

    @GetMapping("/{trustId}/schools/{schoolUrn}")
    @Operation(summary = "One school of the trust")
    RegisteredTrust.School school(RequestContext actor, @PathVariable String trustId,
                                  @PathVariable String schoolUrn) {
        trust(actor, trustId);
        return school(trustId, schoolUrn);
    }

    private RegisteredTrust trust(String trustId) {
        return register.trust(trustId).orElseThrow(() -> new NotFoundException("No such record"));
    }

    private RegisteredTrust.School school(String trustId, String schoolUrn) {
        return trust(trustId).schools().stream().filter(school -> school.schoolUrn().equals(schoolUrn)).findFirst()
                             .orElseThrow(() -> new NotFoundException("No such record"));
    }
}

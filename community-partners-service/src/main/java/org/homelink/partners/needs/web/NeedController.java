package org.homelink.partners.needs.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.homelink.contracts.partners.NeedResolution;
import org.homelink.contracts.partners.SupportCategories;
import org.homelink.contracts.partners.Urgency;
import org.homelink.platform.security.Allowed;
import org.homelink.platform.security.Permission;
import org.homelink.platform.web.Paged;
import org.homelink.partners.Roles;
import org.homelink.partners.directory.Schedules;
import org.homelink.partners.families.FamilyRecords;
import org.homelink.partners.geography.Coordinates;
import org.homelink.partners.geography.UkPostcode;
import org.homelink.partners.matching.Matcher;
import org.homelink.partners.matching.ServiceIndex;
import org.homelink.partners.needs.command.NeedCircumstances;
import org.homelink.partners.needs.command.NeedCommands;
import org.homelink.partners.needs.command.NeedRegister;
import org.homelink.partners.needs.command.NeedRegister.KnownNeed;
import org.homelink.partners.needs.command.NeedRules.NoSuchRecord;
import org.homelink.partners.needs.query.NeedView;
import org.homelink.partners.needs.query.NeedsProjection;
import org.homelink.partners.referrals.query.ReferralsProjection;
import org.homelink.platform.query.ReadModelCatchUp;
import org.homelink.platform.web.Ids;
import org.homelink.platform.web.InvalidFieldsException;
import org.homelink.platform.web.InvalidFieldsException.FieldProblem;
import org.homelink.platform.web.Languages;
import org.homelink.platform.web.RequestContext;
import org.homelink.platform.web.Versions;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Support needs over HTTP, and the services matched to each. Key workers and school and trust leaders of the
 * family's schools only: a need outside them answers 404 exactly as one that does not exist.
 */
@RestController
@RequestMapping("/api/partners/needs")
@Tag(name = "Support needs", description = "Needs raised for families who consented to sharing with partners")
@Allowed(Permission.REFERRALS_MAKE)
class NeedController {


    private final CommandGateway commands;
    private final NeedsProjection needs;
    private final NeedRegister register;
    private final FamilyRecords families;
    private final ServiceIndex index;
    private final ReferralsProjection referrals;
    private final ReadModelCatchUp catchUp;
    private final Clock clock;

    NeedController(CommandGateway commands, NeedsProjection needs, NeedRegister register, FamilyRecords families,
                   ServiceIndex index, ReferralsProjection referrals, Clock clock,
                   @Value("${homelink.partners.read-your-writes-wait:5s}") Duration wait) {
        this.commands = commands;
        this.needs = needs;
        this.register = register;
        this.families = families;
        this.index = index;
        this.referrals = referrals;
        this.clock = clock;
        this.catchUp = new ReadModelCatchUp("The list of support needs", needs::versionOf, wait);
    }

    record RaiseNeedRequest(@NotBlank @Pattern(regexp = Ids.ID, message = Ids.ID_MESSAGE) String familyId,
                            @NotBlank @Pattern(regexp = SupportCategories.CODE_PATTERN,
                                               message = "must be a support category code such as food") String category,
                            @NotNull Urgency urgency,
                            @Size(max = 10) List<@Pattern(regexp = Languages.PATTERN, message = Languages.MESSAGE) String> languages,
                            @Pattern(regexp = UkPostcode.PATTERN, message = "must be a UK postcode or district") String postcode,
                            @DecimalMin("-90") @DecimalMax("90") Double latitude,
                            @DecimalMin("-180") @DecimalMax("180") Double longitude,
                            @Size(max = 7) List<@Pattern(regexp = Schedules.DAY, message = Schedules.DAY_MESSAGE) String> availableDays,
                            @Size(max = 2000) String note) {
    }

    record CloseNeedRequest(@NotNull NeedResolution resolution) {
    }

    /** What a command did: the need and its version, its ETag. */
    record Changed(String needId, long version) {
    }

    /** A need in detail: as raised, with the circumstances recorded for matching. */
    record NeedDetail(String needId, String familyId, String category, Urgency urgency, boolean open,
                      String raisedBy, java.time.Instant raisedAt, NeedCircumstances circumstances, long version) {
    }

    @ModelAttribute
    void pastoralOnly(RequestContext actor) {
        Roles.requirePastoral(actor);
    }

    @PostMapping
    @Operation(summary = "Raise a support need for a family that has consented to sharing with partners")
    ResponseEntity<Changed> raise(RequestContext actor, @Valid @RequestBody RaiseNeedRequest body) {
        if ((body.latitude() == null) != (body.longitude() == null)) {
            // half a position would match as if none were given, silently: say so instead
            throw new InvalidFieldsException(List.of(new FieldProblem(
                    body.latitude() == null ? "latitude" : "longitude", "is needed with the other coordinate")));
        }
        String needId = UUID.randomUUID().toString();
        NeedCircumstances circumstances = new NeedCircumstances(
                body.languages() == null ? List.of() : body.languages().stream().map(Languages::normalise).toList(),
                body.postcode() == null ? null : UkPostcode.parse(body.postcode()).orElseThrow().toString(),
                body.latitude(), body.longitude(),
                body.availableDays() == null ? List.of() : body.availableDays().stream().distinct().toList(),
                body.note());
        commands.sendAndWait(new NeedCommands.RaiseSupportNeed(needId, body.familyId(), body.category(),
                                                               body.urgency(), circumstances, actor, clock.instant()));
        catchUp.await(needId, 0);
        return ResponseEntity.created(URI.create("/api/partners/needs/" + needId)).eTag(Versions.etag(1))
                             .body(new Changed(needId, 1));
    }

    @GetMapping
    @Operation(summary = "The support needs of the caller's schools, newest first", description = "Pages from 0.")
    Paged<NeedView> list(RequestContext actor, @RequestParam(required = false) String familyId,
                         @RequestParam(required = false) Boolean open,
                         @RequestParam(defaultValue = "0") @Min(0) int page,
                         @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return Paged.of(needs.find(actor, familyId, open, page, size), page, size, needs.count(actor, familyId, open));
    }

    @GetMapping("/{needId}")
    @Operation(summary = "A support need in detail")
    ResponseEntity<NeedDetail> need(RequestContext actor, @PathVariable String needId) {
        KnownNeed need = known(actor, needId);
        return ResponseEntity.ok().eTag(Versions.etag(need.version())).body(new NeedDetail(
                needId, need.raised().familyId(), need.raised().category(), need.raised().urgency(), need.open(),
                need.raised().raisedBy(), need.raised().raisedAt(), need.circumstances(), need.version()));
    }

    @PostMapping("/{needId}/closure")
    @Operation(summary = "Close a support need")
    ResponseEntity<Changed> close(RequestContext actor, @PathVariable String needId,
                                  @Valid @RequestBody CloseNeedRequest body) {
        long version = (Long) commands.sendAndWait(new NeedCommands.CloseSupportNeed(needId, body.resolution(), actor,
                                                                                     clock.instant()));
        catchUp.await(needId, version);
        return ResponseEntity.ok().eTag(Versions.etag(version)).body(new Changed(needId, version));
    }

    @GetMapping("/{needId}/matches")
    @Operation(summary = "The services of the need's category, best first, each with why",
               description = "Ranked by language, the children's ages against eligibility, distance, capacity and "
                             + "opening days; see docs/partners.md.")
    List<Matcher.Match> matches(RequestContext actor, @PathVariable String needId,
                                @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
        KnownNeed need = known(actor, needId);
        NeedCircumstances circumstances = Objects.requireNonNullElse(
                need.circumstances(), new NeedCircumstances(List.of(), null, null, null, List.of(), null));
        List<Integer> ages = families.find(need.raised().familyId()).map(family -> family.childrensAges(clock))
                                     .orElse(List.of());
        ServiceIndex.Snapshot directory = index.current();
        var candidates = directory.inCategory(need.raised().category());
        return new Matcher().rank(need.raised().category(),
                                  new Matcher.Need(circumstances.languages(), area(circumstances, directory), ages,
                                                   new HashSet<>(circumstances.availableDays())),
                                  candidates,
                                  referrals.openReferrals(candidates.stream().map(s -> s.serviceId()).toList()),
                                  limit);
    }

    private static Coordinates area(NeedCircumstances circumstances, ServiceIndex.Snapshot directory) {
        if (circumstances.latitude() != null && circumstances.longitude() != null) {
            return new Coordinates(circumstances.latitude(), circumstances.longitude());
        }
        return UkPostcode.parse(circumstances.postcode()).flatMap(directory::locate).orElse(null);
    }

    private KnownNeed known(RequestContext actor, String needId) {
        return register.find(needId).filter(need -> actor.covers(need.raised().trustId(), need.raised().schoolUrns()))
                       .orElseThrow(NoSuchRecord::new);
    }
}

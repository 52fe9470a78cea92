package org.homelink.engagement.families.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import org.homelink.engagement.families.query.EngagementFamily;
import org.homelink.engagement.families.query.EngagementTimeline;
import org.homelink.engagement.families.query.FamilyEngagementProjection;
import org.homelink.engagement.families.query.SchoolRoll;
import org.homelink.platform.security.Allowed;
import org.homelink.platform.security.Permission;
import org.homelink.platform.web.NotFoundException;
import org.homelink.platform.web.RequestContext;
import org.homelink.platform.web.StaffOnly;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import static org.homelink.platform.web.Ids.URN;
import static org.homelink.platform.web.Ids.URN_MESSAGE;

/** The families on a school's roll, a family as engagement-service sees it, and its engagement timeline. */
@RestController
@RequestMapping("/api/engagement/families")
@Tag(name = "Families", description = "Each family's engagement with the school")
@Allowed(Permission.FAMILIES_READ)
class FamilyEngagementController {

    private final FamilyEngagementProjection directory;
    private final EngagementTimeline timeline;

    FamilyEngagementController(FamilyEngagementProjection directory, EngagementTimeline timeline) {
        this.directory = directory;
        this.timeline = timeline;
    }

    /** The family, and when it last took part in something with the school. */
    record FamilyEngagementView(EngagementFamily family, Instant lastTwoWayContact) {
    }

    @ModelAttribute
    void staffOnly(RequestContext actor) {
        StaffOnly.require(actor);
    }

    /** A family on a school's roll. */
    record FamilyOnRoll(String familyId, String familyName) {
    }

    @GetMapping
    @Operation(summary = "The families on the roll of one of the caller's schools, by name")
    List<FamilyOnRoll> roll(RequestContext actor,
                            @RequestParam @Pattern(regexp = URN, message = URN_MESSAGE) String school) {
        SchoolRoll roll = directory.rollFor(actor, school)
                                   .orElseThrow(() -> new NotFoundException("No school " + school
                                                                            + " of yours is known here"));
        return directory.families(roll.familyIds()).stream()
                        .map(family -> new FamilyOnRoll(family.familyId(), family.familyName()))
                        .sorted(Comparator.comparing(FamilyOnRoll::familyName,
                                                     Comparator.nullsLast(Comparator.naturalOrder()))
                                          .thenComparing(FamilyOnRoll::familyId))
                        .toList();
    }

    @GetMapping("/{familyId}")
    @Operation(summary = "A family's engagement: carers and how each is best reached, invitations, contacts")
    FamilyEngagementView family(RequestContext actor, @PathVariable String familyId) {
        EngagementFamily family = directory.familyFor(actor, familyId)
                                           .orElseThrow(() -> new NotFoundException("No such record"));
        return new FamilyEngagementView(family, family.lastTwoWayContact().orElse(null));
    }

    @GetMapping("/{familyId}/timeline")
    @Operation(summary = "A family's engagement timeline, oldest first, with family-service's history beside it")
    EngagementTimeline.Timeline timeline(RequestContext actor, @PathVariable String familyId) {
        return timeline.of(actor, familyId).orElseThrow(() -> new NotFoundException("No such record"));
    }
}

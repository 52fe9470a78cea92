package org.homelink.engagement.messages.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.homelink.engagement.families.query.EngagementFamily;
import org.homelink.engagement.families.query.FamilyEngagementProjection;
import org.homelink.engagement.messages.command.MessageCommands.ChangeMessageSettings;
import org.homelink.engagement.messages.command.MessageCommands.ChooseDigest;
import org.homelink.engagement.messages.query.RecipientDirectory;
import org.homelink.engagement.messages.query.RecipientDirectory.DigestChoices;
import org.homelink.engagement.messages.query.RecipientDirectory.SchoolSettings;
import org.homelink.platform.query.ReadModelCatchUp;
import org.homelink.platform.security.Allowed;
import org.homelink.platform.security.Permission;
import org.homelink.platform.web.NotFoundException;
import org.homelink.platform.web.NotYourSchool;
import org.homelink.platform.web.RequestContext;
import org.homelink.platform.web.StaffOnly;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * How messages reach families: a school's digest time and weekly limit (its leaders set them), and a family's or a
 * carer's choice of a weekly digest (any member of staff of the family's schools records what the family asked).
 */
@RestController
@RequestMapping("/api/engagement/messages")
@Tag(name = "Messages")
@Allowed(Permission.SCHOOL_SETTINGS)
class MessageSettingsController {

    private final CommandGateway commands;
    private final FamilyEngagementProjection families;
    private final RecipientDirectory directory;
    private final ReadModelCatchUp catchUp;
    private final Clock clock;

    MessageSettingsController(CommandGateway commands, FamilyEngagementProjection families,
                              RecipientDirectory directory, Clock clock,
                              @Value("${homelink.engagement.read-your-writes-wait:5s}") Duration longest) {
        this.commands = commands;
        this.families = families;
        this.directory = directory;
        this.clock = clock;
        this.catchUp = new ReadModelCatchUp("message settings", longest);
    }

    /** A family's digest choices: for all its carers, and the carers who asked for one themselves. */
    record Digest(String familyId, boolean family, List<String> carers) {
    }

    @ModelAttribute
    void staffOnly(RequestContext actor) {
        StaffOnly.require(actor);
    }

    @Allowed({Permission.SCHOOL_SETTINGS, Permission.MESSAGES_SEND})
    @GetMapping("/schools/{schoolUrn}/settings")
    @Operation(summary = "A school's digest day and time (London) and weekly limit of messages per family")
    SchoolSettings settings(RequestContext actor, @PathVariable String schoolUrn) {
        families.rollFor(actor, schoolUrn).orElseThrow(() -> new NotYourSchool(schoolUrn));
        return directory.settings(schoolUrn);
    }

    @PutMapping("/schools/{schoolUrn}/settings")
    @Operation(summary = "Set a school's digest day and time (London) and weekly limit (school and trust leaders)")
    SchoolSettings change(RequestContext actor, @PathVariable String schoolUrn,
                          @Valid @RequestBody MessageRequests.SettingsRequest body) {
        StaffOnly.requireLeader(actor, "set how their school's messages reach families");
        if (!families.isSchoolOfTrust(schoolUrn, actor.trustId())) {
            throw new NotYourSchool(schoolUrn);
        }
        long version = (Long) commands.sendAndWait(new ChangeMessageSettings(
                ChangeMessageSettings.idOf(schoolUrn), schoolUrn, body.digestDay(), body.digestTime(),
                body.weeklyLimit(), actor, clock.instant()));
        catchUp.await(schoolUrn, () -> directory.settings(schoolUrn).version() >= version);
        return directory.settings(schoolUrn);
    }

    @Allowed({Permission.FAMILY_APP, Permission.FAMILIES_EDIT})
    @PutMapping("/families/{familyId}/digest")
    @Operation(summary = "Record that a family, or one carer, asked for one weekly digest (or no longer does)")
    Digest digest(RequestContext actor, @PathVariable String familyId,
                  @Valid @RequestBody MessageRequests.DigestRequest body) {
        EngagementFamily family = families.familyFor(actor, familyId)
                                          .orElseThrow(() -> new NotFoundException("No such family"));
        if (body.carerId() != null && family.carer(body.carerId()).isEmpty()) {
            throw new NotFoundException("No such carer");
        }
        commands.sendAndWait(new ChooseDigest(ChooseDigest.idOf(familyId), familyId, family.trustId(),
                                              family.schoolUrns(), body.carerId(), body.digest(), actor,
                                              clock.instant()));
        catchUp.await(familyId, () -> shows(familyId, body.carerId(), body.digest()));
        return digest(familyId);
    }

    @Allowed({Permission.FAMILY_APP, Permission.FAMILIES_EDIT})
    @GetMapping("/families/{familyId}/digest")
    @Operation(summary = "A family's digest choices")
    Digest digestOf(RequestContext actor, @PathVariable String familyId) {
        families.familyFor(actor, familyId).orElseThrow(() -> new NotFoundException("No such family"));
        return digest(familyId);
    }

    private boolean shows(String familyId, String carerId, boolean digest) {
        Digest now = digest(familyId);
        return carerId == null ? now.family() == digest : now.carers().contains(carerId) == digest;
    }

    private Digest digest(String familyId) {
        DigestChoices choices = directory.digestChoices(List.of(familyId)).get(familyId);
        return choices == null ? new Digest(familyId, false, List.of())
                : new Digest(familyId, choices.family(), choices.carers() == null ? List.of() : choices.carers());
    }
}

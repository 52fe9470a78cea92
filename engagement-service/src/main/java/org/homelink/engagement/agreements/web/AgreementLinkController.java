package org.homelink.engagement.agreements.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.homelink.engagement.agreements.command.AgreementCommands;
import org.homelink.engagement.agreements.command.AgreementCommands.Acknowledged;
import org.homelink.engagement.agreements.events.AgreementEvents.AgreementText;
import org.homelink.engagement.agreements.query.AgreementLink;
import org.homelink.engagement.agreements.query.AgreementProjection;
import org.homelink.engagement.agreements.query.AgreementView;
import org.homelink.engagement.agreements.query.FamilyAgreement;
import org.homelink.engagement.SchoolTime;
import org.homelink.engagement.families.query.EngagementFamily;
import org.homelink.engagement.families.query.FamilyEngagementProjection;
import org.homelink.engagement.voice.command.SurveyRules.UnknownLink;
import org.homelink.engagement.voice.web.PersonalLinks;
import org.homelink.platform.query.ReadModelCatchUp;
import org.homelink.platform.security.SignInNotNeeded;
import org.homelink.platform.web.Languages;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The personal link a carer was sent to acknowledge their school's home-school agreement: the version in force in
 * their language, and their acknowledgement. No sign-in and no request context: the link is the credential, so no
 * handler here takes a {@code RequestContext}, and the gateway lets this path through without one. Nothing here says
 * whose link it is, and an unknown link answers 404 whether or not it ever existed.
 */
@RestController
@RequestMapping(AgreementLinkController.PATH + "{token}")
@Tag(name = "Home-school agreements: the personal link", description = "For families: no sign-in, the link is enough")
@SignInNotNeeded("the family's personal link to the agreement")
class AgreementLinkController {

    static final String PATH = "/api/engagement/agreement-links/";

    private final CommandGateway commands;
    private final AgreementProjection agreements;
    private final FamilyEngagementProjection families;
    private final ReadModelCatchUp catchUp;
    private final Clock clock;

    AgreementLinkController(CommandGateway commands, AgreementProjection agreements,
                            FamilyEngagementProjection families, Clock clock,
                            @Value("${homelink.engagement.read-your-writes-wait:5s}") Duration longest) {
        this.commands = commands;
        this.agreements = agreements;
        this.families = families;
        this.clock = clock;
        this.catchUp = new ReadModelCatchUp("agreement read model", agreements::versionOf, longest);
    }

    /**
     * The version in force, in one language.
     *
     * @param language       the language of {@code text}
     * @param fallback       true when the carer's language has no text and this is the school's fallback
     * @param languages      every language the version is written in, to ask for another with {@code ?language=}
     * @param changes        what changed since the version before, or null for the first
     * @param acknowledgedAt when this carer acknowledged this version, or null if they have not yet
     */
    record AgreementForFamilies(String title, int version, LocalDate takesEffect, String language, boolean fallback,
                                List<String> languages, String text, String changes, Instant acknowledgedAt) {
    }

    /** @param alreadyAcknowledged true when the carer had acknowledged this version before: nothing was recorded */
    record AcknowledgementRecorded(int version, Instant acknowledgedAt, boolean alreadyAcknowledged) {
    }

    @GetMapping
    @Operation(summary = "The agreement in force, in the carer's language or the school's fallback, saying which",
               description = "'language' asks for another language the agreement is written in.")
    AgreementForFamilies agreement(@PathVariable String token,
                                   @RequestParam(required = false)
                                   @Pattern(regexp = Languages.PATTERN, message = Languages.MESSAGE) String language) {
        AgreementLink link = link(token);
        AgreementView agreement = agreements.agreement(link.agreementId()).orElseThrow(UnknownLink::new);
        AgreementView.Version version = agreement.inForce(SchoolTime.today(clock)).orElseThrow(UnknownLink::new);
        String wanted = Languages.normalise(language != null ? language
                : families.family(link.familyId()).flatMap(f -> f.carer(link.carerId()))
                          .map(EngagementFamily.Carer::language).orElse(null));
        AgreementText text = version.textIn(wanted);
        return new AgreementForFamilies(version.title(), version.number(), version.takesEffect(), text.language(),
                                        !text.language().equals(wanted),
                                        version.texts().stream().map(AgreementText::language).toList(), text.text(),
                                        version.changes(), acknowledgedAt(link, version.number()));
    }

    @PostMapping("/acknowledgement")
    @Operation(summary = "Acknowledge the agreement in force",
               description = "Once per version: acknowledging again records nothing and says so. 'version', the one "
                             + "the carer read, is refused (422) when a newer one has taken effect since.")
    AcknowledgementRecorded acknowledge(@PathVariable String token,
                                        @Valid @RequestBody(required = false)
                                        AgreementRequests.LinkAcknowledgementRequest body) {
        AgreementLink link = link(token);
        Acknowledged acknowledged = commands.sendAndWait(new AgreementCommands.AcknowledgeByLink(
                link.agreementId(), link.tokenHash(), body == null ? null : body.version(), clock.instant()));
        catchUp.await(link.agreementId(), acknowledged.aggregateVersion());
        return new AcknowledgementRecorded(acknowledged.version(), acknowledgedAt(link, acknowledged.version()),
                                           acknowledged.already());
    }

    private Instant acknowledgedAt(AgreementLink link, int version) {
        return agreements.family(link.agreementId(), link.familyId()).carer(link.carerId())
                         .flatMap(carer -> carer.acknowledged(version))
                         .map(FamilyAgreement.Acknowledgement::acknowledgedAt).orElse(null);
    }

    private AgreementLink link(String token) {
        return agreements.link(PersonalLinks.hash(token)).orElseThrow(UnknownLink::new);
    }
}

package org.homelink.engagement.voice.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.homelink.contracts.family.YearGroup;
import org.homelink.engagement.families.query.FamilyEngagementProjection;
import org.homelink.engagement.voice.command.SurveyCommands;
import org.homelink.engagement.voice.command.SurveyRules.UnknownLink;
import org.homelink.engagement.voice.events.GivenAnswer;
import org.homelink.engagement.voice.events.Question;
import org.homelink.engagement.voice.query.SurveyLink;
import org.homelink.engagement.voice.query.SurveyView;
import org.homelink.engagement.voice.query.VoiceProjection;
import org.homelink.platform.query.ReadModelCatchUp;
import org.homelink.platform.security.SignInNotNeeded;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The personal link a carer was sent: the survey to answer, and what the school did about what families said. No
 * sign-in and no request context: the link is the credential, so no handler here takes a {@code RequestContext}
 * (which would ask for the staff headers), and the gateway lets this path through without them. Nothing here says
 * whose link it is, and an unknown link answers 404 exactly as a link of a survey that does not exist.
 */
@RestController
@RequestMapping("/api/engagement/voice/{token}")
@Tag(name = "Parent voice: the personal link", description = "For families: no sign-in, the link is enough")
@SignInNotNeeded("the carer's personal link to the survey")
class VoiceController {

    private final CommandGateway commands;
    private final VoiceProjection voice;
    private final FamilyEngagementProjection families;
    private final ReadModelCatchUp catchUp;
    private final Clock clock;

    VoiceController(CommandGateway commands, VoiceProjection voice, FamilyEngagementProjection families, Clock clock,
                    @Value("${homelink.engagement.read-your-writes-wait:5s}") Duration longest) {
        this.commands = commands;
        this.voice = voice;
        this.families = families;
        this.clock = clock;
        this.catchUp = new ReadModelCatchUp("survey read model", voice::versionOf, longest);
    }

    /**
     * @param open         whether it takes answers now
     * @param youSaidWeDid what the school is doing about what families said, with where each action has got to
     */
    record SurveyForFamilies(String title, List<Question> questions, boolean open, Instant closesAt,
                             List<SurveyView.Action> youSaidWeDid) {
    }

    record Answered(boolean open, Instant closesAt) {
    }

    @GetMapping
    @Operation(summary = "The survey this link is for, and \"you said, we did\"")
    SurveyForFamilies survey(@PathVariable String token) {
        SurveyView survey = surveyOf(link(token));
        return new SurveyForFamilies(survey.title(), survey.questions(), survey.openAt(clock.instant()),
                                     survey.closesAt(), survey.actions());
    }

    @PutMapping("/answer")
    @Operation(summary = "Answer the survey; answering again before it closes replaces the earlier answer")
    Answered answer(@PathVariable String token, @Valid @RequestBody SurveyRequests.AnswersRequest body) {
        SurveyLink link = link(token);
        // The family's year groups at the school as they are now, so results group answers as the school is today.
        Set<YearGroup> yearGroups = families.family(link.familyId()).map(f -> f.yearGroupsAt(link.schoolUrn()))
                                            .orElse(Set.of());
        List<GivenAnswer> answers = body.answers().stream()
                                        .map(a -> new GivenAnswer(a.questionId(), a.scale(), a.text())).toList();
        catchUp.sendAndAwait(commands, link.surveyId(), new SurveyCommands.AnswerSurvey(
                link.surveyId(), link.tokenHash(), answers, yearGroups, clock.instant()));
        SurveyView survey = surveyOf(link);
        return new Answered(survey.openAt(clock.instant()), survey.closesAt());
    }

    private SurveyLink link(String token) {
        return voice.link(PersonalLinks.hash(token)).orElseThrow(UnknownLink::new);
    }

    private SurveyView surveyOf(SurveyLink link) {
        return voice.survey(link.surveyId()).orElseThrow(UnknownLink::new);
    }
}

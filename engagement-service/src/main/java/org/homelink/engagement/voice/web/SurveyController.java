package org.homelink.engagement.voice.web;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.homelink.engagement.activities.command.ActivityCommands.Invitee;
import org.homelink.engagement.activities.query.ActivityQueries;
import org.homelink.engagement.activities.web.Audience;
import org.homelink.engagement.families.query.FamilyEngagementProjection;
import org.homelink.engagement.messages.query.PendingLinks.LinkFor;
import org.homelink.engagement.messages.web.LinkMessages;
import org.homelink.engagement.messages.web.MessageRequests.LinkSendingRequest;
import org.homelink.engagement.voice.command.SurveyCommands;
import org.homelink.engagement.voice.command.SurveyRules.SurveyNotFound;
import org.homelink.engagement.voice.events.ActionStatus;
import org.homelink.engagement.voice.events.Question;
import org.homelink.engagement.voice.events.SurveyEvents.Recipient;
import org.homelink.engagement.voice.query.SurveyLink;
import org.homelink.engagement.voice.query.SurveyResults;
import org.homelink.engagement.voice.query.SurveyView;
import org.homelink.engagement.voice.query.VoiceProjection;
import org.homelink.platform.query.ReadModelCatchUp;
import org.homelink.platform.security.Allowed;
import org.homelink.platform.security.Permission;
import org.homelink.platform.web.ExpectedVersion;
import org.homelink.platform.web.NotYourSchool;
import org.homelink.platform.web.RequestContext;
import org.homelink.platform.web.Role;
import org.homelink.platform.web.RuleBrokenException;
import org.homelink.platform.web.StaffOnly;
import org.homelink.platform.web.Versions;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Parent voice surveys for staff: questions as data (Parent View's twelve statements as a template to copy and
 * edit), sending to an audience with a personal link for each carer, results with small groups suppressed, and "you
 * said, we did". Every command answers once the survey's read model shows it (read-your-writes).
 */
@RestController
@RequestMapping("/api/engagement/surveys")
@Tag(name = "Parent voice", description = "Surveys, personal links, results and \"you said, we did\"")
@Allowed(Permission.SURVEYS_RUN)
class SurveyController {

    private static final String SURVEYS = "/api/engagement/surveys/";

    private final CommandGateway commands;
    private final VoiceProjection voice;
    private final FamilyEngagementProjection families;
    private final Audience audience;
    private final LinkMessages linkMessages;
    private final ReadModelCatchUp catchUp;
    private final Clock clock;
    private final List<Question> parentView;

    SurveyController(CommandGateway commands, VoiceProjection voice, FamilyEngagementProjection families,
                     Audience audience, LinkMessages linkMessages, Clock clock, ObjectMapper json,
                     @Value("${homelink.engagement.read-your-writes-wait:5s}") Duration longest) {
        this.commands = commands;
        this.voice = voice;
        this.families = families;
        this.audience = audience;
        this.linkMessages = linkMessages;
        this.clock = clock;
        this.catchUp = new ReadModelCatchUp("survey read model", voice::versionOf, longest);
        try (InputStream template = new ClassPathResource("voice/parent-view.json").getInputStream()) {
            this.parentView = List.copyOf(json.readValue(template, new TypeReference<List<Question>>() { }));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record Changed(String surveyId, long version) {
    }

    /** A carer's personal link, to be sent by their channel in their language (or told by staff). */
    record PersonalLink(String familyId, String carerId, String schoolUrn, String channel, String language,
                        boolean byStaff, String link) {
    }

    /**
     * What sending did. Without a message the links are shown here once and never again: only their hashes are
     * kept. With one they go in it, each to its carer, and are not shown here.
     *
     * @param sent          carers newly sent the survey, by channel and language
     * @param matched       families the audience matched, those sent it before included
     * @param withoutCarers families matched with no carer on record
     * @param messageId     the message that delivers the links, when there is one
     */
    record Sent(String surveyId, int matched, List<String> withoutCarers, List<PersonalLink> sent, String messageId,
                long version) {
    }

    @ModelAttribute
    void staffOnly(RequestContext actor) {
        StaffOnly.require(actor);
    }

    @GetMapping("/templates/parent-view")
    @Operation(summary = "Parent View's twelve statements, to copy into a survey and edit")
    List<Question> parentView() {
        return parentView;
    }

    @PostMapping
    @Operation(summary = "Create a survey for one or more of the caller's schools, from a template or from scratch")
    ResponseEntity<Changed> create(RequestContext actor, @Valid @RequestBody SurveyRequests.CreateSurveyRequest body) {
        for (String school : new TreeSet<>(body.schoolUrns())) {
            if (!families.isSchoolOfTrust(school, actor.trustId())) {
                throw new NotYourSchool(school);
            }
        }
        List<Question> questions = new ArrayList<>("PARENT_VIEW".equals(body.template()) ? parentView : List.of());
        questions.addAll(questions(body.questions(), questions.size()));
        String surveyId = UUID.randomUUID().toString();
        long version = send(surveyId, new SurveyCommands.CreateSurvey(
                surveyId, List.copyOf(new TreeSet<>(body.schoolUrns())), body.title().strip(), questions, actor, now()));
        return ResponseEntity.created(URI.create(SURVEYS + surveyId)).eTag(Versions.etag(version))
                             .body(new Changed(surveyId, version));
    }

    @Allowed({Permission.SURVEYS_RUN, Permission.SURVEY_RESULTS_READ})
    @GetMapping
    @Operation(summary = "The surveys of the caller's schools")
    List<SurveyView> list(RequestContext actor) {
        return voice.surveysOfTrust(actor.trustId()).stream()
                    .filter(s -> actor.covers(s.trustId(), s.schoolUrns()))
                    .sorted(Comparator.comparing(SurveyView::createdAt).reversed()).toList();
    }

    @Allowed({Permission.SURVEYS_RUN, Permission.SURVEY_RESULTS_READ})
    @GetMapping("/{surveyId}")
    @Operation(summary = "A survey: its questions, stage and \"you said, we did\" actions",
               description = "Its ETag is the survey's version.")
    ResponseEntity<SurveyView> survey(RequestContext actor, @PathVariable String surveyId) {
        SurveyView survey = visible(actor, surveyId);
        return ResponseEntity.ok().eTag(Versions.etag(survey.version())).body(survey);
    }

    @PutMapping("/{surveyId}/questions")
    @Operation(summary = "Edit a survey's title and questions until it opens")
    ResponseEntity<Changed> revise(RequestContext actor, @PathVariable String surveyId, ExpectedVersion ifMatch,
                                   @Valid @RequestBody SurveyRequests.ReviseSurveyRequest body) {
        return changed(surveyId, new SurveyCommands.ReviseSurvey(surveyId, ifMatch.value(), body.title().strip(),
                                                                 questions(body.questions(), 0), actor, now()));
    }

    @PostMapping("/{surveyId}/opening")
    @Operation(summary = "Open a survey until closesAt: its questions are fixed from now on")
    ResponseEntity<Changed> open(RequestContext actor, @PathVariable String surveyId,
                                 @Valid @RequestBody SurveyRequests.OpenSurveyRequest body) {
        return changed(surveyId, new SurveyCommands.OpenSurvey(surveyId, body.closesAt(), actor, now()));
    }

    @PostMapping("/{surveyId}/closing")
    @Operation(summary = "Close a survey before its time: it takes no more answers")
    ResponseEntity<Changed> close(RequestContext actor, @PathVariable String surveyId) {
        return changed(surveyId, new SurveyCommands.CloseSurvey(surveyId, actor, now()));
    }

    @PostMapping("/{surveyId}/recipients")
    @Operation(summary = "Send an open survey to an audience: each carer gets a personal link",
               description = "As invitations to activities: by name, year groups, barriers, languages, a key "
                             + "worker's caseload, or everyone; the survey's own schools' rolls unless 'schools' "
                             + "narrows them. A carer sent the survey before is not sent a second link. With "
                             + "'message' (texts as a message's, each body with {link} where the link goes) the "
                             + "links go as that message, each carer's by their route and in their language; "
                             + "without it they are in this answer only, by channel and language, for delivery to "
                             + "take on.")
    Sent sendTo(RequestContext actor, @PathVariable String surveyId, @Valid @RequestBody LinkSendingRequest request) {
        Audience.Criteria body = request.audience();
        SurveyView survey = visible(actor, surveyId);
        Set<String> schools = body.schools() == null || body.schools().isEmpty()
                ? new TreeSet<>(survey.schoolUrns()) : new TreeSet<>(body.schools());
        if (!survey.schoolUrns().containsAll(schools)) {
            throw new RuleBrokenException("schools", "The survey is for " + String.join(", ", survey.schoolUrns()));
        }
        Audience.Resolved resolved = audience.resolve(actor, survey.trustId(), survey.schoolUrns().get(0),
                new Audience.Criteria(schools, body.familyIds(), body.yearGroups(), body.barriers(),
                                      body.languages(), body.keyWorker(), body.everyone()));
        Map<String, String> schoolOf = audience.schoolOfEach(schools);
        List<Recipient> recipients = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        for (Invitee invitee : resolved.invitees()) {
            String school = schoolOf.get(invitee.familyId());
            if (school == null) {
                continue; // left the schools' rolls since the audience was drawn: not sent the survey
            }
            invitee.carers().forEach(carer -> {
                String token = PersonalLinks.newToken();
                tokens.add(token);
                recipients.add(new Recipient(invitee.familyId(), carer.carerId(), school, PersonalLinks.hash(token),
                                             UUID.randomUUID().toString(), carer.channel(), carer.language(),
                                             ActivityQueries.byStaff(carer)));
            });
        }
        LinkMessages.Draft message = linkMessages.draft(actor, schools, request.message());
        SurveyCommands.Sent sent;
        try {
            sent = commands.sendAndWait(new SurveyCommands.SendSurvey(
                    surveyId, recipients, resolved.description(), actor, now()));
        } catch (RuntimeException e) {
            message.discard();
            throw e;
        }
        catchUp.await(surveyId, sent.version());
        Set<String> fresh = sent.recipients().stream().map(Recipient::tokenHash).collect(Collectors.toSet());
        List<PersonalLink> links = new ArrayList<>();
        for (int i = 0; i < recipients.size(); i++) {
            Recipient r = recipients.get(i);
            if (fresh.contains(r.tokenHash())) {
                links.add(new PersonalLink(r.familyId(), r.carerId(), r.schoolUrn(),
                                           r.channel() == null ? null : r.channel().name(), r.language(),
                                           r.byStaff(), PersonalLinks.PATH + tokens.get(i)));
            }
        }
        links.sort(byChannelAndLanguage());
        String messageId = message.send(links.stream().map(l -> new LinkFor(l.familyId(), l.carerId(), l.link()))
                                             .toList());
        return new Sent(surveyId, resolved.invitees().size() + resolved.withoutCarers().size(),
                        resolved.withoutCarers(), messageId == null ? links : links.stream().map(
                                SurveyController::withoutLink).toList(), messageId, sent.version());
    }

    @GetMapping("/{surveyId}/recipients")
    @Operation(summary = "Who was sent the survey, by channel and language; never who answered")
    List<PersonalLink> recipients(RequestContext actor, @PathVariable String surveyId) {
        SurveyView survey = visible(actor, surveyId);
        return voice.linksOf(surveyId).stream()
                    .filter(link -> actor.covers(survey.trustId(), Set.of(link.schoolUrn())))
                    .map(SurveyController::withoutLink).sorted(byChannelAndLanguage()).toList();
    }

    @Allowed({Permission.SURVEYS_RUN, Permission.SURVEY_RESULTS_READ})
    @GetMapping("/{surveyId}/results")
    @Operation(summary = "Results per question: overall, by school and by year group",
               description = "Any group of fewer than 10 answers is suppressed, with enough others beside it that "
                             + "subtraction cannot recover it. Free text for school and trust leaders only.")
    SurveyResults.Results results(RequestContext actor, @PathVariable String surveyId) {
        SurveyView survey = visible(actor, surveyId);
        Set<String> schools = survey.schoolUrns().stream()
                                    .filter(school -> actor.covers(survey.trustId(), Set.of(school)))
                                    .collect(Collectors.toCollection(TreeSet::new));
        boolean leader = actor.role() == Role.SCHOOL_LEADER || actor.role() == Role.TRUST_LEADER;
        return SurveyResults.of(survey, voice.responsesTo(surveyId), schools, leader);
    }

    @PostMapping("/{surveyId}/actions")
    @Operation(summary = "\"You said, we did\": an action on what families said, tied to questions",
               description = "Families see it through their personal link.")
    ResponseEntity<Changed> planAction(RequestContext actor, @PathVariable String surveyId,
                                       @Valid @RequestBody SurveyRequests.ActionRequest body) {
        String actionId = UUID.randomUUID().toString();
        long version = send(surveyId, new SurveyCommands.PlanAction(
                surveyId, actionId, body.questionIds(), body.youSaid().strip(), body.weDid().strip(),
                body.status() == null ? ActionStatus.PLANNED : body.status(), actor, now()));
        return ResponseEntity.created(URI.create(SURVEYS + surveyId + "/actions/" + actionId))
                             .eTag(Versions.etag(version)).body(new Changed(surveyId, version));
    }

    @PutMapping("/{surveyId}/actions/{actionId}/status")
    @Operation(summary = "Move an action on: planned, in progress, done")
    ResponseEntity<Changed> actionStatus(RequestContext actor, @PathVariable String surveyId,
                                         @PathVariable String actionId,
                                         @Valid @RequestBody SurveyRequests.ActionStatusRequest body) {
        return changed(surveyId, new SurveyCommands.ChangeActionStatus(surveyId, actionId, body.status(), actor,
                                                                       now()));
    }

    private SurveyView visible(RequestContext actor, String surveyId) {
        return voice.survey(surveyId).filter(s -> actor.covers(s.trustId(), s.schoolUrns()))
                    .orElseThrow(SurveyNotFound::new);
    }

    private static List<Question> questions(List<SurveyRequests.QuestionRequest> requests, int before) {
        List<Question> questions = new ArrayList<>();
        if (requests != null) {
            for (SurveyRequests.QuestionRequest q : requests) {
                String id = q.questionId() != null ? q.questionId() : "q-" + (before + questions.size() + 1);
                questions.add(new Question(id, q.text().strip(), q.kind()));
            }
        }
        return questions;
    }

    private static PersonalLink withoutLink(SurveyLink link) {
        return new PersonalLink(link.familyId(), link.carerId(), link.schoolUrn(),
                                link.channel() == null ? null : link.channel().name(), link.language(),
                                link.byStaff(), null);
    }

    private static PersonalLink withoutLink(PersonalLink link) {
        return new PersonalLink(link.familyId(), link.carerId(), link.schoolUrn(), link.channel(), link.language(),
                                link.byStaff(), null);
    }

    private static Comparator<PersonalLink> byChannelAndLanguage() {
        return Comparator.comparing(PersonalLink::byStaff)
                         .thenComparing(PersonalLink::channel, Comparator.nullsLast(Comparator.naturalOrder()))
                         .thenComparing(PersonalLink::language, Comparator.nullsLast(Comparator.naturalOrder()))
                         .thenComparing(PersonalLink::familyId).thenComparing(PersonalLink::carerId);
    }

    private ResponseEntity<Changed> changed(String surveyId, Object command) {
        long version = send(surveyId, command);
        return ResponseEntity.ok().eTag(Versions.etag(version)).body(new Changed(surveyId, version));
    }

    private long send(String surveyId, Object command) {
        return catchUp.sendAndAwait(commands, surveyId, command);
    }

    private Instant now() {
        return clock.instant();
    }
}

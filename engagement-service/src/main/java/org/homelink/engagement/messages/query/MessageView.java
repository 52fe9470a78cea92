package org.homelink.engagement.messages.query;

import org.bson.codecs.pojo.annotations.BsonId;
import org.homelink.contracts.engagement.MessageKind;
import org.homelink.engagement.activities.web.Audience;
import org.homelink.engagement.messages.events.MessageText;
import org.homelink.platform.web.RequestContext;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A message as staff see it: its texts, its stage, and once sent how many copies are at each state of delivery.
 *
 * @param stage       DRAFT, SCHEDULED, SENT or CANCELLED
 * @param audience    for a scheduled message, whom it goes to
 * @param scheduledBy for a scheduled message, who scheduled it: the audience is drawn as they would draw it
 * @param copies      how many copies it was sent as
 * @param states      copies by delivery state
 * @param version     the sequence number of the message's latest event applied
 */
public record MessageView(@BsonId String messageId, String trustId, List<String> schoolUrns, MessageKind kind,
                          List<MessageText> texts, String fallbackLanguage, String stage, Instant sendAt,
                          Audience.Criteria audience, RequestContext scheduledBy, String draftedBy,
                          Instant draftedAt, String sentBy, Instant sentAt, int copies, Map<String, Integer> states,
                          long version) {

    /** The text a carer gets: theirs if the message has it, otherwise the fallback. */
    public MessageText textIn(String language) {
        return text(language).or(() -> text(fallbackLanguage)).orElseThrow();
    }

    public Optional<MessageText> text(String language) {
        return texts.stream().filter(t -> t.language().equals(language)).findFirst();
    }

    MessageView withTexts(MessageKind kind, List<MessageText> texts, String fallbackLanguage, long version) {
        return new MessageView(messageId, trustId, schoolUrns, kind, texts, fallbackLanguage, stage, sendAt,
                               audience, scheduledBy, draftedBy, draftedAt, sentBy, sentAt, copies, states, version);
    }

    MessageView withStage(String stage, Instant sendAt, Audience.Criteria audience, RequestContext scheduledBy,
                          long version) {
        return new MessageView(messageId, trustId, schoolUrns, kind, texts, fallbackLanguage, stage, sendAt,
                               audience, scheduledBy, draftedBy, draftedAt, sentBy, sentAt, copies, states, version);
    }

    MessageView sent(String sentBy, Instant sentAt, int copies, Map<String, Integer> states, long version) {
        return new MessageView(messageId, trustId, schoolUrns, kind, texts, fallbackLanguage, "SENT", null, null,
                               null, draftedBy, draftedAt, sentBy, sentAt, copies, states, version);
    }

    MessageView at(long version) {
        return new MessageView(messageId, trustId, schoolUrns, kind, texts, fallbackLanguage, stage, sendAt,
                               audience, scheduledBy, draftedBy, draftedAt, sentBy, sentAt, copies, states, version);
    }
}

package org.homelink.contracts.engagement;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/**
 * A school sent a message or a newsletter: one copy for each carer of each family of its audience, each by the
 * carer's route and in the language they get it in. The text stays inside engagement-service; other services learn
 * that a family was written to, and how.
 * <p>
 * Every copy of one message is in this one event: a trust's 30,000 copies take about 5 MB of the event log's 16 MB
 * per commit. A copy is not yet delivered: {@link MessageDelivered} says when it is, and a copy held for a family's
 * digest goes later.
 *
 * @param messageId  the message
 * @param trustId    its trust
 * @param schoolUrns the schools it is from
 * @param kind       message, newsletter or urgent
 * @param sentBy     the staff id of who sent it, or who scheduled it when it went at its time
 * @param sentAt     when
 * @param copies     each carer's copy
 */
@Revision("1")
public record MessageSent(String messageId, String trustId, List<String> schoolUrns, MessageKind kind,
                          String sentBy, Instant sentAt, List<MessageCopy> copies) {
}

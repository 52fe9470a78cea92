package org.homelink.contracts.engagement;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A school has scheduled an engagement activity: once, or repeating (its occurrences are listed in full, so readers
 * never compute a repeat rule themselves).
 *
 * @param activityId           the activity
 * @param trustId              the hosting school's trust
 * @param schoolUrn            the hosting school
 * @param kind                 what kind of activity
 * @param kindName             the school's own name for the kind when {@code kind} is {@link ActivityKind#OTHER},
 *                             otherwise {@code null}
 * @param title                its title as families see it
 * @param description          what happens there, or {@code null}
 * @param occurrences          when it meets, in order, at least one
 * @param venue                where
 * @param capacity             how many families it can welcome at one occurrence, or {@code null} for no limit
 * @param interpreterLanguages the languages (IETF tags such as {@code so}, {@code pl}) an interpreter is booked for
 * @param crecheAvailable      whether younger children are looked after during it
 * @param involvementTypes     the types of involvement it serves, at least one
 * @param coHostOrganisationId the partner organisation that runs it with the school, or {@code null}
 * @param scheduledBy          the staff id of who scheduled it
 * @param scheduledAt          when
 */
@Revision("1")
public record ActivityScheduled(String activityId, String trustId, String schoolUrn, ActivityKind kind,
                                String kindName, String title, String description, List<Occurrence> occurrences,
                                Venue venue, Integer capacity, Set<String> interpreterLanguages,
                                boolean crecheAvailable, Set<InvolvementType> involvementTypes,
                                String coHostOrganisationId, String scheduledBy, Instant scheduledAt)
        implements ActivityEvent {
}

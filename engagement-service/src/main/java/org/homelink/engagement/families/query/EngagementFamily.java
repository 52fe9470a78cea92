package org.homelink.engagement.families.query;

import org.bson.codecs.pojo.annotations.BsonId;
import org.homelink.contracts.engagement.Answer;
import org.homelink.contracts.engagement.ContactDirection;
import org.homelink.contracts.engagement.ContactKind;
import org.homelink.contracts.engagement.ContactTone;
import org.homelink.contracts.engagement.InvolvementType;
import org.homelink.contracts.engagement.WhatWouldHelp;
import org.homelink.contracts.family.Barrier;
import org.homelink.contracts.family.ContactChannel;
import org.homelink.contracts.family.YearGroup;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A family as engagement-service knows it: from family-service's events, who the family is and how each carer is
 * best reached; from its own, every invitation, attendance, contact and follow-up. One document per family, so every
 * view of reach reads a school's families by id and works out the rest in memory.
 * <p>
 * Lists are keyed by id (an activity, a contact) and each event sets its own entry, so an event applied twice leaves
 * the document as once. Family-service's events are also checked against {@code familyVersion}.
 *
 * @param familyId      the family
 * @param trustId       its trust
 * @param schoolUrns    its schools
 * @param familyName    how the school refers to the household
 * @param registeredAt  when it was registered
 * @param familyVersion the sequence number of the latest family-service event applied
 * @param carers        each carer and how to reach them
 * @param children      each child, on roll or not
 * @param barriers      every barrier recorded, open and resolved
 * @param keyWorker     the key worker's staff id, or null
 * @param invitations   every activity the family was invited to or came to
 * @param contacts      every contact logged, with its follow-up
 */
public record EngagementFamily(@BsonId String familyId, String trustId, List<String> schoolUrns, String familyName,
                               Instant registeredAt, long familyVersion, List<Carer> carers,
                               List<Child> children, List<BarrierNote> barriers, String keyWorker,
                               List<Invitation> invitations, List<Contact> contacts) {

    public record Carer(String carerId, String name, boolean parentalResponsibility, ContactChannel channel,
                        String language, boolean needsInterpreter, boolean prefersSpokenContact) {
    }

    /** A child; {@code onRoll} false once they have left the trust's schools. */
    public record Child(String childId, String name, YearGroup yearGroup, String schoolUrn, boolean onRoll) {
    }

    public record BarrierNote(String barrierId, Barrier barrier, Instant recordedAt, Instant resolvedAt) {
        public boolean open() {
            return resolvedAt == null;
        }
    }

    /**
     * An activity the family was invited to, or came to without an invitation ({@code invitedAt} null).
     *
     * @param attended the numbers of the occurrences someone of the family came to
     */
    public record Invitation(String activityId, String schoolUrn, Instant invitedAt, Answer answer,
                             Set<WhatWouldHelp> wouldHelp, boolean waitlisted, Instant answeredAt,
                             List<Integer> attended, Instant lastAttendedAt) {

        public boolean cameToAny() {
            return !attended.isEmpty();
        }
    }

    /** A contact logged, and its follow-up if it has one. */
    public record Contact(String contactId, String schoolUrn, ContactKind kind, ContactDirection direction,
                          boolean twoWay, ContactTone tone, Instant happenedAt, String summary, String staffId,
                          Set<InvolvementType> involvementTypes, String followUpAction, LocalDate followUpDue,
                          String followUpOwner, Instant followUpDoneAt) {

        public boolean hasOpenFollowUp() {
            return followUpAction != null && followUpDoneAt == null;
        }
    }

    static EngagementFamily registered(String familyId, String trustId, List<String> schoolUrns, String familyName,
                                       Instant at, long version) {
        return new EngagementFamily(familyId, trustId, schoolUrns, familyName, at, version, List.of(), List.of(),
                                    List.of(), null, List.of(), List.of());
    }

    public Optional<Carer> carer(String carerId) {
        return carers.stream().filter(carer -> carer.carerId().equals(carerId)).findFirst();
    }

    public Optional<Invitation> invitation(String activityId) {
        return invitations.stream().filter(invitation -> invitation.activityId().equals(activityId)).findFirst();
    }

    public Optional<Contact> contact(String contactId) {
        return contacts.stream().filter(contact -> contact.contactId().equals(contactId)).findFirst();
    }

    public Set<YearGroup> yearGroupsAt(String schoolUrn) {
        Set<YearGroup> groups = new TreeSet<>();
        children.stream().filter(child -> child.onRoll() && child.schoolUrn().equals(schoolUrn))
                .forEach(child -> groups.add(child.yearGroup()));
        return groups;
    }

    public Set<Barrier> openBarriers() {
        Set<Barrier> open = new TreeSet<>();
        barriers.stream().filter(BarrierNote::open).forEach(note -> open.add(note.barrier()));
        return open;
    }

    public Set<String> languages() {
        Set<String> languages = new TreeSet<>();
        carers.stream().map(Carer::language).filter(Objects::nonNull).forEach(languages::add);
        return languages;
    }

    /**
     * The latest moment the family took part in something with the school: a two-way contact, coming to an
     * activity, or answering an invitation. Empty when they never have.
     */
    public Optional<Instant> lastTwoWayContact() {
        Stream<Instant> contacted = contacts.stream().filter(Contact::twoWay).map(Contact::happenedAt);
        Stream<Instant> came = invitations.stream().map(Invitation::lastAttendedAt).filter(Objects::nonNull);
        Stream<Instant> answered = invitations.stream().map(Invitation::answeredAt).filter(Objects::nonNull);
        return Stream.of(contacted, came, answered).flatMap(Function.identity()).max(Comparator.naturalOrder());
    }

    /** The family as shown to a role that does not see support needs: without its barriers. */
    public EngagementFamily withoutBarriers() {
        return new EngagementFamily(familyId, trustId, schoolUrns, familyName, registeredAt, familyVersion, carers,
                                    children, List.of(), keyWorker, invitations, contacts);
    }

    EngagementFamily withFamily(List<String> schoolUrns, long version) {
        return new EngagementFamily(familyId, trustId, schoolUrns, familyName, registeredAt, version, carers,
                                    children, barriers, keyWorker, invitations, contacts);
    }

    EngagementFamily with(Carer carer) {
        return new EngagementFamily(familyId, trustId, schoolUrns, familyName, registeredAt, familyVersion,
                                    replaced(carers, carer, c -> c.carerId().equals(carer.carerId())), children,
                                    barriers, keyWorker, invitations, contacts);
    }

    EngagementFamily with(Child child) {
        return new EngagementFamily(familyId, trustId, schoolUrns, familyName, registeredAt, familyVersion, carers,
                                    replaced(children, child, c -> c.childId().equals(child.childId())), barriers,
                                    keyWorker, invitations, contacts);
    }

    EngagementFamily with(BarrierNote note) {
        return new EngagementFamily(familyId, trustId, schoolUrns, familyName, registeredAt, familyVersion, carers,
                                    children, replaced(barriers, note, b -> b.barrierId().equals(note.barrierId())),
                                    keyWorker, invitations, contacts);
    }

    EngagementFamily withKeyWorker(String staffId) {
        return new EngagementFamily(familyId, trustId, schoolUrns, familyName, registeredAt, familyVersion, carers,
                                    children, barriers, staffId, invitations, contacts);
    }

    EngagementFamily with(Invitation invitation) {
        return new EngagementFamily(familyId, trustId, schoolUrns, familyName, registeredAt, familyVersion, carers,
                                    children, barriers, keyWorker,
                                    replaced(invitations, invitation,
                                             i -> i.activityId().equals(invitation.activityId())),
                                    contacts);
    }

    EngagementFamily with(Contact contact) {
        return new EngagementFamily(familyId, trustId, schoolUrns, familyName, registeredAt, familyVersion, carers,
                                    children, barriers, keyWorker, invitations,
                                    replaced(contacts, contact, c -> c.contactId().equals(contact.contactId())));
    }

    /** The list with {@code item} in place of the entry {@code same} picks, or added at the end. */
    private static <T> List<T> replaced(List<T> items, T item, Predicate<T> same) {
        List<T> result = new ArrayList<>(items.size() + 1);
        boolean found = false;
        for (T existing : items) {
            if (same.test(existing)) {
                result.add(item);
                found = true;
            } else {
                result.add(existing);
            }
        }
        if (!found) {
            result.add(item);
        }
        return result;
    }
}

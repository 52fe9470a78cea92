package org.homelink.engagement.testing;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.homelink.contracts.family.Barrier;
import org.homelink.contracts.family.BarrierRecorded;
import org.homelink.contracts.family.CarerAdded;
import org.homelink.contracts.family.ChildEnrolled;
import org.homelink.contracts.family.ContactChannel;
import org.homelink.contracts.family.ContactPreferences;
import org.homelink.contracts.family.FamilyRegistered;
import org.homelink.contracts.family.KeyWorkerAssigned;
import org.homelink.contracts.family.YearGroup;
import org.homelink.contracts.school.Phase;
import org.homelink.contracts.school.SchoolRegistered;
import org.homelink.engagement.families.query.FamilyEngagementProjection;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/**
 * Appends family-service's published events to the shared event log exactly as family-service does (as domain
 * events of its aggregates, in sequence), so that engagement-service's processors meet them as they would in a run.
 * Only what the tests need; names are invented.
 */
public final class FamilyServiceEvents {

    private final EventStore eventStore;

    public FamilyServiceEvents(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    public void registerSchool(String trustId, String schoolUrn, String name) {
        // family-service's Trust aggregate is keyed by the trust id; a school of its own gets a stream of its own
        // here, so that tests registering schools never race on one trust's sequence.
        append("Trust", trustId + "-" + schoolUrn, 0,
               new SchoolRegistered(trustId, schoolUrn, name, Phase.PRIMARY, "RB1 1AA"));
    }

    /** A family being written, one event after another, as family-service would record it. */
    public Family family(String trustId, String schoolUrn, String name) {
        return new Family(trustId, schoolUrn, name);
    }

    public final class Family {
        private final String familyId = UUID.randomUUID().toString();
        private final String trustId;
        private final String schoolUrn;
        private long sequence;

        private Family(String trustId, String schoolUrn, String name) {
            this.trustId = trustId;
            this.schoolUrn = schoolUrn;
            append("Family", familyId, sequence, new FamilyRegistered(familyId, trustId, Set.of(schoolUrn), schoolUrn,
                                                                      name, "staff-1", Instant.now()));
        }

        public String id() {
            return familyId;
        }

        public Family carer(String carerId, ContactChannel channel, String language, boolean interpreter) {
            return carer(carerId, new ContactPreferences(channel, language, interpreter,
                                                         channel == ContactChannel.PHONE_CALL, null, null),
                         "07700 900" + String.format("%03d", Math.abs(carerId.hashCode()) % 1000), null);
        }

        /** A carer with the preferences, phone and email given (either may be null). */
        public Family carer(String carerId, ContactPreferences preferences, String phone, String email) {
            append("Family", familyId, ++sequence, new CarerAdded(
                    familyId, trustId, Set.of(schoolUrn), carerId, "Carer " + carerId, "parent", true, phone, email,
                    null, preferences, "staff-1", Instant.now()));
            return this;
        }

        public Family child(String childId, YearGroup yearGroup) {
            return childAt(schoolUrn, childId, yearGroup);
        }

        /** A child at another school of the trust, which puts the family on that school's roll too. */
        public Family childAt(String school, String childId, YearGroup yearGroup) {
            append("Family", familyId, ++sequence, new ChildEnrolled(
                    familyId, trustId, new java.util.TreeSet<>(java.util.List.of(schoolUrn, school)), childId, school,
                    "Child " + childId, LocalDate.of(2018, 5, 1), yearGroup, false, LocalDate.of(2025, 9, 3),
                    "staff-1", Instant.now()));
            return this;
        }

        public Family barrier(Barrier barrier, Instant recordedAt) {
            append("Family", familyId, ++sequence, new BarrierRecorded(
                    familyId, trustId, Set.of(schoolUrn), UUID.randomUUID().toString(), barrier, "noted",
                    "staff-1", recordedAt));
            return this;
        }

        public Family keyWorker(String staffId) {
            append("Family", familyId, ++sequence, new KeyWorkerAssigned(familyId, trustId, Set.of(schoolUrn),
                                                                        staffId, "leader", Instant.now()));
            return this;
        }

        public long version() {
            return sequence;
        }

        /** Waits until engagement-service's directory has every event of the family so far; its id. */
        public String seenBy(FamilyEngagementProjection directory) {
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (directory.familyVersionOf(familyId) < sequence) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("Family " + familyId + " did not reach engagement-service in time");
                }
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(e);
                }
            }
            return familyId;
        }
    }

    private void append(String type, String aggregateId, long sequence, Object event) {
        eventStore.publish(new GenericDomainEventMessage<>(type, aggregateId, sequence, event));
    }
}

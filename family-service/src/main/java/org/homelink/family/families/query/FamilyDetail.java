package org.homelink.family.families.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.bson.codecs.pojo.annotations.BsonId;
import org.homelink.contracts.family.Address;
import org.homelink.contracts.family.Barrier;
import org.homelink.contracts.family.ContactPreferences;
import org.homelink.contracts.family.YearGroup;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Everything the school knows about a family as it stands now: the family detail view, one document per family.
 *
 * @param familyId             the family
 * @param trustId              its trust
 * @param schoolUrns           its schools: the school that registered it and its children's schools
 * @param registeringSchoolUrn the school that registered it
 * @param familyName           how the school refers to the household
 * @param version              the family's version: the sequence number of its latest event, its ETag
 * @param carers               every carer, in the order they were added
 * @param children             every child, at a school or not, in the order they joined
 * @param barriers             every barrier recorded, open and resolved, in the order they were recorded; left out
 *                             for a caller whose role does not support families ({@link SupportRecords})
 * @param consents             the latest decision for each purpose
 * @param keyWorker            the key worker's staff id, or null
 * @param voice                what the family has asked the school to know, oldest first; left out as barriers are
 * @param updatedAt            when the latest event happened
 */
public record FamilyDetail(@BsonId String familyId, String trustId, List<String> schoolUrns,
                           String registeringSchoolUrn, String familyName, long version, List<Carer> carers,
                           List<Child> children,
                           @JsonInclude(JsonInclude.Include.NON_NULL) List<BarrierRecord> barriers,
                           List<Consent> consents, String keyWorker,
                           @JsonInclude(JsonInclude.Include.NON_NULL) List<Voice> voice, Instant updatedAt) {

    public record Carer(String carerId, String name, String relationship, boolean parentalResponsibility,
                        String phone, String email, Address address, ContactPreferences preferences) {
    }

    /** A child; {@code leftOn} is set while they are at no school, {@code schoolUrn} then being the one they left. */
    public record Child(String childId, String name, LocalDate dateOfBirth, YearGroup yearGroup, boolean send,
                        String schoolUrn, LocalDate enrolledOn, LocalDate leftOn) {

        public boolean atSchool() {
            return leftOn == null;
        }
    }

    /** A barrier recorded, open until {@code resolvedAt} is set. */
    public record BarrierRecord(String barrierId, Barrier barrier, String note, String recordedBy, Instant recordedAt,
                                String resolutionNote, String resolvedBy, Instant resolvedAt) {

        public boolean open() {
            return resolvedAt == null;
        }
    }

    /** The latest decision for a purpose: given, or withdrawn, by which carer and on which day. */
    public record Consent(String purpose, boolean given, String carerId, LocalDate on, String recordedBy) {
    }

    public record Voice(String voiceId, String carerId, String words, String recordedBy, Instant recordedAt) {
    }

    static FamilyDetail registered(String familyId, String trustId, Set<String> schoolUrns, String schoolUrn,
                                   String familyName, Instant at) {
        return new FamilyDetail(familyId, trustId, sorted(schoolUrns), schoolUrn, familyName, 0, List.of(),
                                List.of(), List.of(), List.of(), null, List.of(), at);
    }

    public Optional<Carer> carer(String carerId) {
        return carers.stream().filter(carer -> carer.carerId().equals(carerId)).findFirst();
    }

    public Optional<Child> child(String childId) {
        return children.stream().filter(child -> child.childId().equals(childId)).findFirst();
    }

    public Optional<BarrierRecord> barrier(String barrierId) {
        return barriers == null ? Optional.empty() : barriers.stream().filter(barrier -> barrier.barrierId().equals(barrierId)).findFirst();
    }

    public Optional<Voice> voice(String voiceId) {
        return voice == null ? Optional.empty() : voice.stream().filter(said -> said.voiceId().equals(voiceId)).findFirst();
    }

    /** The family as a caller sees it whose role does not support families: without barriers or the family's words. */
    FamilyDetail withoutSupportRecords() {
        return copy(carers, children, null, consents, keyWorker, null);
    }

    FamilyDetail with(Carer carer) {
        return copy(replaceOrAdd(carers, carer, Carer::carerId), children, barriers, consents, keyWorker, voice);
    }

    FamilyDetail with(Child child) {
        return copy(carers, replaceOrAdd(children, child, Child::childId), barriers, consents, keyWorker, voice);
    }

    FamilyDetail with(BarrierRecord barrier) {
        return copy(carers, children, replaceOrAdd(barriers, barrier, BarrierRecord::barrierId), consents, keyWorker,
                    voice);
    }

    FamilyDetail with(Consent consent) {
        return copy(carers, children, barriers, replaceOrAdd(consents, consent, Consent::purpose), keyWorker, voice);
    }

    FamilyDetail with(Voice said) {
        return copy(carers, children, barriers, consents, keyWorker, replaceOrAdd(voice, said, Voice::voiceId));
    }

    FamilyDetail withKeyWorker(String staffId) {
        return copy(carers, children, barriers, consents, staffId, voice);
    }

    /** This view once an event of the family at {@code version} has been applied. */
    FamilyDetail at(long version, Set<String> schoolUrns, Instant updatedAt) {
        return new FamilyDetail(familyId, trustId, sorted(schoolUrns), registeringSchoolUrn, familyName, version,
                                carers, children, barriers, consents, keyWorker, voice, updatedAt);
    }

    private FamilyDetail copy(List<Carer> carers, List<Child> children, List<BarrierRecord> barriers,
                              List<Consent> consents, String keyWorker, List<Voice> voice) {
        return new FamilyDetail(familyId, trustId, schoolUrns, registeringSchoolUrn, familyName, version, carers,
                                children, barriers, consents, keyWorker, voice, updatedAt);
    }

    private static List<String> sorted(Set<String> schoolUrns) {
        return List.copyOf(new TreeSet<>(schoolUrns));
    }

    private static <T> List<T> replaceOrAdd(List<T> items, T item, Function<T, String> key) {
        List<T> result = new ArrayList<>(items);
        for (int i = 0; i < result.size(); i++) {
            if (key.apply(result.get(i)).equals(key.apply(item))) {
                result.set(i, item);
                return List.copyOf(result);
            }
        }
        result.add(item);
        return List.copyOf(result);
    }
}

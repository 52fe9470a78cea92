package org.homelink.engagement.agreements.query;

import org.bson.codecs.pojo.annotations.BsonId;
import org.homelink.contracts.engagement.AcknowledgementMethod;
import org.homelink.contracts.family.ContactChannel;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.ToIntFunction;
import java.util.function.UnaryOperator;

/**
 * One family's part in one agreement: for each carer, the links sent them and the versions they acknowledged. One
 * document per agreement and family, so that "who has not yet" reads a school's families by id. Entries are keyed
 * by version, so an event applied twice leaves the document as once.
 *
 * @param id {@code agreementId/familyId}, see {@link #idOf}
 */
public record FamilyAgreement(@BsonId String id, String agreementId, String familyId, List<CarerRecord> carers) {

    public FamilyAgreement {
        carers = carers == null ? List.of() : carers;
    }

    public static String idOf(String agreementId, String familyId) {
        return agreementId + "/" + familyId;
    }

    static FamilyAgreement none(String agreementId, String familyId) {
        return new FamilyAgreement(idOf(agreementId, familyId), agreementId, familyId, List.of());
    }

    /** @param byStaff the carer prefers spoken contact: a member of staff tells them */
    public record LinkSent(int version, ContactChannel channel, String language, boolean byStaff, Instant sentAt) {
    }

    /** @param recordedBy the staff id of who recorded it, or null when the carer acknowledged through their link */
    public record Acknowledgement(int version, AcknowledgementMethod method, String recordedBy,
                                  Instant acknowledgedAt) {
    }

    public record CarerRecord(String carerId, List<LinkSent> links, List<Acknowledgement> acknowledgements) {

        public CarerRecord {
            links = links == null ? List.of() : links;
            acknowledgements = acknowledgements == null ? List.of() : acknowledgements;
        }

        public Optional<LinkSent> linkFor(int version) {
            return links.stream().filter(link -> link.version() == version).findFirst();
        }

        public Optional<Acknowledgement> acknowledged(int version) {
            return acknowledgements.stream().filter(ack -> ack.version() == version).findFirst();
        }

        CarerRecord with(LinkSent link) {
            return new CarerRecord(carerId, byVersion(links, link, LinkSent::version), acknowledgements);
        }

        CarerRecord with(Acknowledgement acknowledgement) {
            return new CarerRecord(carerId, links, byVersion(acknowledgements, acknowledgement,
                                                             Acknowledgement::version));
        }
    }

    public Optional<CarerRecord> carer(String carerId) {
        return carers.stream().filter(carer -> carer.carerId().equals(carerId)).findFirst();
    }

    FamilyAgreement withCarer(String carerId, UnaryOperator<CarerRecord> change) {
        CarerRecord changed = change.apply(carer(carerId).orElse(new CarerRecord(carerId, List.of(), List.of())));
        List<CarerRecord> result = new ArrayList<>(carers.stream().filter(c -> !c.carerId().equals(carerId)).toList());
        result.add(changed);
        result.sort(Comparator.comparing(CarerRecord::carerId));
        return new FamilyAgreement(id, agreementId, familyId, result);
    }

    /** The list with {@code item} in place of the entry of its version, or added; in order of version. */
    private static <T> List<T> byVersion(List<T> items, T item, ToIntFunction<T> version) {
        List<T> result = new ArrayList<>(items.stream()
                                              .filter(i -> version.applyAsInt(i) != version.applyAsInt(item))
                                              .toList());
        result.add(item);
        result.sort(Comparator.comparingInt(version));
        return result;
    }
}

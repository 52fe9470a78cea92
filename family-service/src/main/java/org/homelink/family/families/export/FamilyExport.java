package org.homelink.family.families.export;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import org.homelink.family.families.query.FamilyDetail;

import java.time.Instant;
import java.util.List;

/**
 * Everything Homelink holds about a family: the answer to a subject access request.
 *
 * @param familyId   the family
 * @param exportedAt when the export was made
 * @param exportedBy the staff id of who made it
 * @param record     the family's record as it stands now
 * @param events     every event in the log that concerns the family, from every service, oldest first
 */
public record FamilyExport(String familyId, Instant exportedAt, String exportedBy, FamilyDetail record,
                           List<ExportedEvent> events) {

    /**
     * One event, with the family's personal values decrypted and any other family's withheld.
     *
     * @param position its place in the log
     * @param at       when it happened
     * @param type     what happened: the event's name, such as {@code BarrierRecorded}
     * @param service  the service that recorded it
     * @param causedBy who caused it, when the event's metadata says
     * @param event    the event as stored, opened for this family
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ExportedEvent(long position, Instant at, String type, String service, String causedBy,
                                JsonNode event) {
    }
}

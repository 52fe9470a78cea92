package org.homelink.engagement.attendance.query;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.CountOptions;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.homelink.contracts.family.FamilyErased;
import org.homelink.contracts.family.YearGroup;
import org.homelink.engagement.SchoolTime;
import org.homelink.engagement.attendance.events.AtRiskThresholdChanged;
import org.homelink.engagement.attendance.events.AttendanceMarksImported;
import org.homelink.engagement.attendance.events.AttendanceMarksImported.PupilMarks;
import org.homelink.platform.mongo.MongoSettings;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Projections.include;
import static com.mongodb.client.model.Updates.addEachToSet;
import static com.mongodb.client.model.Updates.addToSet;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.max;
import static com.mongodb.client.model.Updates.pullAll;
import static com.mongodb.client.model.Updates.set;
import static com.mongodb.client.model.Updates.setOnInsert;

/**
 * Registers per pupil and per school, from the imported files. A later file's mark for a session replaces an earlier
 * one (the management information system is where registers are corrected); a session a file does not mark keeps
 * what it had. Idempotent: a file applied again sets the same marks, and the school's lists change by set operations.
 */
@Component
@ProcessingGroup(AttendanceProjection.PROCESSING_GROUP)
public class AttendanceProjection {

    public static final String PROCESSING_GROUP = "engagement-attendance";
    public static final String PUPILS = "attendancePupils";
    public static final String SCHOOLS = "attendanceSchools";

    /** The embedded store checks every document it finds against the whole $in list: many small lists beat one. */
    private static final int ID_CHUNK = 100;
    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);

    private final MongoCollection<PupilRegister> pupils;
    private final MongoCollection<SchoolAttendance> schools;

    @Autowired
    public AttendanceProjection(MongoClient client, MongoSettings settings) {
        this(client.getDatabase(settings.database()));
    }

    public AttendanceProjection(MongoDatabase database) {
        this.pupils = database.getCollection(PUPILS, PupilRegister.class);
        this.schools = database.getCollection(SCHOOLS, SchoolAttendance.class);
    }

    @EventHandler
    void on(AttendanceMarksImported event) {
        // A pupil whose family has been erased has no marks any more (they read as null): as if not in the file.
        List<PupilMarks> pupilsMarked = event.pupils().stream().filter(pupil -> pupil.sessions() != null).toList();
        List<String> ids = pupilsMarked.stream()
                                .map(pupil -> PupilRegister.idOf(event.schoolUrn(), pupil.childId())).toList();
        Map<String, PupilRegister> known = new HashMap<>();
        registers(ids).forEach(register -> known.put(register.id(), register));
        LocalDate importedIn = schoolYearOf(SchoolTime.dayOf(event.importedAt()));
        List<WriteModel<PupilRegister>> writes = new ArrayList<>(ids.size());
        for (PupilMarks marked : pupilsMarked) {
            String id = PupilRegister.idOf(event.schoolUrn(), marked.childId());
            PupilRegister before = known.get(id);
            Map<String, List<String>> marks = new TreeMap<>(before == null ? Map.of() : before.marks());
            Map<String, YearGroup> yearGroups = new TreeMap<>(before == null ? Map.of() : before.yearGroups());
            for (int day = 0; day < event.days().size(); day++) {
                String am = marked.sessions().get(2 * day);
                String pm = marked.sessions().get(2 * day + 1);
                if (am.isEmpty() && pm.isEmpty()) {
                    continue;
                }
                LocalDate date = event.days().get(day);
                List<String> had = marks.getOrDefault(date.toString(), List.of("", ""));
                marks.put(date.toString(), List.of(am.isEmpty() ? had.get(0) : am, pm.isEmpty() ? had.get(1) : pm));
                // The file gives the year group the pupil is in when it is imported: that school year's, corrected by
                // a later import. Marks of an earlier school year take it only while nothing better is known, since
                // the pupil has moved up since.
                LocalDate schoolYear = schoolYearOf(date);
                if (schoolYear.equals(importedIn)) {
                    yearGroups.put(schoolYear.toString(), marked.yearGroup());
                } else {
                    yearGroups.putIfAbsent(schoolYear.toString(), marked.yearGroup());
                }
            }
            writes.add(new ReplaceOneModel<>(eq("_id", id), new PupilRegister(
                    id, event.trustId(), event.schoolUrn(), marked.childId(), marked.familyId(), marked.yearGroup(),
                    yearGroups, marks), new ReplaceOptions().upsert(true)));
        }
        if (!writes.isEmpty()) {
            pupils.bulkWrite(writes, new BulkWriteOptions().ordered(false));
        }
        TreeSet<String> weeks = new TreeSet<>();
        event.days().forEach(day -> weeks.add(weekOf(day).toString()));
        List<Bson> changes = new ArrayList<>(List.of(
                setOnInsert("trustId", event.trustId()),
                addEachToSet("childIds", pupilsMarked.stream().map(PupilMarks::childId).toList()),
                addEachToSet("weeks", List.copyOf(weeks)),
                addToSet("imports", new Document("importId", event.importId()).append("fileHash", event.fileHash())
                                                                              .append("marks", event.marks())
                                                                              .append("importedBy", event.importedBy())
                                                                              .append("importedAt", event.importedAt()))));
        // ISO dates order as text, so the latest day stays however the files arrive.
        event.days().stream().max(Comparator.naturalOrder())
             .ifPresent(last -> changes.add(max("lastMarked", last.toString())));
        schools.updateOne(eq("_id", event.schoolUrn()), combine(changes), UPSERT);
    }

    @EventHandler
    void on(AtRiskThresholdChanged event, @SequenceNumber long sequence) {
        schools.updateOne(eq("_id", event.schoolUrn()),
                          combine(setOnInsert("trustId", event.trustId()),
                                  set("atRiskBelowPercent", event.atRiskBelowPercent()),
                                  max("settingsVersion", sequence)), UPSERT);
    }

    /** An erased family's children's registers go, and the children leave their schools' lists. */
    @EventHandler
    void on(FamilyErased event) {
        pupils.deleteMany(eq("familyId", event.familyId()));
        if (!event.childIds().isEmpty()) {
            List<String> children = List.copyOf(event.childIds());
            schools.updateMany(in("childIds", children), pullAll("childIds", children));
        }
    }

    @ResetHandler
    void reset() {
        pupils.deleteMany(new Document());
        schools.deleteMany(new Document());
    }

    /** The Monday of the day's week: the school week it belongs to. */
    public static LocalDate weekOf(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /** 1 September of the school year the day is in. */
    public static LocalDate schoolYearOf(LocalDate day) {
        int year = day.getMonthValue() >= Month.SEPTEMBER.getValue() ? day.getYear() : day.getYear() - 1;
        return LocalDate.of(year, Month.SEPTEMBER, 1);
    }

    public Optional<SchoolAttendance> school(String schoolUrn) {
        return Optional.ofNullable(schools.find(eq("_id", schoolUrn)).first());
    }

    public Optional<PupilRegister> pupil(String schoolUrn, String childId) {
        return Optional.ofNullable(pupils.find(eq("_id", PupilRegister.idOf(schoolUrn, childId))).first());
    }

    /** The school's pupils' registers, read by id in chunks, with a batch size for the large replies. */
    public List<PupilRegister> pupils(String schoolUrn, Collection<String> childIds) {
        return registers(childIds.stream().map(id -> PupilRegister.idOf(schoolUrn, id)).toList());
    }

    /**
     * Whether the file's import is in the read model: a command's answer asks every few milliseconds while it waits,
     * so the store counts it rather than sending the school's whole document each time.
     */
    public boolean shows(String schoolUrn, String importId) {
        return schools.countDocuments(and(eq("_id", schoolUrn), eq("imports.importId", importId)),
                                      new CountOptions().limit(1)) > 0;
    }

    /** The version of the school's settings applied, -1 before any: read alone, for the same reason. */
    public long settingsVersionOf(String schoolUrn) {
        SchoolAttendance school = schools.find(eq("_id", schoolUrn)).projection(include("settingsVersion")).first();
        return school == null ? -1L : school.settingsVersion();
    }

    private List<PupilRegister> registers(List<String> ids) {
        List<PupilRegister> found = new ArrayList<>(ids.size());
        for (int from = 0; from < ids.size(); from += ID_CHUNK) {
            pupils.find(in("_id", ids.subList(from, Math.min(from + ID_CHUNK, ids.size())))).batchSize(ID_CHUNK)
                  .into(found);
        }
        return found;
    }
}

package org.homelink.engagement.attendance.command;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.homelink.engagement.attendance.command.AttendanceCommands.ImportAttendanceMarks;
import org.homelink.engagement.attendance.command.AttendanceRules.EmptyRegister;
import org.homelink.engagement.attendance.events.AttendanceMarksImported;
import org.homelink.platform.web.NotYourSchool;

import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One file of register marks imported for one school. Its id is the school and the file's content hash, so sending
 * the same file again finds this import and changes nothing; and of two instances importing the same file at once,
 * the event log's per-aggregate sequence lets exactly one in. Loading it reads its one event, never the school's
 * earlier imports.
 */
@Aggregate
public class AttendanceImport {

    @AggregateIdentifier
    private String importId;

    protected AttendanceImport() {
    }

    /** @return true when the marks were imported now, false when this file had been imported before */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public boolean handle(ImportAttendanceMarks command) {
        if (!command.actor().covers(command.trustId(), Set.of(command.schoolUrn()))) {
            throw new NotYourSchool(command.schoolUrn());
        }
        if (importId != null) {
            return false;
        }
        if (command.marks() == 0) {
            throw new EmptyRegister();
        }
        apply(new AttendanceMarksImported(command.importId(), command.trustId(), command.schoolUrn(),
                                          command.fileHash(), command.days(), command.pupils(), command.marks(),
                                          command.actor().staffId(), command.at()));
        return true;
    }

    @EventSourcingHandler
    void on(AttendanceMarksImported event) {
        importId = event.importId();
    }
}

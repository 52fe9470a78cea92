package org.homelink.platform.eventstore.noticeboard;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import java.util.function.Consumer;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A school noticeboard: the smallest aggregate that exercises the event log the way services will. */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY) // snapshots serialize its state with Jackson
public class Noticeboard {

    /** Runs after a command has loaded the board and before it applies anything: lets a test line commands up. */
    public static volatile Consumer<String> beforeDeciding = boardId -> { };

    @AggregateIdentifier
    private String boardId;
    private int notices;

    protected Noticeboard() {
    }

    @CommandHandler
    public Noticeboard(NoticeboardCommands.Open command) {
        apply(new NoticeboardOpened(command.boardId()));
    }

    @CommandHandler
    public void handle(NoticeboardCommands.Pin command) {
        beforeDeciding.accept(boardId);
        for (String notice : command.notices()) {
            apply(new NoticePinned(boardId, notice));
        }
    }

    @CommandHandler
    public int handle(NoticeboardCommands.Count command) {
        return notices;
    }

    @EventSourcingHandler
    void on(NoticeboardOpened event) {
        boardId = event.boardId();
    }

    @EventSourcingHandler
    void on(NoticePinned event) {
        notices++;
    }
}

package org.homelink.platform.eventstore.noticeboard;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

public final class NoticeboardCommands {

    private NoticeboardCommands() {
    }

    public record Open(@TargetAggregateIdentifier String boardId) {
    }

    /** Pins several notices in one command: one unit of work, so one commit of several events. */
    public record Pin(@TargetAggregateIdentifier String boardId, List<String> notices) {
    }

    public record Count(@TargetAggregateIdentifier String boardId) {
    }
}

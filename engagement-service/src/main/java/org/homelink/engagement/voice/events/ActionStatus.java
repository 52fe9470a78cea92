package org.homelink.engagement.voice.events;

/** Where a "you said, we did" action has got to. */
public enum ActionStatus {
    PLANNED,
    IN_PROGRESS,
    DONE
}

package org.homelink.platform.eventstore.noticeboard;

import org.axonframework.serialization.Revision;

/** Revision 2 renamed {@code text} to {@code wording} and added {@code language}: see the upcasting test. */
@Revision("2")
public record NoticePinned(String boardId, String wording, String language) {

    public NoticePinned(String boardId, String wording) {
        this(boardId, wording, "en");
    }
}

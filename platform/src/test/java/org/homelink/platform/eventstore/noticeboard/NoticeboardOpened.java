package org.homelink.platform.eventstore.noticeboard;

public record NoticeboardOpened(String boardId) {
}

package org.homelink.partners.directory.web;

/** Where a field is within a feed, as the answer names it: {@code contents[3].schedules[0].opens_at}. */
final class DocumentPaths {

    private DocumentPaths() {
    }

    static String join(String at, String field) {
        return at == null || at.isEmpty() ? field : at + "." + field;
    }
}

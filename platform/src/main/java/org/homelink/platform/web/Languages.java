package org.homelink.platform.web;

import java.util.Locale;

/** Language tags as written and as kept, so that "SO", "so" and "So" all find Somali speakers. */
public final class Languages {

    /** A BCP 47 tag: a language of two or three letters, then optional subtags such as a script or a region. */
    public static final String PATTERN = "[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*";
    public static final String MESSAGE = "must be a BCP 47 language tag such as so or pa-Arab";

    private Languages() {
    }

    /** The tag in its usual case: {@code so}, {@code pa-Arab}, {@code pt-BR}. */
    public static String normalise(String tag) {
        return tag == null ? null : Locale.forLanguageTag(tag).toLanguageTag();
    }
}

package org.homelink.contracts.engagement;

/** What a school sends families in writing. */
public enum MessageKind {
    /** A message on one matter: a trip, a change of time, a reminder. */
    MESSAGE,
    /** The school's news, longer and regular. */
    NEWSLETTER,
    /** Cannot wait (a closure, a safety matter): never held for a digest nor by the weekly limit. */
    URGENT
}

package org.homelink.contracts.engagement;

/**
 * Where an activity happens: a place, a video link, or both for a hybrid meeting; never neither.
 *
 * @param place     the room or address, as families would be told it, or {@code null}
 * @param videoLink the https link families join by, or {@code null}
 */
public record Venue(String place, String videoLink) {
}

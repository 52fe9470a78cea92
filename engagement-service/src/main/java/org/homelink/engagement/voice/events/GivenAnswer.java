package org.homelink.engagement.voice.events;

/** An answer to one question: {@code scale} for a scale question, {@code text} for a free-text one. */
public record GivenAnswer(String questionId, ScaleAnswer scale, String text) {
}

package org.homelink.engagement.voice.events;

/**
 * One question of a survey, as data: a statement to answer on Parent View's five-point scale, or a question answered
 * in the carer's own words.
 *
 * @param questionId unique within its survey; results and "you said, we did" actions refer to it
 */
public record Question(String questionId, String text, QuestionKind kind) {

    public enum QuestionKind {
        /** Strongly agree, agree, disagree, strongly disagree, don't know. */
        SCALE,
        FREE_TEXT
    }
}

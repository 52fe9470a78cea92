package org.homelink.engagement.voice.command;

import org.homelink.platform.web.NotFoundException;
import org.homelink.platform.web.RuleBrokenException;

/** The rules a {@link Survey} keeps, each broken rule its own exception naming the request field at fault. */
public final class SurveyRules {

    private SurveyRules() {
    }

    /** No such survey, or one of schools the caller does not act for: the same answer for both. */
    public static class SurveyNotFound extends NotFoundException {
        public SurveyNotFound() {
            super("No such record");
        }
    }

    /** A personal link that is not one, or no longer one: the same answer for both, and no hint which. */
    public static class UnknownLink extends NotFoundException {
        public UnknownLink() {
            super("This link is not known. Ask the school for a new one.");
        }
    }

    public static class NoQuestions extends RuleBrokenException {
        public NoQuestions() {
            super("questions", "A survey asks at least one question");
        }
    }

    public static class QuestionNotSound extends RuleBrokenException {
        public QuestionNotSound(String detail) {
            super("questions", detail);
        }
    }

    public static class QuestionsFixed extends RuleBrokenException {
        public QuestionsFixed() {
            super("questions", "A survey's questions are fixed once it opens: copy it to ask others");
        }
    }

    public static class NotOpen extends RuleBrokenException {
        public NotOpen(String field) {
            super(field, "The survey is not open");
        }
    }

    public static class AlreadyOpened extends RuleBrokenException {
        public AlreadyOpened() {
            super("surveyId", "The survey has been opened already");
        }
    }

    public static class ClosesInThePast extends RuleBrokenException {
        public ClosesInThePast() {
            super("closesAt", "A survey must close after it opens");
        }
    }

    public static class AnswerNotSound extends RuleBrokenException {
        public AnswerNotSound(String detail) {
            super("answers", detail);
        }
    }

    public static class NoSuchAction extends NotFoundException {
        public NoSuchAction() {
            super("No such action");
        }
    }

    public static class NotAQuestionOfTheSurvey extends RuleBrokenException {
        public NotAQuestionOfTheSurvey(String field, String questionId) {
            super(field, "The survey has no question " + questionId);
        }
    }
}

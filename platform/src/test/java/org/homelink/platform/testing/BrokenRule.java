package org.homelink.platform.testing;

import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.homelink.platform.web.RuleBrokenException;

/**
 * For aggregate fixture tests: the rule a command broke, and the field it names, since the field is what the 422
 * tells the caller to correct.
 */
public final class BrokenRule extends TypeSafeMatcher<Throwable> {

    private final Class<? extends RuleBrokenException> rule;
    private final String field;

    private BrokenRule(Class<? extends RuleBrokenException> rule, String field) {
        this.rule = rule;
        this.field = field;
    }

    /** An exception of type {@code rule} naming {@code field}. */
    public static Matcher<Throwable> of(Class<? extends RuleBrokenException> rule, String field) {
        return new BrokenRule(rule, field);
    }

    @Override
    protected boolean matchesSafely(Throwable thrown) {
        return rule.isInstance(thrown) && field.equals(((RuleBrokenException) thrown).field());
    }

    @Override
    public void describeTo(Description description) {
        description.appendText(rule.getSimpleName() + " naming the field " + field);
    }

    @Override
    protected void describeMismatchSafely(Throwable thrown, Description description) {
        description.appendText("was " + thrown.getClass().getSimpleName()
                               + (thrown instanceof RuleBrokenException broken ? " naming " + broken.field() : ""));
    }
}

package org.homelink.engagement.attendance.command;

import org.homelink.platform.web.RuleBrokenException;

/** The rules attendance keeps, each its own exception naming the request field at fault. */
public final class AttendanceRules {

    private AttendanceRules() {
    }

    public static class EmptyRegister extends RuleBrokenException {
        public EmptyRegister() {
            super("file", "The file holds no marks");
        }
    }
}

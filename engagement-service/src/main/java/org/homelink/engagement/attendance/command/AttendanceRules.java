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

    /** Not text in UTF-8: a spreadsheet's own format, or a CSV saved in another encoding. */
    public static class UnreadableRegister extends RuleBrokenException {
        public UnreadableRegister() {
            super("file", "The file is not CSV text in UTF-8: export the register as CSV (UTF-8) and send it again");
        }
    }
}

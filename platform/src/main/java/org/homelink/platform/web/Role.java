package org.homelink.platform.web;

import java.util.Arrays;
import java.util.Optional;

/** What a member of staff, or a partner, acts as. Named as schools name them. */
public enum Role {
    TRUST_LEADER,
    SCHOOL_LEADER,
    KEY_WORKER,
    TEACHER,
    ATTENDANCE_OFFICER,
    OFFICE_STAFF,
    PARTNER;

    /** The header form: {@code trust-leader}, {@code key-worker}, ... */
    public String headerValue() {
        return name().toLowerCase().replace('_', '-');
    }

    public static Optional<Role> fromHeader(String value) {
        return Arrays.stream(values()).filter(role -> role.headerValue().equals(value)).findFirst();
    }
}

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

    /** The form tokens carry: {@code trust-leader}, {@code key-worker}, ... */
    public String claimValue() {
        return name().toLowerCase().replace('_', '-');
    }

    public static Optional<Role> fromClaim(String value) {
        return Arrays.stream(values()).filter(role -> role.claimValue().equals(value)).findFirst();
    }
}

package org.homelink.platform.security;

import org.homelink.platform.web.Role;

import java.util.EnumSet;
import java.util.Set;

import static org.homelink.platform.web.Role.ATTENDANCE_OFFICER;
import static org.homelink.platform.web.Role.KEY_WORKER;
import static org.homelink.platform.web.Role.OFFICE_STAFF;
import static org.homelink.platform.web.Role.PARTNER;
import static org.homelink.platform.web.Role.SCHOOL_LEADER;
import static org.homelink.platform.web.Role.TEACHER;
import static org.homelink.platform.web.Role.TRUST_LEADER;

/**
 * What each role may do, once, for every service. A controller method names the permission it needs with
 * {@link Allowed}; which records the caller may touch (their schools, their trust, what is addressed to their
 * organisation) is checked with each record on top of this. docs/security.md prints this table, and a test keeps the
 * two the same.
 * <p>
 * The principle is least privilege: each role gets what its work needs. Teachers see their pupils' families and
 * attendance and run activities, but not barriers, voice or referrals; office staff keep records and send messages
 * but do not see support needs or attendance detail; attendance officers see attendance and barriers; key workers
 * hold caseloads and refer families to partners (support needs say things such as "domestic abuse", so only staff
 * whose work is supporting families see them); leaders set how their schools work, and answer for the data (audit,
 * erasure, subject access).
 * Partners see only referrals addressed to their organisation and keep their own directory entries.
 */
public enum Permission {

    SCHOOLS_READ("see the trust and its schools", TRUST_LEADER, SCHOOL_LEADER, KEY_WORKER, TEACHER, ATTENDANCE_OFFICER,
                 OFFICE_STAFF),
    SCHOOLS_REGISTER("register the trust and its schools", TRUST_LEADER),
    FAMILIES_READ("see families, carers, children, contact preferences and timelines", TRUST_LEADER, SCHOOL_LEADER,
                  KEY_WORKER, TEACHER, ATTENDANCE_OFFICER, OFFICE_STAFF),
    FAMILIES_EDIT("register families, keep carers' and children's details, enrolments and leavers", TRUST_LEADER,
                  SCHOOL_LEADER, KEY_WORKER, OFFICE_STAFF),
    FAMILY_SUPPORT("see and record barriers, family voice and consent", TRUST_LEADER, SCHOOL_LEADER, KEY_WORKER,
                   ATTENDANCE_OFFICER),
    KEY_WORKERS_ASSIGN("assign key workers", TRUST_LEADER, SCHOOL_LEADER),
    ACTIVITIES_RUN("plan activities and parents' evenings, invite, check families in, book slots", TRUST_LEADER,
                   SCHOOL_LEADER, KEY_WORKER, TEACHER, OFFICE_STAFF),
    CONTACTS_LOG("log contacts with families and their follow-ups", TRUST_LEADER, SCHOOL_LEADER, KEY_WORKER, TEACHER,
                 ATTENDANCE_OFFICER, OFFICE_STAFF),
    REACH_READ("see reach, the underserved list and caseloads", TRUST_LEADER, SCHOOL_LEADER, KEY_WORKER,
               ATTENDANCE_OFFICER),
    SCHOOL_SETTINGS("change a school's settings: reach, attendance thresholds, messages, agreements", TRUST_LEADER,
                    SCHOOL_LEADER),
    ATTENDANCE_READ("see pupils' attendance, the lists and the before-and-after view", TRUST_LEADER, SCHOOL_LEADER,
                    KEY_WORKER, TEACHER, ATTENDANCE_OFFICER),
    ATTENDANCE_IMPORT("import attendance marks", TRUST_LEADER, SCHOOL_LEADER, ATTENDANCE_OFFICER, OFFICE_STAFF),
    CONCERNS_WORK("raise and work attendance concerns (escalation is for attendance officers and leaders)",
                  TRUST_LEADER, SCHOOL_LEADER, KEY_WORKER, ATTENDANCE_OFFICER),
    MESSAGES_SEND("write, preview, send and follow messages (urgent ones: leaders only)", TRUST_LEADER, SCHOOL_LEADER,
                  KEY_WORKER, TEACHER, ATTENDANCE_OFFICER, OFFICE_STAFF),
    STAFF_TASKS("work the staff task board: call or visit carers a message could not reach", TRUST_LEADER,
                SCHOOL_LEADER, KEY_WORKER, TEACHER, ATTENDANCE_OFFICER, OFFICE_STAFF),
    FAMILY_APP("serve the family app: a carer's feed and a family's digest choice", TRUST_LEADER, SCHOOL_LEADER,
               OFFICE_STAFF),
    SURVEYS_RUN("write, open, close and send parent voice surveys, and say what was done", TRUST_LEADER,
                SCHOOL_LEADER),
    SURVEY_RESULTS_READ("see parent voice results", TRUST_LEADER, SCHOOL_LEADER, KEY_WORKER, TEACHER),
    AGREEMENTS_KEEP("see who has acknowledged the home-school agreement, record an acknowledgement", TRUST_LEADER,
                    SCHOOL_LEADER, KEY_WORKER, TEACHER, OFFICE_STAFF),
    REFERRALS_MAKE("raise support needs, find matching services, refer families and follow referrals",
                   TRUST_LEADER, SCHOOL_LEADER, KEY_WORKER),
    REFERRALS_ANSWER("open, accept, decline and close referrals addressed to the caller's organisation", PARTNER),
    DIRECTORY_READ("see partner organisations and their services", TRUST_LEADER, SCHOOL_LEADER, KEY_WORKER, TEACHER,
                   ATTENDANCE_OFFICER, OFFICE_STAFF, PARTNER),
    DIRECTORY_KEEP("add and change partner organisations and services (a partner: its own)", TRUST_LEADER,
                   SCHOOL_LEADER, KEY_WORKER, PARTNER),
    AUDIT_READ("see who read or changed a family's data", TRUST_LEADER, SCHOOL_LEADER),
    FAMILIES_EXPORT("export everything held about a family (subject access)", TRUST_LEADER, SCHOOL_LEADER),
    FAMILIES_ERASE("erase a family", TRUST_LEADER, SCHOOL_LEADER);

    private final String what;
    private final Set<Role> roles;

    Permission(String what, Role first, Role... others) {
        this.what = what;
        this.roles = EnumSet.of(first, others);
    }

    /** What the permission lets a caller do, in words for the docs and for a refusal. */
    public String what() {
        return what;
    }

    public boolean grantedTo(Role role) {
        return roles.contains(role);
    }

    public Set<Role> roles() {
        return Set.copyOf(roles);
    }
}

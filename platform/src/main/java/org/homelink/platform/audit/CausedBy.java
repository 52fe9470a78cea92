package org.homelink.platform.audit;

import org.homelink.platform.web.RequestContext;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Who caused a command and every event it led to: the metadata {@value #KEY} of each message. Ids only, never
 * names, because events are kept for ever:
 * <ul>
 *     <li>a signed-in caller: {@code {role, staff, trust, organisation}} (the trust absent for a partner, the
 *     organisation absent for staff);</li>
 *     <li>the service itself (a scheduled job, a webhook, a message sent with no caller):
 *     {@code {system: "engagement-service", job: "scheduled-sending"}}, the job when the work named one with
 *     {@link SystemWork}.</li>
 * </ul>
 * Events applied while a command is handled carry the command's value (Axon copies it as correlation data), and so
 * do commands sent by an event handler: a change a processor makes because a member of staff changed something is
 * caused by that member of staff.
 */
public final class CausedBy {

    public static final String KEY = "causedBy";

    private CausedBy() {
    }

    /** The metadata value naming a signed-in caller. */
    public static Map<String, String> caller(RequestContext caller) {
        Map<String, String> value = new LinkedHashMap<>();
        value.put("role", caller.role().claimValue());
        value.put("staff", caller.staffId());
        putUnlessNull(value, "trust", caller.trustId());
        putUnlessNull(value, "organisation", caller.organisationId());
        return value;
    }

    /** The metadata value naming the service itself, and the job it was doing when it said. */
    public static Map<String, String> system(String service, String job) {
        Map<String, String> value = new LinkedHashMap<>();
        value.put("system", service);
        putUnlessNull(value, "job", job);
        return value;
    }

    private static void putUnlessNull(Map<String, String> value, String key, String entry) {
        if (entry != null) {
            value.put(key, entry);
        }
    }
}

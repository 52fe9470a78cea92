package org.homelink.platform.audit;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * For a handler that knows which family a request concerns when neither the path, the body nor the answer says: a
 * partner's view of a referral leaves the family's id out on purpose, yet the read is of that family.
 */
public final class FamilyAudit {

    private FamilyAudit() {
    }

    /** Records the request being handled on this thread as concerning this family too. */
    public static void concerns(String familyId) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null || familyId == null) {
            return;
        }
        List<String> named = new ArrayList<>();
        if (request.getAttribute(AuditInterceptor.FAMILIES, RequestAttributes.SCOPE_REQUEST)
                instanceof Collection<?> earlier) {
            earlier.forEach(id -> named.add(String.valueOf(id)));
        }
        named.add(familyId);
        request.setAttribute(AuditInterceptor.FAMILIES, named, RequestAttributes.SCOPE_REQUEST);
    }
}

package org.homelink.platform.audit;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.homelink.platform.security.Callers;
import org.homelink.platform.web.Ids;
import org.homelink.platform.web.RequestContext;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Records every answered request of a signed-in caller that reads or changes families' data: one whose path or
 * query names a {@code familyId}, or whose endpoint says how it concerns families ({@link AuditsFamilies}). It runs
 * once the answer is decided, refusals included (a 403 or a 404 is an attempt worth knowing about), and only queues
 * the entry: the {@link AuditTrail} writes it. What it records is ids, the route pattern and the names of the query
 * parameters the endpoint declares, never a value the caller typed.
 * <p>
 * Requests without a caller are not recorded: the only ones are a carer's personal links (the family reading its
 * own) and providers' webhooks.
 */
final class AuditInterceptor implements HandlerInterceptor {

    static final String FAMILIES = AuditInterceptor.class.getName() + ".families";
    static final String LISTED = AuditInterceptor.class.getName() + ".listed";

    private static final Pattern ID = Pattern.compile(Ids.ID);
    private static final Pattern URN = Pattern.compile(Ids.URN);
    private static final String FAMILY_ID = "familyId";
    private static final List<String> SCHOOL_NAMES = List.of("schoolUrn", "school");
    private static final ParameterNameDiscoverer PARAMETER_NAMES = new DefaultParameterNameDiscoverer();

    private final AuditTrail trail;
    private final Clock clock;
    private final Map<Method, Set<String>> declaredParameters = new ConcurrentHashMap<>();

    AuditInterceptor(AuditTrail trail, Clock clock) {
        this.trail = trail;
        this.clock = clock;
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
                                Exception failure) {
        if (!(handler instanceof HandlerMethod method) || !method.getBeanType().getName().startsWith("org.homelink.")) {
            return;
        }
        Optional<RequestContext> caller = Callers.current();
        if (caller.isEmpty()) {
            return;
        }
        AuditsFamilies audits = method.getMethodAnnotation(AuditsFamilies.class);
        Map<String, String> pathVariables = pathVariables(request);
        Set<String> declared = declaredParameters.computeIfAbsent(method.getMethod(),
                                                                  m -> declaredParameters(method));
        Set<String> familyIds = new LinkedHashSet<>();
        addId(familyIds, pathVariables.get(FAMILY_ID));
        if (declared.contains(FAMILY_ID)) {
            addId(familyIds, request.getParameter(FAMILY_ID));
        }
        if (request.getAttribute(FAMILIES) instanceof Collection<?> named) {
            named.forEach(id -> addId(familyIds, String.valueOf(id)));
        }
        if (familyIds.isEmpty() && audits == null) {
            return;
        }
        List<String> parameters = new ArrayList<>();
        for (String name : request.getParameterMap().keySet()) {
            if (declared.contains(name)) {
                parameters.add(name);
            }
        }
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        trail.record(new AuditedRequest(
                clock.instant(), request.getMethod() + " " + pattern, parameters,
                failure != null ? HttpServletResponse.SC_INTERNAL_SERVER_ERROR : response.getStatus(),
                caller.get(), List.copyOf(familyIds), school(audits, pathVariables, request),
                request.getAttribute(LISTED) instanceof AuditEntry.Listed listed ? listed : null));
    }

    private static String school(AuditsFamilies audits, Map<String, String> pathVariables,
                                 HttpServletRequest request) {
        List<String> names = audits == null || audits.school().isEmpty() ? SCHOOL_NAMES : List.of(audits.school());
        for (String name : names) {
            String value = pathVariables.containsKey(name) ? pathVariables.get(name) : request.getParameter(name);
            if (value != null && URN.matcher(value).matches()) {
                return value;
            }
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> pathVariables(HttpServletRequest request) {
        Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        return variables instanceof Map<?, ?> map ? (Map<String, String>) map : Map.of();
    }

    private static void addId(Set<String> ids, String id) {
        if (id != null && ID.matcher(id).matches()) {
            ids.add(id);
        }
    }

    /**
     * The query parameters an endpoint declares: only their names are recorded, and only these, since a caller may
     * send any name at all, a child's name included.
     */
    private static Set<String> declaredParameters(HandlerMethod method) {
        Set<String> names = new LinkedHashSet<>();
        String[] compiledNames = PARAMETER_NAMES.getParameterNames(method.getMethod());
        for (MethodParameter parameter : method.getMethodParameters()) {
            RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
            if (param != null && !Map.class.isAssignableFrom(parameter.getParameterType())) {
                String name = !param.name().isEmpty() ? param.name()
                        : compiledNames != null ? compiledNames[parameter.getParameterIndex()] : null;
                if (name != null) {
                    names.add(name);
                }
            } else if (parameter.getParameterType().isRecord()
                       && (parameter.hasParameterAnnotation(ParameterObject.class)
                           || parameter.hasParameterAnnotation(ModelAttribute.class))) {
                for (RecordComponent component : parameter.getParameterType().getRecordComponents()) {
                    names.add(component.getName());
                }
            }
        }
        return Set.copyOf(names);
    }
}

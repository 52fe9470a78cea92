package org.homelink.platform.audit;

import com.fasterxml.jackson.databind.JsonNode;
import org.homelink.platform.web.Ids;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What the audit trail reads from a request's body or an answer: the family it names ({@code familyId} or
 * {@code familyIds}) and, for a list, how many items it holds ({@code items} and {@code totalItems}, as
 * {@link org.homelink.platform.web.Paged} and the services' pages name them, another property the endpoint names,
 * or a plain list). Only records, maps
 * and JSON trees are read, and only those properties (and, for a family's id, those of the records an answer wraps):
 * nothing else of a family's data is looked at.
 */
final class AnswerContents {

    static final int MOST_FAMILIES = 100;
    private static final Pattern ID = Pattern.compile(Ids.ID);

    private static final ClassValue<Map<String, RecordComponent>> COMPONENTS = new ClassValue<>() {
        @Override
        protected Map<String, RecordComponent> computeValue(Class<?> type) {
            if (!type.isRecord()) {
                return Map.of();
            }
            Map<String, RecordComponent> components = new LinkedHashMap<>();
            for (RecordComponent component : type.getRecordComponents()) {
                // Records nested in controllers are not public: their accessors must be made reachable. One that
                // cannot be (a library's, in a module of its own) is left unread.
                if (component.getAccessor().trySetAccessible()) {
                    components.put(component.getName(), component);
                }
            }
            return components;
        }
    };

    private AnswerContents() {
    }

    /**
     * The well-formed family ids a body or answer names, at most {@value #MOST_FAMILIES}: its own, or else those of
     * the records it wraps (a view of a concern, say, that holds the concern).
     */
    static List<String> familyIds(Object body) {
        List<String> ids = ownFamilyIds(body);
        if (ids.isEmpty() && body != null) {
            for (RecordComponent component : COMPONENTS.get(body.getClass()).values()) {
                Object wrapped = value(body, component);
                if (wrapped != null && wrapped.getClass().isRecord()) {
                    ids.addAll(ownFamilyIds(wrapped));
                }
            }
        }
        return ids.size() > MOST_FAMILIES ? List.copyOf(ids.subList(0, MOST_FAMILIES)) : ids;
    }

    private static List<String> ownFamilyIds(Object body) {
        List<String> ids = new ArrayList<>();
        addIds(ids, property(body, "familyId"));
        addIds(ids, property(body, "familyIds"));
        return ids;
    }

    /**
     * How many items a list answer holds (itself, or its property {@code itemsProperty}), and of how many in all when
     * it says ({@code totalItems}); null when it is no list.
     */
    static AuditEntry.Listed listed(Object body, String itemsProperty) {
        if (body instanceof Collection<?> list) {
            return new AuditEntry.Listed(list.size(), null);
        }
        if (body instanceof JsonNode node && node.isArray()) {
            return new AuditEntry.Listed(node.size(), null);
        }
        Object items = property(body, itemsProperty);
        if (items == null) {
            return null;
        }
        Integer count = items instanceof Collection<?> list ? list.size()
                : items instanceof JsonNode node && node.isArray() ? node.size() : null;
        Object total = property(body, "totalItems");
        Long totalItems = total instanceof Number number ? number.longValue()
                : total instanceof JsonNode node && node.isNumber() ? node.longValue() : null;
        return new AuditEntry.Listed(count, totalItems);
    }

    private static Object property(Object body, String name) {
        if (body == null) {
            return null;
        }
        if (body instanceof Map<?, ?> map) {
            return map.get(name);
        }
        if (body instanceof JsonNode node) {
            return node.get(name);
        }
        RecordComponent component = COMPONENTS.get(body.getClass()).get(name);
        return component == null ? null : value(body, component);
    }

    private static Object value(Object record, RecordComponent component) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }

    private static void addIds(List<String> ids, Object value) {
        if (value instanceof Collection<?> many) {
            many.forEach(one -> addIds(ids, one));
        } else if (value instanceof JsonNode node && node.isArray()) {
            node.forEach(one -> addIds(ids, one));
        } else if (value != null) {
            String id = value instanceof JsonNode node ? node.asText() : value.toString();
            if (ID.matcher(id).matches() && !ids.contains(id)) {
                ids.add(id);
            }
        }
    }
}

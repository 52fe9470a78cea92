package org.homelink.platform.privacy;

import org.homelink.contracts.privacy.DataSubject;
import org.homelink.contracts.privacy.PersonalData;

import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a record type holds personal data, worked out once per class from its {@link PersonalData} and
 * {@link DataSubject} components: its own personal components, the component naming its subject, and the
 * components holding nested records (alone or in a collection) that hold personal data themselves. Names are the
 * records' component names, which are also their JSON names: events carry no serialiser annotations.
 *
 * @param type     the record type
 * @param subject  the component holding the family's id, or null when the subject comes from an enclosing record
 * @param accessor the subject component's accessor, or null
 * @param personal the components that are personal data, encrypted whole whatever their type
 * @param nested   components holding records with personal data in them, by name
 */
record PersonalFields(Class<?> type, String subject, Method accessor, List<String> personal,
                      Map<String, PersonalFields> nested) {

    private static final ClassValue<PersonalFields> BY_CLASS = new ClassValue<>() {
        @Override
        protected PersonalFields computeValue(Class<?> type) {
            return inspect(type);
        }
    };

    static PersonalFields of(Class<?> type) {
        return BY_CLASS.get(type);
    }

    /** Whether values of the type hold any personal data, here or nested: if not, they are stored as they are. */
    boolean any() {
        return !personal.isEmpty() || !nested.isEmpty();
    }

    /** The family a value of this type names as its own subject, if its type has one and the value names it. */
    Optional<String> subjectOf(Object value) {
        if (accessor == null || !any()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable((String) accessor.invoke(value));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot read the data subject of " + type.getName(), e);
        }
    }

    private static PersonalFields inspect(Class<?> type) {
        if (!type.isRecord()) {
            return new PersonalFields(type, null, null, List.of(), Map.of());
        }
        String subject = null;
        Method accessor = null;
        List<String> personal = new ArrayList<>();
        Map<String, PersonalFields> nested = new LinkedHashMap<>();
        for (RecordComponent component : type.getRecordComponents()) {
            if (component.isAnnotationPresent(DataSubject.class)) {
                if (component.getType() != String.class) {
                    throw new IllegalStateException(type.getName() + "." + component.getName()
                                                    + " names a data subject, so must hold a family's id");
                }
                subject = component.getName();
                accessor = component.getAccessor();
                accessor.setAccessible(true);
            }
            if (component.isAnnotationPresent(PersonalData.class)) {
                personal.add(component.getName());
                continue;
            }
            nestedRecord(component).filter(record -> record != type).map(PersonalFields::of)
                                   .filter(PersonalFields::any)
                                   .ifPresent(fields -> nested.put(component.getName(), fields));
        }
        return new PersonalFields(type, subject, accessor, List.copyOf(personal), Map.copyOf(nested));
    }

    /** The record type a component holds, directly or as the elements of a collection or an array. */
    private static Optional<Class<?>> nestedRecord(RecordComponent component) {
        Class<?> type = component.getType();
        if (type.isRecord()) {
            return Optional.of(type);
        }
        if (type.isArray() && type.getComponentType().isRecord()) {
            return Optional.of(type.getComponentType());
        }
        if (Collection.class.isAssignableFrom(type)
            && component.getGenericType() instanceof ParameterizedType generic) {
            Type element = generic.getActualTypeArguments()[0];
            if (element instanceof Class<?> elementType && elementType.isRecord()) {
                return Optional.of(elementType);
            }
        }
        return Optional.empty();
    }
}

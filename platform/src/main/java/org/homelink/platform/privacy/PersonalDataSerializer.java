package org.homelink.platform.privacy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.Converter;
import org.axonframework.serialization.SerializationException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;

import java.util.Map;

/**
 * The event serializer with personal data encrypted: every {@code @PersonalData} component of an event is stored as
 * an envelope sealed under the key of the family its {@code @DataSubject} names (see {@link PersonalDataCipher}), and
 * read back as it was, or as {@code null} once the family's key is gone, so the event still reads. Everything else is
 * the Jackson serializer it wraps, unchanged: events with no personal data take its path as they are, and so does
 * every stored event with no envelope in it.
 * <p>
 * Only the values marked as personal are touched, found by each class's metadata ({@link PersonalFields}), worked
 * out once per class. Upcasters see envelopes where personal values were, and move them like any other value.
 */
public final class PersonalDataSerializer implements Serializer {

    private final JacksonSerializer delegate;
    private final ObjectMapper mapper;
    private final PersonalDataCipher cipher;

    public PersonalDataSerializer(JacksonSerializer delegate, FamilyKeys keys) {
        this.delegate = delegate;
        this.mapper = delegate.getObjectMapper();
        this.cipher = new PersonalDataCipher(keys, mapper);
    }

    /** Wraps the services' event serializer, which must be Jackson's: only JSON is walked for personal values. */
    public static PersonalDataSerializer wrapping(Serializer eventSerializer, FamilyKeys keys) {
        if (!(eventSerializer instanceof JacksonSerializer jackson)) {
            throw new IllegalStateException("Personal data is encrypted in JSON events only, but the event serializer "
                                            + "is " + eventSerializer.getClass().getName()
                                            + ": set axon.serializer.events to jackson");
        }
        return new PersonalDataSerializer(jackson, keys);
    }

    @Override
    public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
        PersonalFields fields = object == null ? null : PersonalFields.of(object.getClass());
        if (fields == null || !fields.any()) {
            return delegate.serialize(object, expectedRepresentation);
        }
        JsonNode tree = mapper.valueToTree(object);
        walk(tree, fields, null, (familyId, value) -> {
            if (familyId == null) {
                throw new IllegalStateException(object.getClass().getName()
                                                + " holds personal data but names no family it is about");
            }
            return cipher.seal(familyId, value);
        });
        SerializedType type = delegate.typeForClass(object.getClass());
        try {
            if (String.class.equals(expectedRepresentation)) {
                return new SimpleSerializedObject<>(expectedRepresentation.cast(mapper.writeValueAsString(tree)),
                                                    expectedRepresentation, type);
            }
            return new SimpleSerializedObject<>(getConverter().convert(mapper.writeValueAsBytes(tree),
                                                                       expectedRepresentation),
                                                expectedRepresentation, type);
        } catch (JsonProcessingException e) {
            throw new SerializationException("Unable to serialize " + object.getClass().getName(), e);
        }
    }

    @Override
    public <T> boolean canSerializeTo(Class<T> expectedRepresentation) {
        return delegate.canSerializeTo(expectedRepresentation);
    }

    @Override
    public <S, T> T deserialize(SerializedObject<S> serializedObject) {
        if (SerializedType.emptyType().equals(serializedObject.getType())) {
            return delegate.deserialize(serializedObject);
        }
        PersonalFields fields = PersonalFields.of(classForType(serializedObject.getType()));
        if (!fields.any() || holdsNoEnvelope(serializedObject.getData())) {
            return delegate.deserialize(serializedObject);
        }
        JsonNode tree = serializedObject.getData() instanceof JsonNode upcast
                ? upcast.deepCopy() // an upcaster's result may be shared: it is not ours to change
                : getConverter().convert(serializedObject.getData(), serializedObject.getContentType(),
                                         JsonNode.class);
        walk(tree, fields, null, cipher::open);
        return delegate.deserialize(new SimpleSerializedObject<>(tree, JsonNode.class, serializedObject.getType()));
    }

    @Override
    public Class classForType(SerializedType type) {
        return delegate.classForType(type);
    }

    @Override
    public SerializedType typeForClass(Class type) {
        return delegate.typeForClass(type);
    }

    @Override
    public Converter getConverter() {
        return delegate.getConverter();
    }

    /** Events as stored are strings: one with no envelope in it is read without building a tree first. */
    private static boolean holdsNoEnvelope(Object data) {
        return data instanceof String json && !json.contains("\"" + PersonalDataCipher.ENVELOPE + "\"");
    }

    /**
     * Replaces each personal value under {@code node} by what {@code change} makes of it, given the family it is
     * about: the nearest subject named by the record itself or by a record it is nested in.
     */
    private static void walk(JsonNode node, PersonalFields fields, String familyId, ValueChange change) {
        if (!(node instanceof ObjectNode object)) {
            return;
        }
        String subject = familyId;
        if (fields.subject() != null) {
            JsonNode named = object.get(fields.subject());
            subject = named == null || named.isNull() ? null : named.asText();
        }
        for (String name : fields.personal()) {
            JsonNode value = object.get(name);
            if (value != null && !value.isNull()) {
                object.set(name, change.apply(subject, value));
            }
        }
        for (Map.Entry<String, PersonalFields> nested : fields.nested().entrySet()) {
            JsonNode child = object.get(nested.getKey());
            if (child instanceof ArrayNode elements) {
                for (JsonNode element : elements) {
                    walk(element, nested.getValue(), subject, change);
                }
            } else {
                walk(child, nested.getValue(), subject, change);
            }
        }
    }

    /** What becomes of one personal value of a family: sealed, or opened. */
    @FunctionalInterface
    private interface ValueChange {
        JsonNode apply(String familyId, JsonNode value);
    }
}

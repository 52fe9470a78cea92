package org.homelink.platform.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.Iterator;
import java.util.Map;

/**
 * Opens the personal values of one family in an event as stored, as JSON, whatever the event's class (a service need
 * not have the classes of other services' events): for a subject access export, which shows a family everything held
 * about it and nothing about anyone else.
 * <p>
 * Each envelope is opened under this family's key only. One that does not open is another family's (or, once the
 * family is erased, its own, gone for good) and is replaced by {@link #WITHHELD}. An event about several families
 * holds one nested record per family: an element of a list that names another family's {@code familyId}, or holds an
 * envelope that is not this family's, is withheld whole, so that the other family's ids go with its values.
 */
public final class FamilyDataOpener {

    /** What stands in place of another family's data. */
    public static final String WITHHELD = "withheld: another family's data";

    private static final String FAMILY_ID = "familyId";

    private final PersonalDataCipher cipher;

    public FamilyDataOpener(FamilyKeys keys) {
        this.cipher = new PersonalDataCipher(keys, new ObjectMapper());
    }

    /** A copy of {@code payload} with this family's personal values opened and every other family's withheld. */
    public JsonNode openFor(String familyId, JsonNode payload) {
        return open(familyId, payload.deepCopy(), new Foreign());
    }

    /** Whether anything of another family was met in a record, outside the lists nested in it. */
    private static final class Foreign {
        boolean found;
    }

    private JsonNode open(String familyId, JsonNode node, Foreign foreign) {
        if (PersonalDataCipher.isEnvelope(node)) {
            return cipher.openIfTheFamilys(familyId, node).orElseGet(() -> {
                foreign.found = true;
                return TextNode.valueOf(WITHHELD);
            });
        }
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                field.setValue(open(familyId, field.getValue(), foreign));
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, element(familyId, array.get(i)));
            }
        }
        return node;
    }

    /** An element of a list: one family's record in an event about several, withheld whole if not this family's. */
    private JsonNode element(String familyId, JsonNode element) {
        Foreign foreign = new Foreign();
        JsonNode opened = open(familyId, element, foreign);
        JsonNode named = element.get(FAMILY_ID);
        boolean anotherFamily = named != null && named.isTextual() && !named.asText().equals(familyId);
        return foreign.found || anotherFamily ? TextNode.valueOf(WITHHELD) : opened;
    }
}

package org.homelink.partners.directory;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The canonical form documents are kept in: the same document, however its keys were ordered, is the same text. */
class OpenReferralDocumentsTest {

    private static final String SERVICE = "5f0c3a8e-9d1b-4c2a-8f3e-1a2b3c4d5e6f";
    private static final String ORGANISATION = "0b7e6d5c-4a3b-4c2d-9e1f-6a5b4c3d2e1f";

    private final ObjectMapper json = new ObjectMapper();
    private final OpenReferralDocuments documents = new OpenReferralDocuments(json);

    @Test
    void keysAreInOrderAtEveryLevelHoweverTheyWereSent() throws Exception {
        String inOneOrder = """
                {"status": "active", "name": "Larder", "organization_id": "%s",
                 "schedules": [{"opens_at": "10:00", "closes_at": "14:00", "byday": "MO"}]}""".formatted(ORGANISATION);
        String inAnother = """
                {"schedules": [{"byday": "MO", "closes_at": "14:00", "opens_at": "10:00"}],
                 "organization_id": "%s", "name": "Larder", "status": "active"}""".formatted(ORGANISATION);

        String kept = documents.service(json.readTree(inOneOrder), SERVICE, null).document();

        assertThat(documents.service(json.readTree(inAnother), SERVICE, null).document()).isEqualTo(kept);
        assertThat(kept).startsWith("{\"id\":\"" + SERVICE + "\",\"name\":\"Larder\",\"organization_id\":")
                        .contains("\"schedules\":[{\"byday\":\"MO\",\"closes_at\":\"14:00\",\"id\":");
    }
}

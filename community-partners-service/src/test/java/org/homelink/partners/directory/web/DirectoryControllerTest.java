package org.homelink.partners.directory.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.homelink.partners.directory.OpenReferralDocuments;
import org.homelink.partners.directory.query.DirectoryProjection;
import org.homelink.platform.web.ExpectedVersion;
import org.homelink.platform.web.RequestContext;
import org.homelink.platform.web.Role;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * The directory's answers to a change when its read model has not caught up within the wait: the change is made,
 * so the answer is the service as sent, never a 500 that would free the idempotency key for a second copy.
 */
class DirectoryControllerTest {

    private static final RequestContext KEY_WORKER = new RequestContext("trust", Set.of("900001"), Role.KEY_WORKER,
                                                                        "kw");

    private final ObjectMapper json = new ObjectMapper();
    private final CommandGateway commands = mock(CommandGateway.class);
    private final DirectoryProjection behind = mock(DirectoryProjection.class);
    private final DirectoryController controller = new DirectoryController(
            commands, new OpenReferralDocuments(json), behind,
            Clock.fixed(Instant.parse("2026-03-02T10:15:30Z"), ZoneOffset.UTC), Duration.ZERO);

    DirectoryControllerTest() {
        when(behind.versionOfService(anyString())).thenReturn(-1L);
        when(behind.service(anyString())).thenReturn(Optional.empty());
    }

    @Test
    void aPublishedServiceIsAnsweredAsSentWhenTheDirectoryHasNotShownItYet() {
        ResponseEntity<JsonNode> created = controller.publishService(KEY_WORKER, service());

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getHeaders().getETag()).isEqualTo("\"0\"");
        assertThat(created.getBody().path("name").asText()).isEqualTo("Community larder");
        assertThat(created.getBody().path("capacity").asInt()).isEqualTo(25);
        assertThat(created.getBody().path("categories").toString()).isEqualTo("[\"food\"]");
    }

    @Test
    void aRevisedServiceIsAnsweredAsSentWhenTheDirectoryHasNotShownItYet() {
        String serviceId = UUID.randomUUID().toString();
        when(commands.sendAndWait(any())).thenReturn(3L);

        ResponseEntity<JsonNode> revised = controller.reviseService(KEY_WORKER, serviceId, new ExpectedVersion(2L),
                                                                    service());

        assertThat(revised.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(revised.getHeaders().getETag()).isEqualTo("\"3\"");
        assertThat(revised.getBody().path("id").asText()).isEqualTo(serviceId);
        assertThat(revised.getBody().path("capacity").asInt()).isEqualTo(25);
        assertThat(revised.getBody().path("categories").toString()).isEqualTo("[\"food\"]");
    }

    private ObjectNode service() {
        ObjectNode service = json.createObjectNode();
        service.put("organization_id", UUID.randomUUID().toString());
        service.put("name", "Community larder");
        service.put("description", "Pay £3, take what you need");
        service.put("status", "active");
        service.put("capacity", 25);
        service.putArray("categories").add("food");
        return service;
    }
}

package org.homelink.family.security;

import org.homelink.platform.testing.EndpointMatrix;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.List;
import java.util.Map;

import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

/** Every endpoint of family-service names who may call it, and refuses callers without a token or the permission. */
@SpringBootTest(webEnvironment = RANDOM_PORT)
@ActiveProfiles("test")
class EveryEndpointTest {

    @Autowired
    TestRestTemplate http;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    @Test
    void everyEndpointSaysWhoMayCallIt() {
        EndpointMatrix.assertEveryEndpointSaysWhoMayCallIt(EndpointMatrix.endpoints(mapping));
    }

    @Test
    void withoutATokenOrThePermissionNoEndpointAnswers() {
        List<EndpointMatrix.Endpoint> endpoints = EndpointMatrix.endpoints(mapping);

        EndpointMatrix.assertTheDoorsHold(http, endpoints, Map.of(), "matrix-trust", "900901");
    }
}

package org.homelink.platform.testing;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.Map;

/**
 * The doors every service's endpoints keep, whatever the data ({@link EndpointMatrix}): a service's test extends this
 * on its running application, naming a school of its own for the callers' tokens.
 */
public abstract class EveryEndpointContract {

    @Autowired
    protected TestRestTemplate http;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    protected RequestMappingHandlerMapping mapping;

    /** The school the refused callers' tokens name: one no other test of the service uses. */
    protected abstract String school();

    @Test
    void everyEndpointSaysWhoMayCallIt() {
        EndpointMatrix.assertEveryEndpointSaysWhoMayCallIt(EndpointMatrix.endpoints(mapping));
    }

    @Test
    void withoutATokenOrThePermissionNoEndpointAnswers() {
        EndpointMatrix.assertTheDoorsHold(http, EndpointMatrix.endpoints(mapping), Map.of(), "matrix-trust", school());
    }
}

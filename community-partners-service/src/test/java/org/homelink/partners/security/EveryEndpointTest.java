package org.homelink.partners.security;

import org.homelink.platform.testing.EveryEndpointContract;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

/** Every endpoint of community-partners-service names who may call it, and refuses callers without a token or the permission. */
@SpringBootTest(webEnvironment = RANDOM_PORT)
@ActiveProfiles("test")
class EveryEndpointTest extends EveryEndpointContract {

    @Override
    protected String school() {
        return "900902";
    }
}

package org.homelink.launcher;

/** The families scenario on the embedded store, as a newcomer's local run has it. */
class FamiliesThroughTheGatewayIT extends FamiliesThroughTheGateway {

    @Override
    protected String mongoUri() {
        return null;
    }
}

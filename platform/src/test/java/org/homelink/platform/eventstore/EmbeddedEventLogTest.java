package org.homelink.platform.eventstore;

import org.homelink.platform.testing.EmbeddedMongo;

/** The event log's guarantees on the embedded server, which is what a local run and the tests use. */
class EmbeddedEventLogTest extends EventLogContract {

    @Override
    protected String connectionString() {
        return EmbeddedMongo.connectionString();
    }
}

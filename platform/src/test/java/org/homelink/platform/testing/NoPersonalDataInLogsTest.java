package org.homelink.platform.testing;

import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.slf4j.LoggerFactory;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/** The watch over the logs fails a class whose run wrote personal data, and only such a class. */
class NoPersonalDataInLogsTest {

    @Test
    void aClassWhoseRunLogsPersonalDataFailsAndOneThatDoesNotPasses() {
        EngineTestKit.engine("junit-jupiter").selectors(selectClass(LogsAName.class)).execute()
                     .containerEvents().assertStatistics(stats -> stats.failed(1));
        EngineTestKit.engine("junit-jupiter").selectors(selectClass(LogsAnId.class)).execute()
                     .containerEvents().assertStatistics(stats -> stats.failed(0));
    }

    @NoPersonalDataInLogs({"Amina Warsame", "07700 900123"})
    static class LogsAName {

        @Test
        void logs() {
            LoggerFactory.getLogger(LogsAName.class).info("Carer amina warsame added to family 42");
        }
    }

    @NoPersonalDataInLogs({"Amina Warsame", "07700 900123"})
    static class LogsAnId {

        @Test
        void logs() {
            LoggerFactory.getLogger(LogsAnId.class).info("Carer 7 added to family 42");
        }
    }
}

package org.homelink.platform.axon;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The shared event log.
 *
 * @param database   the database every service appends to and reads from
 * @param batchSize  commits fetched per read of the stream, and events per read of one aggregate
 * @param gapTimeout how long readers wait for a reserved position before skipping it as a writer that died
 * @param fetchDelay how often an idle reader looks for events appended by other processes
 */
@ConfigurationProperties("homelink.event-store")
public record EventStoreSettings(@DefaultValue("homelink-events") String database,
                                 @DefaultValue("100") int batchSize,
                                 @DefaultValue("10s") Duration gapTimeout,
                                 @DefaultValue("100ms") Duration fetchDelay) {
}

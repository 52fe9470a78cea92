package org.homelink.platform.audit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The audit trail of requests that read or change families' data.
 *
 * @param enabled        whether requests are recorded at all
 * @param queueCapacity  requests waiting to be written before a request has to wait for room
 * @param batchSize      requests written together at most
 * @param bucketCapacity entries per document before a bucket goes on in another part
 * @param waitWhenFull   how long a request waits for room in a full queue before its entry is counted as dropped
 * @param closeTimeout   how long stopping the service waits for the queued entries to be written
 */
@ConfigurationProperties("homelink.audit")
public record AuditSettings(@DefaultValue("true") boolean enabled,
                            @DefaultValue("10000") int queueCapacity,
                            @DefaultValue("500") int batchSize,
                            @DefaultValue("500") int bucketCapacity,
                            @DefaultValue("200ms") Duration waitWhenFull,
                            @DefaultValue("10s") Duration closeTimeout) {
}

package org.homelink.platform.eventstore;

import java.time.Instant;

/**
 * One event as the log stores it, its payload and metadata still the JSON they were written as (personal values in
 * their envelopes): for readers that must see events of every service, including classes they do not have.
 *
 * @param position    its place in the log's global order
 * @param at          when it happened
 * @param payloadType the fully qualified name of its payload's class
 * @param revision    the payload's revision, or null
 * @param aggregate   the aggregate it belongs to, or null for an event published outside any aggregate
 * @param payload     the payload, as stored
 * @param metaData    the metadata, as stored
 */
public record StoredEvent(long position, Instant at, String payloadType, String revision, String aggregate,
                          String payload, String metaData) {
}

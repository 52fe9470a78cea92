package org.homelink.family.families.erasure;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.homelink.contracts.family.FamilyErased;
import org.homelink.platform.privacy.FamilyKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Deletes an erased family's key, which makes its personal data unreadable in every event of the log.
 * <p>
 * A tracking processor of its own rather than a step after the command: the key goes once {@code FamilyErased} is
 * stored, whatever happens to the process that stored it. If the process dies between storing the event and deleting
 * the key, the processor's token has not moved past the event, so the next process to claim it deletes the key.
 * Deleting is idempotent (it leaves the family's tombstone), so a redelivery or a replay from the start changes
 * nothing.
 */
@Component
@ProcessingGroup(FamilyKeyErasure.PROCESSING_GROUP)
public class FamilyKeyErasure {

    public static final String PROCESSING_GROUP = "family-erasure";

    private static final Logger log = LoggerFactory.getLogger(FamilyKeyErasure.class);

    private final FamilyKeys keys;

    public FamilyKeyErasure(FamilyKeys keys) {
        this.keys = keys;
    }

    @EventHandler
    void on(FamilyErased event) {
        keys.erase(event.familyId());
        log.info("Family {} erased ({}): its key is deleted", event.familyId(), event.reason());
    }
}

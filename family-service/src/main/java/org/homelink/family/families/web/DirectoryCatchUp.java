package org.homelink.family.families.web;

import org.homelink.family.families.query.FamilyDirectoryProjection;
import org.homelink.platform.privacy.FamilyKeys;
import org.homelink.platform.query.ReadModelCatchUp;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * Read-your-writes for the family directory: a command's answer waits until the directory shows the family at the
 * version the command produced, so the caller's next search or read sees their own change. An erasure's answer
 * waits until the family's key is gone and the directory has forgotten it.
 */
@Component
class DirectoryCatchUp {

    private final ReadModelCatchUp wait;
    private final FamilyDirectoryProjection directory;
    private final FamilyKeys keys;

    DirectoryCatchUp(FamilyDirectoryProjection directory, FamilyKeys keys,
                     @Value("${homelink.families.read-your-writes-wait:5s}") Duration longest) {
        this.wait = new ReadModelCatchUp("family directory", directory::versionOf, longest);
        this.directory = directory;
        this.keys = keys;
    }

    void await(String familyId, long version) {
        wait.await(familyId, version);
    }

    /** Waits until the family is erased here: its key deleted (by whichever instance's processor) and its entry gone. */
    void awaitErased(String familyId) {
        wait.await(familyId, () -> directory.detail(familyId).isEmpty() && keys.isErasedInStore(familyId));
    }
}

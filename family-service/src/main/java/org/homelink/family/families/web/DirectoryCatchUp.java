package org.homelink.family.families.web;

import org.homelink.family.families.query.FamilyDirectoryProjection;
import org.homelink.platform.query.ReadModelCatchUp;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * Read-your-writes for the family directory: a command's answer waits until the directory shows the family at the
 * version the command produced, so the caller's next search or read sees their own change.
 */
@Component
class DirectoryCatchUp {

    private final ReadModelCatchUp wait;

    DirectoryCatchUp(FamilyDirectoryProjection directory,
                     @Value("${homelink.families.read-your-writes-wait:5s}") Duration longest) {
        this.wait = new ReadModelCatchUp("family directory", directory::versionOf, longest);
    }

    void await(String familyId, long version) {
        wait.await(familyId, version);
    }
}

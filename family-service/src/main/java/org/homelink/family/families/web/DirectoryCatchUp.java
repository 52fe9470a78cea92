package org.homelink.family.families.web;

import org.homelink.family.families.query.FamilyDirectoryProjection;
import org.homelink.platform.query.ReadModelCatchUp;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;

/** Read-your-writes for the family directory: a command's answer waits until the directory shows the change. */
@Component
class DirectoryCatchUp {

    private final FamilyDirectoryProjection directory;
    private final ReadModelCatchUp catchUp;

    DirectoryCatchUp(FamilyDirectoryProjection directory,
                     @Value("${homelink.families.read-your-writes-wait:5s}") Duration longest) {
        this.directory = directory;
        this.catchUp = new ReadModelCatchUp("family directory", longest);
    }

    void await(String familyId, long version) {
        catchUp.await(familyId, () -> directory.versionOf(familyId), version);
    }
}

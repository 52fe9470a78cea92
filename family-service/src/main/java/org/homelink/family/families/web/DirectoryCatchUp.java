package org.homelink.family.families.web;

import org.homelink.family.families.query.FamilyDirectoryProjection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * Read-your-writes for the family directory: a command's answer waits until the directory shows the family at the
 * version the command produced, so the caller's next search or read sees their own change. The wait polls the
 * family's one document by id, which is what any instance's processor updates, so it holds wherever the family's
 * events are processed. If the directory falls far behind, the answer goes out anyway: the change is made.
 */
@Component
class DirectoryCatchUp {

    private static final Logger log = LoggerFactory.getLogger(DirectoryCatchUp.class);
    private static final long POLL_MILLIS = 10;

    private final FamilyDirectoryProjection directory;
    private final Duration longest;

    DirectoryCatchUp(FamilyDirectoryProjection directory,
                     @Value("${homelink.families.read-your-writes-wait:5s}") Duration longest) {
        this.directory = directory;
        this.longest = longest;
    }

    void await(String familyId, long version) {
        long deadline = System.nanoTime() + longest.toNanos();
        while (directory.versionOf(familyId) < version) {
            if (System.nanoTime() > deadline) {
                log.warn("The family directory has not reached version {} of family {} after {}: answering anyway",
                         version, familyId, longest);
                return;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}

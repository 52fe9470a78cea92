package org.homelink.platform.mongo;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;

import java.util.Set;

/**
 * mongo-java-server's H2 store, committed to its file before a write is acknowledged.
 * <p>
 * By default the H2 store commits in the background about once a second, so a write the client saw succeed could
 * vanish if the process is killed. Committing after every write command means that a command which got its answer
 * has reached the file and survives the local run being killed.
 */
final class DurableH2Backend extends H2Backend {

    private static final Set<String> WRITE_COMMANDS = Set.of(
            "insert", "update", "delete", "findandmodify", "createindexes", "drop", "dropindexes",
            "dropdatabase", "create", "renamecollection");

    DurableH2Backend(MVStore store) {
        super(store);
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        Document response = super.handleCommand(channel, databaseName, command, query);
        if (WRITE_COMMANDS.contains(command.toLowerCase())) {
            commit();
        }
        return response;
    }
}

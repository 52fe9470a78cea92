package org.homelink.platform.mongo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;

/**
 * Where a service keeps its data.
 *
 * @param uri      a MongoDB connection string; when blank the service starts the embedded server itself
 * @param database the service's own database: read models, processor tokens and sagas
 * @param embedded how to run the embedded server when no {@code uri} is given
 */
@ConfigurationProperties("homelink.mongo")
public record MongoSettings(String uri, @DefaultValue("homelink") String database,
                            @DefaultValue Embedded embedded) {

    public boolean useEmbedded() {
        return uri == null || uri.isBlank();
    }

    /**
     * @param storage  {@code file} keeps data in {@code dataDir} across restarts; {@code memory} forgets it on exit
     * @param dataDir  the folder of the file store
     * @param host     the address the embedded server listens on: loopback only unless changed
     * @param port     its port; 0 picks a free one
     */
    public record Embedded(@DefaultValue("file") Storage storage, @DefaultValue("data") Path dataDir,
                           @DefaultValue("127.0.0.1") String host, @DefaultValue("0") int port) {
    }

    public enum Storage { FILE, MEMORY }
}

package org.homelink.platform.mongo;

import java.nio.file.Path;

/** A separate JVM running the file-backed embedded server, so a test can kill it as an operating system would. */
public final class FileStoreProcess {

    private FileStoreProcess() {
    }

    public static void main(String[] args) throws InterruptedException {
        EmbeddedMongoServer server = EmbeddedMongoServer.inFolder(Path.of(args[0]), "127.0.0.1", 0);
        System.out.println("listening " + server.port());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}

package org.homelink.launcher;

import java.nio.file.Path;

/**
 * The launcher's command line.
 *
 * @param apps      the folder of the applications' executable jars (the build's launcher/target/apps)
 * @param dataDir   the data folder; the embedded store keeps its file in its {@code store} folder
 * @param storePort the embedded store's port on 127.0.0.1; 0 for any free port
 * @param demo      load the demo trust and its partners once everything is up
 */
record Options(Path apps, Path dataDir, int storePort, boolean demo) {

    /** The homelink script prints the usage; it passes everything else here. */
    static final String USAGE = "./homelink --help lists the options.";

    private static final String APPS_PROPERTY = "homelink.launcher.apps";

    static Options parse(String[] args) {
        Path apps = Path.of(System.getProperty(APPS_PROPERTY, "launcher/target/apps"));
        String dataFromEnvironment = System.getenv("HOMELINK_DATA_DIR");
        Path dataDir = Path.of(dataFromEnvironment == null || dataFromEnvironment.isBlank() ? "data" : dataFromEnvironment);
        int storePort = 27017;
        boolean demo = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "start" -> {
                    if (i != 0) {
                        throw new IllegalArgumentException("'start' comes first");
                    }
                }
                case "--demo" -> demo = true;
                case "--data" -> dataDir = Path.of(value(args, ++i, "--data"));
                case "--store-port" -> storePort = port(value(args, ++i, "--store-port"));
                default -> throw new IllegalArgumentException("Unknown argument: " + args[i]);
            }
        }
        return new Options(apps, dataDir, storePort, demo);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static int port(String value) {
        try {
            int port = Integer.parseInt(value);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException("--store-port needs a port number, not " + value);
    }
}

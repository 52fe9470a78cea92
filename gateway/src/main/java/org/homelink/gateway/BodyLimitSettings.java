package org.homelink.gateway;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The largest request bodies the gateway lets through.
 *
 * @param maxSize       any request's body (JSON, forms)
 * @param maxUploadSize the body of a file upload ({@link UploadPaths}): attendance registers and partners' feeds.
 *                      Each service holds its own, smaller or equal, limit too
 */
@ConfigurationProperties("homelink.gateway.body-limit")
record BodyLimitSettings(DataSize maxSize, DataSize maxUploadSize) {

    /** Bodies without a length are held in memory while counted, in one buffer, which cannot pass 2 GB. */
    private static final DataSize MOST = DataSize.ofBytes(Integer.MAX_VALUE);

    BodyLimitSettings {
        check("max-size", maxSize);
        check("max-upload-size", maxUploadSize);
    }

    private static void check(String name, DataSize size) {
        if (size == null || size.toBytes() < 1 || size.compareTo(MOST) > 0) {
            throw new IllegalArgumentException("homelink.gateway.body-limit." + name + " must be 1 byte to 2 GB");
        }
    }
}

package org.homelink.partners.demo;

import com.fasterxml.jackson.databind.JsonNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The partners of the demo trust (family-service's Riverbend Learning Trust, {@code demo-riverbend}): a food bank, a
 * Somali women's network, the council's family hub, a Citizens Advice office and a domestic abuse service, with
 * their services near the trust's two schools, in the Open Referral UK shape of any feed. So the demo's directory,
 * matching and {@code /openreferral/services} have something in them.
 * <p>
 * They are imported as staff of the demo trust would import a feed from a file, through the partners API at the
 * service or through the gateway. The feed is {@code demo/riverbend-partners.json}: fixed ids, so importing it again
 * records nothing, and a load that stopped half-way adds what is missing when it runs again. Every name is
 * invented, as are the addresses and coordinates (the demo's districts RB1 to RB4, each with a location, so that
 * the demo families' postcodes place); email addresses and websites are at example.org.
 */
public final class DemoPartners {

    /** The demo trust, as family-service's DemoTrust registers it: its staff keep these entries. */
    public static final String TRUST_ID = "demo-riverbend";
    public static final String FEED = "demo/riverbend-partners.json";

    private static final Logger log = LoggerFactory.getLogger(DemoPartners.class);

    private final RestClient http;

    /** Loads through the API at {@code baseUrl} with a trust leader's access token of the demo trust. */
    public DemoPartners(String baseUrl, String bearerToken) {
        this.http = RestClient.builder().baseUrl(baseUrl)
                              .defaultHeaders(headers -> headers.setBearerAuth(bearerToken))
                              .build();
    }

    /** Loads the demo partners at {@code http://localhost:8083}, or at the base URL given. */
    public static void main(String[] args) {
        int services = new DemoPartners(args.length > 0 ? args[0] : "http://localhost:8083", System.getenv("HOMELINK_TOKEN")).load();
        log.info("The demo directory has {} services of the demo partners", services);
    }

    /** Imports whatever of the demo partners is missing or differs; answers how many of their services there are. */
    public int load() {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", new ByteArrayResource(feed()) {
            @Override
            public String getFilename() {
                return "riverbend-partners.json";
            }
        });
        JsonNode report = http.post().uri("/api/partners/imports").contentType(MediaType.MULTIPART_FORM_DATA)
                              .body(parts).retrieve().body(JsonNode.class);
        JsonNode services = report.path("services");
        return services.path("added").asInt() + services.path("revised").asInt() + services.path("unchanged").asInt();
    }

    private static byte[] feed() {
        try (InputStream in = DemoPartners.class.getClassLoader().getResourceAsStream(FEED)) {
            if (in == null) {
                throw new IllegalStateException(FEED + " is missing from community-partners-service");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.homelink.partners.directory.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * How feeds are imported.
 *
 * @param allowedHosts the hosts the service may fetch a feed from, by name, at any port: {@code feeds.example.org},
 *                     {@code 192.0.2.10}. None by default, which turns importing from a URL off (a file still
 *                     imports): the service fetches from inside the deployment's network, so only the hosts of
 *                     feeds the deployment trusts are named here.
 * @param timeout      the longest the service waits for each page of a feed it fetches, its whole body included
 * @param maxSize      the most a feed may hold: a file, or every page of a fetched feed together
 */
@ConfigurationProperties("homelink.partners.import")
record ImportSettings(List<String> allowedHosts, @DefaultValue("30s") Duration timeout,
                      @DefaultValue("50MB") DataSize maxSize) {

    ImportSettings {
        allowedHosts = allowedHosts == null ? List.of()
                : allowedHosts.stream().map(String::strip).filter(host -> !host.isEmpty())
                              .map(ImportSettings::hostName).toList();
    }

    /** Whether a feed may be fetched from {@code host}, as a URL names it. */
    boolean allows(String host) {
        return host != null && allowedHosts.contains(hostName(host));
    }

    /** Names compare without case, a trailing dot or an IPv6 address's brackets: {@code [::1]} is {@code ::1}. */
    private static String hostName(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        if (name.startsWith("[") && name.endsWith("]")) {
            name = name.substring(1, name.length() - 1);
        }
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }
}

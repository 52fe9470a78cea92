package org.homelink.platform.web;

/**
 * The version of a record a command was decided on, from the request's {@code If-Match} header: a controller
 * declares it as a parameter and hands {@link #value()} to the command's {@code @TargetAggregateVersion}.
 *
 * @param value the version, or null when the caller did not say (the command then applies to any version)
 */
public record ExpectedVersion(Long value) {
}

package org.homelink.auth;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The auth server's settings ({@code homelink.auth.*}): who may sign in, which systems may ask for tokens, and what
 * Homelink's claims say about each. Users and clients are settings, not code, so a trust changes them without a
 * build. Checked as they are read: a role Homelink does not know, a malformed URN or a client without the claims its
 * tokens need stops the server from starting, naming the setting.
 *
 * @param issuer               the address tokens name as their issuer, as services and browsers reach this server
 * @param accessTokenLifetime  how long an access token (and an ID token) is good for
 * @param refreshTokenLifetime how long a refresh token is good for; each use gives a new one
 * @param signingKey           the file of the RSA key tokens are signed with, created the first time; none for a key
 *                             made afresh at every start, which ends every token's validity at a restart
 * @param users                people who sign in with the login form
 * @param clients              applications that ask for tokens
 */
@ConfigurationProperties("homelink.auth")
public record AuthSettings(String issuer,
                           @DefaultValue("15m") Duration accessTokenLifetime,
                           @DefaultValue("8h") Duration refreshTokenLifetime,
                           Path signingKey,
                           List<User> users,
                           List<Client> clients) {

    static final String AUTHORIZATION_CODE = "authorization_code";
    static final String REFRESH_TOKEN = "refresh_token";
    static final String CLIENT_CREDENTIALS = "client_credentials";
    private static final List<String> GRANT_TYPES = List.of(AUTHORIZATION_CODE, REFRESH_TOKEN, CLIENT_CREDENTIALS);
    private static final String PREFIX = "homelink.auth.";

    public AuthSettings {
        signingKey = signingKey == null || signingKey.toString().isBlank() ? null : signingKey;
        users = users == null ? List.of() : List.copyOf(users);
        clients = clients == null ? List.of() : List.copyOf(clients);
        List<String> problems = problems(issuer, accessTokenLifetime, refreshTokenLifetime, users, clients);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("The sign-in settings are not sound:\n  " + String.join("\n  ", problems));
        }
    }

    /**
     * A person who signs in.
     *
     * @param username what they type on the login form
     * @param id       who they are to Homelink, the token's {@code sub}: an id, never a name or an email address,
     *                 because services log it
     * @param password the password, or its hash with Spring Security's prefix ({@code {bcrypt}$2a$...})
     */
    public record User(String username, String id, String password, String role, String trust, List<String> schools,
                       String organisation) {

        HomelinkClaims claims() {
            return new HomelinkClaims(role, trust, schools, organisation);
        }
    }

    /**
     * An application that asks for tokens: the gateway for the people it signs in (authorization code, always with
     * PKCE), or a system acting for itself (client credentials), whose tokens carry the claims given here and its
     * client id as {@code sub}.
     *
     * @param secret the client secret, or its hash with Spring Security's prefix
     */
    public record Client(String clientId, String secret, List<String> grantTypes, List<String> redirectUris,
                         List<String> postLogoutRedirectUris, List<String> scopes, String role, String trust,
                         List<String> schools, String organisation) {

        public Client {
            grantTypes = grantTypes == null ? List.of() : List.copyOf(grantTypes);
            redirectUris = redirectUris == null ? List.of() : List.copyOf(redirectUris);
            postLogoutRedirectUris = postLogoutRedirectUris == null ? List.of() : List.copyOf(postLogoutRedirectUris);
            scopes = scopes == null ? List.of() : List.copyOf(scopes);
        }

        boolean actsForItself() {
            return grantTypes.contains(CLIENT_CREDENTIALS);
        }

        HomelinkClaims claims() {
            return new HomelinkClaims(role, trust, schools, organisation);
        }
    }

    private static List<String> problems(String issuer, Duration accessTokenLifetime, Duration refreshTokenLifetime,
                                         List<User> users, List<Client> clients) {
        List<String> problems = new ArrayList<>();
        if (issuer != null && !issuer.isBlank() && !isHttpUrl(issuer)) {
            problems.add(PREFIX + "issuer: '" + issuer + "' is not an http or https address");
        }
        if (accessTokenLifetime.isNegative() || accessTokenLifetime.isZero()) {
            problems.add(PREFIX + "access-token-lifetime: must be longer than nothing");
        }
        if (refreshTokenLifetime.isNegative() || refreshTokenLifetime.isZero()) {
            problems.add(PREFIX + "refresh-token-lifetime: must be longer than nothing");
        }
        // A user's id and a client's id are both a token's sub: one must never pass for the other.
        Set<String> subjects = new HashSet<>();
        Set<String> usernames = new HashSet<>();
        for (int i = 0; i < users.size(); i++) {
            User user = users.get(i);
            String at = PREFIX + "users[" + i + "].";
            if (blank(user.username())) {
                problems.add(at + "username: is required");
            } else if (!usernames.add(user.username())) {
                problems.add(at + "username: '" + user.username() + "' is taken by another user");
            }
            checkSubject(at + "id", user.id(), subjects, problems);
            if (blank(user.password())) {
                problems.add(at + "password: is required");
            }
            user.claims().problems().forEach(problem -> problems.add(at + problem));
        }
        if (clients.isEmpty()) {
            problems.add(PREFIX + "clients: name at least one, or nothing can ask for a token");
        }
        for (int i = 0; i < clients.size(); i++) {
            problems.addAll(problems(PREFIX + "clients[" + i + "].", clients.get(i), subjects));
        }
        return problems;
    }

    private static List<String> problems(String at, Client client, Set<String> subjects) {
        List<String> problems = new ArrayList<>();
        checkSubject(at + "client-id", client.clientId(), subjects, problems);
        if (blank(client.secret())) {
            problems.add(at + "secret: is required");
        }
        if (client.grantTypes().isEmpty()) {
            problems.add(at + "grant-types: name at least one of " + String.join(", ", GRANT_TYPES));
        }
        for (int j = 0; j < client.grantTypes().size(); j++) {
            if (!GRANT_TYPES.contains(client.grantTypes().get(j))) {
                problems.add(at + "grant-types[" + j + "]: '" + client.grantTypes().get(j) + "' is not one of "
                        + String.join(", ", GRANT_TYPES));
            }
        }
        boolean signsPeopleIn = client.grantTypes().contains(AUTHORIZATION_CODE);
        if (signsPeopleIn && client.actsForItself()) {
            problems.add(at + "grant-types: a client signs people in or acts for itself, not both: make two clients");
        }
        if (signsPeopleIn && client.redirectUris().isEmpty()) {
            problems.add(at + "redirect-uris: a client that signs people in needs the address they come back to");
        }
        for (int j = 0; j < client.redirectUris().size(); j++) {
            if (!isHttpUrl(client.redirectUris().get(j))) {
                problems.add(at + "redirect-uris[" + j + "]: '" + client.redirectUris().get(j)
                        + "' is not an http or https address");
            }
        }
        if (client.actsForItself()) {
            client.claims().problems().forEach(problem -> problems.add(at + problem));
        } else if (client.role() != null || client.trust() != null || client.organisation() != null
                || (client.schools() != null && !client.schools().isEmpty())) {
            problems.add(at + "role: only a client acting for itself has claims of its own; the people a client signs"
                    + " in bring theirs");
        }
        return problems;
    }

    private static void checkSubject(String setting, String id, Set<String> subjects, List<String> problems) {
        if (blank(id)) {
            problems.add(setting + ": is required");
        } else if (!HomelinkClaims.ID.matcher(id).matches()) {
            problems.add(setting + ": '" + id + "' is not an id (letters, digits, '.', '_', '-', up to 64)");
        } else if (!subjects.add(id)) {
            problems.add(setting + ": '" + id + "' is already the id of another user or client");
        }
    }

    private static boolean isHttpUrl(String value) {
        try {
            URI uri = URI.create(value);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}

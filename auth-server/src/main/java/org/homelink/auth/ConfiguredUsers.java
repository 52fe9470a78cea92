package org.homelink.auth;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The people who may sign in, from the settings: the login form checks their password, tokens carry their claims. */
final class ConfiguredUsers implements UserDetailsService {

    private final Map<String, AuthSettings.User> byUsername = new LinkedHashMap<>();
    private final Map<String, UserDetails> details = new LinkedHashMap<>();

    ConfiguredUsers(List<AuthSettings.User> users, PasswordEncoder passwords) {
        for (AuthSettings.User user : users) {
            byUsername.put(user.username(), user);
            details.put(user.username(), User.withUsername(user.username())
                                             .password(Secrets.stored(user.password(), passwords))
                                             .authorities("ROLE_USER")
                                             .build());
        }
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        UserDetails user = details.get(username);
        if (user == null) {
            throw new UsernameNotFoundException("No such user");
        }
        // A copy: Spring Security erases the password of what it is given once the user is signed in.
        return User.withUserDetails(user).build();
    }

    Optional<AuthSettings.User> find(String username) {
        return Optional.ofNullable(byUsername.get(username));
    }
}

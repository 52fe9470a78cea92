package org.homelink.gateway;

import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.concurrent.atomic.AtomicReference;

/**
 * The gateway's one client registration, {@code homelink}, read from the issuer's discovery document the first time
 * someone signs in or out, not at start: the provider may start after the gateway, and while it is away the gateway
 * still routes requests with bearer tokens and serves what is public. A discovery that fails is tried again on the
 * next sign-in; one that succeeds is kept.
 * <p>
 * Discovery gives the provider's endpoints, so Entra ID, Google or Keycloak need only their issuer, and its
 * sign-out endpoint, so that signing out of the gateway signs out at the provider too. The code is always exchanged
 * with PKCE, although the client also has a secret.
 */
final class IssuerClientRegistrations implements ReactiveClientRegistrationRepository {

    static final String REGISTRATION_ID = "homelink";

    private final SignInSettings settings;
    private final AtomicReference<ClientRegistration> discovered = new AtomicReference<>();

    IssuerClientRegistrations(SignInSettings settings) {
        this.settings = settings;
    }

    @Override
    public Mono<ClientRegistration> findByRegistrationId(String registrationId) {
        if (!REGISTRATION_ID.equals(registrationId)) {
            return Mono.empty();
        }
        ClientRegistration known = discovered.get();
        if (known != null) {
            return Mono.just(known);
        }
        // The discovery client blocks: off the event loop. Two sign-ins at once may both discover; either result
        // is the same registration.
        return Mono.fromCallable(this::discover)
                   .subscribeOn(Schedulers.boundedElastic())
                   .onErrorMap(e -> !(e instanceof IssuerUnavailableException), IssuerUnavailableException::new)
                   .doOnNext(discovered::set);
    }

    private ClientRegistration discover() {
        return ClientRegistrations.fromOidcIssuerLocation(settings.issuerUri())
                                  .registrationId(REGISTRATION_ID)
                                  .clientId(settings.clientId())
                                  .clientSecret(settings.clientSecret())
                                  .scope(settings.scopes())
                                  .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                                  .clientSettings(ClientRegistration.ClientSettings.builder()
                                                                                   .requireProofKey(true)
                                                                                   .build())
                                  .build();
    }

    /** The provider could not be asked where to sign in: the gateway answers 503, as for a service that is away. */
    static final class IssuerUnavailableException extends RuntimeException {

        IssuerUnavailableException(Throwable cause) {
            // The cause's message may quote the provider's answer; the type is enough for the log.
            super("The sign-in provider's discovery document could not be read: " + cause.getClass().getSimpleName(),
                  cause);
        }
    }
}

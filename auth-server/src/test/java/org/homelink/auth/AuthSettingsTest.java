package org.homelink.auth;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Settings a service would refuse stop the auth server from starting, with a message naming each setting. */
class AuthSettingsTest {

    private static final List<String> A_CLIENT = List.of(
            "homelink.auth.clients[0].client-id=demo-trust-frontend",
            "homelink.auth.clients[0].secret=s",
            "homelink.auth.clients[0].grant-types=client_credentials",
            "homelink.auth.clients[0].role=trust-leader",
            "homelink.auth.clients[0].trust=demo-riverbend");

    private final ApplicationContextRunner settings = new ApplicationContextRunner()
            .withUserConfiguration(SettingsOnly.class);

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(AuthSettings.class)
    static class SettingsOnly {
    }

    @Test
    void theServerDoesNotStartWithAUserOfAnUnknownRoleOrAMalformedUrnAndSaysWhich() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(AuthServerApplication.class).run(
                "--server.port=0", "--homelink.auth.signing-key=",
                "--homelink.auth.users[0].username=head", "--homelink.auth.users[0].id=head-1",
                "--homelink.auth.users[0].password=p", "--homelink.auth.users[0].role=headteacher",
                "--homelink.auth.users[0].trust=demo-riverbend", "--homelink.auth.users[0].schools=990101",
                "--homelink.auth.users[1].username=kw", "--homelink.auth.users[1].id=kw-1",
                "--homelink.auth.users[1].password=p", "--homelink.auth.users[1].role=key-worker",
                "--homelink.auth.users[1].trust=demo-riverbend", "--homelink.auth.users[1].schools=990101,99010X"))
                .rootCause()
                .hasMessageContaining("homelink.auth.users[0].role: 'headteacher' is not a Homelink role; one of "
                        + "trust-leader, school-leader, key-worker, teacher, attendance-officer, office-staff, partner")
                .hasMessageContaining("homelink.auth.users[1].schools[1]: '99010X' is not a DfE URN of six digits");
    }

    @Test
    void theShippedDemoUsersAndClientsAreSoundAndAsDocumented() {
        settings.withInitializer(new ConfigDataApplicationContextInitializer()).run(context -> {
            assertThat(context).hasNotFailed();
            AuthSettings shipped = context.getBean(AuthSettings.class);
            assertThat(shipped.users()).extracting(AuthSettings.User::username)
                                       .containsExactly("trust.leader", "school.leader", "key.worker", "teacher",
                                                        "attendance.officer", "office.staff", "partner.worker");
            assertThat(shipped.users()).extracting(AuthSettings.User::password).containsOnly("homelink-demo");
            assertThat(shipped.clients()).extracting(AuthSettings.Client::clientId)
                                         .containsExactly("homelink-gateway", "homelink-demo-loader",
                                                          "demo-trust-frontend", "demo-partner-system");
            assertThat(shipped.issuer()).isEqualTo("http://localhost:9000");
            assertThat(shipped.accessTokenLifetime()).hasMinutes(15);
        });
    }

    @Test
    void aPartnerNeedsAnOrganisationAndNoTrustOrSchools() {
        assertProblems(user("partner", "demo-riverbend", "990101", null),
                       "homelink.auth.users[0].trust: a partner belongs to no trust",
                       "homelink.auth.users[0].schools: a partner acts at no school",
                       "homelink.auth.users[0].organisation: is required for a partner");
    }

    @Test
    void staffNeedATrustAndSchoolsButATrustLeaderNamesNoSchool() {
        assertProblems(user("teacher", null, null, null),
                       "homelink.auth.users[0].trust: is required for teacher",
                       "homelink.auth.users[0].schools: teacher needs at least one school's URN");
        assertProblems(user("trust-leader", "demo-riverbend", "990101", null),
                       "homelink.auth.users[0].schools: a trust leader acts at every school of the trust");
        assertProblems(user("office-staff", "a trust", "990101", "org-1"),
                       "homelink.auth.users[0].trust: 'a trust' is not an id",
                       "homelink.auth.users[0].organisation: only a partner acts for an organisation");
    }

    @Test
    void aUserNeedsAUsernameAnIdThatIsNoNameAndAPassword() {
        List<String> properties = new ArrayList<>(A_CLIENT);
        properties.addAll(List.of("homelink.auth.users[0].id=jane.smith@school.example",
                                  "homelink.auth.users[0].role=trust-leader",
                                  "homelink.auth.users[0].trust=demo-riverbend"));
        assertProblems(properties,
                       "homelink.auth.users[0].username: is required",
                       "homelink.auth.users[0].id: 'jane.smith@school.example' is not an id",
                       "homelink.auth.users[0].password: is required");
    }

    @Test
    void aSystemClientNeedsItsClaimsAndOneIdIsNeverBothAUserAndAClient() {
        List<String> properties = new ArrayList<>(List.of(
                "homelink.auth.clients[0].client-id=demo-trust-frontend",
                "homelink.auth.clients[0].secret=s",
                "homelink.auth.clients[0].grant-types=client_credentials",
                "homelink.auth.users[0].username=leader", "homelink.auth.users[0].id=demo-trust-frontend",
                "homelink.auth.users[0].password=p", "homelink.auth.users[0].role=trust-leader",
                "homelink.auth.users[0].trust=demo-riverbend"));
        assertProblems(properties,
                       "homelink.auth.clients[0].role: is required",
                       "homelink.auth.clients[0].client-id: 'demo-trust-frontend' is already the id of another");
    }

    @Test
    void aClientThatSignsPeopleInHasNoClaimsOfItsOwnAndNeedsARedirectAddress() {
        assertProblems(List.of("homelink.auth.clients[0].client-id=homelink-gateway",
                               "homelink.auth.clients[0].secret=s",
                               "homelink.auth.clients[0].grant-types=authorization_code,password",
                               "homelink.auth.clients[0].role=trust-leader"),
                       "homelink.auth.clients[0].grant-types[1]: 'password' is not one of",
                       "homelink.auth.clients[0].redirect-uris: a client that signs people in needs the address",
                       "homelink.auth.clients[0].role: only a client acting for itself has claims of its own");
    }

    @Test
    void soundSettingsBind() {
        List<String> properties = new ArrayList<>(A_CLIENT);
        properties.addAll(user("attendance-officer", "demo-riverbend", "990101,990102", null));
        settings.withPropertyValues(properties.toArray(String[]::new)).run(context -> {
            assertThat(context).hasNotFailed();
            AuthSettings bound = context.getBean(AuthSettings.class);
            assertThat(bound.users().get(0).claims().schools()).containsExactly("990101", "990102");
            assertThat(bound.accessTokenLifetime()).hasMinutes(15);
        });
    }

    private static List<String> user(String role, String trust, String schools, String organisation) {
        List<String> properties = new ArrayList<>(A_CLIENT);
        properties.addAll(List.of("homelink.auth.users[0].username=someone", "homelink.auth.users[0].id=someone-1",
                                  "homelink.auth.users[0].password=p", "homelink.auth.users[0].role=" + role));
        if (trust != null) {
            properties.add("homelink.auth.users[0].trust=" + trust);
        }
        if (schools != null) {
            properties.add("homelink.auth.users[0].schools=" + schools);
        }
        if (organisation != null) {
            properties.add("homelink.auth.users[0].organisation=" + organisation);
        }
        return properties;
    }

    private void assertProblems(List<String> properties, String... problems) {
        settings.withPropertyValues(properties.toArray(String[]::new)).run(context -> {
            assertThat(context).hasFailed();
            Throwable cause = context.getStartupFailure();
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            for (String problem : problems) {
                assertThat(cause.getMessage()).contains(problem);
            }
        });
    }
}

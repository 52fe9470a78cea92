package org.homelink.platform.security;

import org.homelink.platform.web.Role;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/security.md prints the table the services enforce; this keeps the two the same. */
class RoleTableTest {

    @Test
    void theDocsShowTheTableTheServicesEnforce() throws Exception {
        String docs = Files.readString(Path.of("..", "docs", "security.md"));

        assertThat(docs).as("docs/security.md holds the table as printed by RoleTableTest.table()").contains(table());
    }

    @Test
    void everyRoleMayDoSomethingAndOnlyLeadersAnswerForTheData() {
        for (Role role : Role.values()) {
            assertThat(Arrays.stream(Permission.values()).anyMatch(p -> p.grantedTo(role))).as(role.name()).isTrue();
        }
        for (Permission answerable : new Permission[] {Permission.AUDIT_READ, Permission.FAMILIES_EXPORT,
                                                       Permission.FAMILIES_ERASE}) {
            assertThat(answerable.roles()).containsExactlyInAnyOrder(Role.TRUST_LEADER, Role.SCHOOL_LEADER);
        }
        assertThat(Arrays.stream(Permission.values()).filter(p -> p.grantedTo(Role.PARTNER)))
                .containsExactlyInAnyOrder(Permission.REFERRALS_ANSWER, Permission.DIRECTORY_READ,
                                           Permission.DIRECTORY_KEEP);
    }

    static String table() {
        String header = "| permission | what it lets a caller do | "
                        + Arrays.stream(Role.values()).map(Role::claimValue).collect(Collectors.joining(" | "))
                        + " |\n";
        String rule = "| --- | --- |" + " :-: |".repeat(Role.values().length) + "\n";
        String rows = Arrays.stream(Permission.values())
                            .map(permission -> "| `" + permission.name() + "` | " + permission.what() + " | "
                                               + Arrays.stream(Role.values())
                                                       .map(role -> permission.grantedTo(role) ? "✓" : "")
                                                       .collect(Collectors.joining(" | ")) + " |\n")
                            .collect(Collectors.joining());
        return header + rule + rows;
    }

    public static void main(String[] args) {
        System.out.print(table());
    }
}

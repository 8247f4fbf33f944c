package io.nicsync.loop;

import static org.assertj.core.api.Assertions.assertThat;

import io.nicsync.plan.Plan;
import io.nicsync.plan.PlanFile;
import io.nicsync.source.Snapshot;
import io.nicsync.validate.Config;
import io.nicsync.validate.DesiredState;
import io.nicsync.validate.Policy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A saved plan is kept and passed around: the repository it names carries no credentials, whether they were a
 * password or a token given as the URL's user name; they come from the operator's environment when it is applied.
 */
class SavedPlanCredentialsTest {
    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

    private static Plan planOf(String repo) {
        Snapshot head = new Snapshot("c0ffee00".repeat(5), "Ada <ada@example.org>", T0, "main", "", List.of());
        Desired desired = new Desired(repo, head, new DesiredState(new Config(List.of(), Policy.defaults()), List.of()));
        return new Observation(desired, List.of()).plan(Clock.fixed(T0, ZoneOffset.UTC));
    }

    @Test
    void aTokenGivenAsTheUserNameIsNotKept() {
        Plan plan = planOf("https://ghp_T0KEN@github.com/ops/nics.git");

        assertThat(plan.source().repo()).isEqualTo("https://github.com/ops/nics.git");
        assertThat(PlanFile.write(plan)).doesNotContain("ghp_T0KEN");
    }

    @Test
    void neitherIsAPasswordButAnSshAccountIs() {
        assertThat(planOf("https://bot:s3cret@git.example.org/nics.git").source().repo())
                .isEqualTo("https://git.example.org/nics.git");
        assertThat(planOf("ssh://git@git.example.org/nics.git").source().repo())
                .isEqualTo("ssh://git@git.example.org/nics.git");
    }
}

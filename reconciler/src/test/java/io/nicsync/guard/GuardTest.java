package io.nicsync.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class GuardTest {

    @Test
    void namesOfTargetsAndVmsAreFileNames() {
        for (String name : List.of("lab", "web-01", "db.prod_2", "A", "x".repeat(253))) {
            assertThat(FileNames.of("VM", name)).isEqualTo(name);
        }
    }

    @Test
    void anythingThatCouldLeaveItsDirectoryOrHideAFileIsRefused() {
        for (String name : List.of("", ".", "..", "../../x", "a/b", "a\\b", ".hidden", "-rf", "a\u0000b", "é",
                "x".repeat(254), "a b")) {
            assertThatThrownBy(() -> FileNames.of("target", name)).as(name)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot name a file");
        }
        assertThatThrownBy(() -> FileNames.of("target", null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void passwordsAndSecretParametersOfUrlsAreBlanked() {
        assertThat(Redaction.urls("nicsync serve --repo https://ada:s3cret@git.example.org/nics.git --ref main"))
                .isEqualTo("nicsync serve --repo https://ada:***@git.example.org/nics.git --ref main");
        assertThat(Redaction.urls("fetching http://x/r.git?private_token=abc&ref=main failed"))
                .isEqualTo("fetching http://x/r.git?private_token=***&ref=main failed");
        assertThat(Redaction.urls("ssh://git@host/r.git and /srv/r.git")).isEqualTo("ssh://git@host/r.git and /srv/r.git");
        assertThat(Redaction.withoutPasswords("https://ada:s3cret@git.example.org/nics.git"))
                .isEqualTo("https://ada@git.example.org/nics.git");
        assertThat(Redaction.urls(null)).isNull();
    }
}

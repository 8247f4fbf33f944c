package io.nicsync.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CacheDirsTest {

    private static final Path HOME = Path.of("/home/ops");

    @Test
    void defaultRootPrefersNicsyncThenXdgThenHome() {
        Map<String, String> both = Map.of("NICSYNC_CACHE_DIR", "/var/cache/nicsync", "XDG_CACHE_HOME", "/x");
        assertThat(CacheDirs.defaultRoot(both, HOME)).isEqualTo(Path.of("/var/cache/nicsync"));
        assertThat(CacheDirs.defaultRoot(Map.of("XDG_CACHE_HOME", "/x"), HOME)).isEqualTo(Path.of("/x/nicsync/repos"));
        assertThat(CacheDirs.defaultRoot(Map.of("XDG_CACHE_HOME", " "), HOME))
                .isEqualTo(Path.of("/home/ops/.cache/nicsync/repos"));
    }

    @Test
    void directoryNameIsReadableAndUniquePerUrl() {
        String name = CacheDirs.directoryName("https://git.example.org/infra/vm-nics.git");

        assertThat(name).matches("git\\.example\\.org-infra-vm-nics\\.git-[0-9a-f]{16}\\.git");
        assertThat(CacheDirs.directoryName("https://git.example.org/infra/vm-nics.git")).isEqualTo(name);
        assertThat(CacheDirs.directoryName("https://git.example.org/infra/vm-nics")).isNotEqualTo(name);
    }

    @Test
    void directoryNameNeverShowsUserInfo() {
        String name = CacheDirs.directoryName("https://bot:hunter2@git.example.org/nics.git");

        assertThat(name).doesNotContain("hunter2").doesNotContain("bot").startsWith("git.example.org-nics.git-");
        assertThat(CacheDirs.directoryName("git@github.com:infra/nics.git")).startsWith("github.com-infra-nics.git-");
    }

    @Test
    void directoryNameStaysShortForLongUrls() {
        String name = CacheDirs.directoryName("https://git.example.org/" + "very-long-group/".repeat(20) + "nics.git");

        assertThat(name.length()).isLessThanOrEqualTo(48 + 1 + 16 + 4);
        assertThat(name).contains("nics.git-");
    }
}

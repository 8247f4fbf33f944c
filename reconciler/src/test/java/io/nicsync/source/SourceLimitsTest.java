package io.nicsync.source;

import static io.nicsync.source.GitCli.git;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What reading a commit may cost: files counted and sized from the object database before anything is loaded. */
class SourceLimitsTest {
    @TempDir
    Path dir;

    @Test
    void aFileOverTheLimitOfOneFileIsSizedButNotLoaded() throws Exception {
        Path repo = repo(List.of("nicsync.yaml", "big.yaml"), List.of("a: 1\n", "# " + "x".repeat(4 << 20) + "\n"));

        Snapshot snapshot = GitSource.read(SourceSpec.of(repo.toString()));

        SourceFile big = snapshot.files().stream().filter(f -> f.path().equals("big.yaml")).findFirst().orElseThrow();
        assertThat(big.loaded()).isFalse();
        assertThat(big.content()).isEmpty();
        assertThat(big.size()).isEqualTo((4 << 20) + 3);
        assertThat(snapshot.files().stream().filter(f -> f.path().equals("nicsync.yaml")).findFirst().orElseThrow()
                .loaded()).isTrue();
    }

    @Test
    void moreFilesThanTheLimitRefuseTheReadBeforeAnyIsLoaded() throws Exception {
        Path repo = repo(List.of("a.yaml", "b.yaml", "c.yaml"), List.of("a: 1\n", "b: 1\n", "c: 1\n"));

        assertThatThrownBy(() -> GitSource.read(SourceSpec.of(repo.toString())
                .withLimits(SourceLimits.DEFAULT.withMaxFiles(2))))
                .isInstanceOfSatisfying(SourceException.class,
                        e -> assertThat(e.reason()).isEqualTo(SourceException.Reason.TOO_LARGE))
                .hasMessageContaining("has more than 2 desired-state files").hasMessageContaining("--max-files");
    }

    @Test
    void moreBytesThanTheLimitInAllRefuseTheRead() throws Exception {
        Path repo = repo(List.of("a.yaml", "b.yaml"), List.of("a: " + "1".repeat(600) + "\n", "b: " + "1".repeat(600) + "\n"));

        assertThatThrownBy(() -> GitSource.read(SourceSpec.of(repo.toString())
                .withLimits(SourceLimits.DEFAULT.withMaxTotalBytes(1000))))
                .isInstanceOfSatisfying(SourceException.class,
                        e -> assertThat(e.reason()).isEqualTo(SourceException.Reason.TOO_LARGE))
                .hasMessageContaining("more than 1000 bytes of desired-state files (at b.yaml, file 2)");
    }

    /**
     * Running out of memory while loading files is reported as that, never as a file being too large: a
     * {@code validate} in a JVM whose heap cannot hold the commit's 60 MiB of (allowed) files.
     */
    @Test
    void runningOutOfMemoryIsReportedAsThat() throws Exception {
        List<String> names = new ArrayList<>();
        List<String> contents = new ArrayList<>();
        String threeMiB = ("# " + "x".repeat(1021) + "\n").repeat(3 * 1024 - 1); // just under the limit of a file
        for (int i = 0; i < 20; i++) {
            names.add("f" + i + ".yaml");
            contents.add(threeMiB + "# " + i + "\n");
        }
        Path repo = repo(names, contents);
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx40m", "-XX:-HeapDumpOnOutOfMemoryError", "-cp", System.getProperty("java.class.path"),
                "io.nicsync.cli.Main", "validate", "--repo", repo.toString());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).as(output).isNotZero();
        assertThat(output).contains("OutOfMemoryError").doesNotContain("larger than");
    }

    private Path repo(List<String> names, List<String> contents) throws Exception {
        Path repo = Files.createDirectories(dir.resolve("repo"));
        git(repo, "init", "-q");
        for (int i = 0; i < names.size(); i++) {
            Files.writeString(repo.resolve(names.get(i)), contents.get(i));
        }
        git(repo, "add", ".");
        git(repo, "commit", "-q", "-m", "files");
        return repo;
    }
}

package io.nicsync.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.nicsync.platforms.Plugins;
import io.nicsync.source.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Many files are parsed and checked on every core; what a validation reports does not depend on it: the same
 * diagnostics in the same order, and the same desired state, as checking the files one after the other.
 */
class ParallelValidationTest {
    private static final Path BAD = Path.of("src", "test", "resources", "validate", "bad");
    private static final Path GOOD = Path.of("src", "test", "resources", "validate", "good", "defaults");

    @Test
    void manyBadFilesAreReportedAlikeOnOneThreadAndOnAll() throws IOException {
        List<SourceFile> files = new ArrayList<>();
        try (Stream<Path> cases = Files.list(BAD)) {
            for (Path corpus : cases.sorted().filter(p -> !Files.exists(p.resolve("limits.properties"))).toList()) {
                for (SourceFile f : Trees.read(corpus)) {
                    // every corpus in a directory of its own: one desired state of many files and many problems
                    files.add(new SourceFile(corpus.getFileName() + "/" + f.path(), f.content()));
                }
            }
        }
        files.addAll(Trees.read(GOOD));
        assertThat(files.size()).isGreaterThan(Validator.PARALLEL_FROM);

        Validation sequential = new Validator(Plugins.installed(), Limits.DEFAULT, Integer.MAX_VALUE).validate(files, "");
        Validation parallel = new Validator(Plugins.installed(), Limits.DEFAULT, 1).validate(files, "");

        assertThat(sequential.diagnostics()).hasSizeGreaterThan(100);
        assertThat(parallel.diagnostics()).containsExactlyElementsOf(sequential.diagnostics());
    }

    @Test
    void manyGoodFilesBindTheSameDesiredState() {
        List<SourceFile> files = new ArrayList<>(Trees.read(GOOD).stream()
                .filter(f -> f.path().equals("nicsync.yaml")).toList());
        String vm = """
                apiVersion: nicsync.io/v1alpha1
                kind: VmNics
                metadata: {name: web-%d, target: lab}
                spec:
                  nics:
                    - name: uplink
                      network: {bridge: br-prod}
                """;
        for (int i = 0; i < 200; i++) {
            files.add(new SourceFile("lab/web-" + i + ".yaml", vm.formatted(i).getBytes()));
        }

        Validation sequential = new Validator(Plugins.installed(), Limits.DEFAULT, Integer.MAX_VALUE).validate(files, "");
        Validation parallel = new Validator(Plugins.installed(), Limits.DEFAULT, 1).validate(files, "");

        assertThat(sequential.ok()).as(sequential.diagnostics().toString()).isTrue();
        assertThat(parallel.state()).isEqualTo(sequential.state());
        assertThat(parallel.state().vms()).hasSize(200);
    }
}

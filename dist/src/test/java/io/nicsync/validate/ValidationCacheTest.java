package io.nicsync.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.nicsync.source.SourceFile;
import io.nicsync.spi.DesiredVm;
import io.nicsync.spi.LinkState;
import io.nicsync.spi.VmRef;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Validating again with a cache gives what validating from scratch gives, and parses only what changed. */
class ValidationCacheTest {
    private static final String CONFIG = """
            apiVersion: nicsync.io/v1alpha1
            kind: Config
            targets:
              - {name: lab, kind: libvirt, uri: "qemu:///system"}
            """;

    private final Validator validator = Validator.withInstalledPlugins();
    private final ValidationCache cache = new ValidationCache();

    @Test
    void unchangedFilesAreReusedAndAChangedOneIsReadAgain() {
        List<SourceFile> files = repository(3);
        validator.validate(files, "", cache);
        assertThat(cache.reused()).isZero();

        files.set(2, vm("web-1.yaml", "web-1", "down"));
        Validation second = validator.validate(files, "", cache);

        assertThat(cache.reused()).isEqualTo(3); // nicsync.yaml, web-0.yaml, web-2.yaml
        assertThat(link(second, "web-1")).isEqualTo(LinkState.DOWN);
        assertThat(link(second, "web-0")).isEqualTo(LinkState.UP);
        assertThat(second).isEqualTo(validator.validate(files, ""));
    }

    @Test
    void aDeletedFileTakesItsVmAlong() {
        List<SourceFile> files = repository(3);
        validator.validate(files, "", cache);

        files.remove(1);
        Validation second = validator.validate(files, "", cache);

        assertThat(second.state().vms()).extracting(v -> v.ref().name()).containsExactly("web-1", "web-2");
    }

    @Test
    void aRenamedFileIsReportedUnderItsNewPath() {
        List<SourceFile> files = repository(2);
        files.add(vm("broken.yaml", "web-9", "sideways"));
        Validation first = validator.validate(files, "", cache);
        assertThat(first.errors()).extracting(Diagnostic::file).containsOnly("broken.yaml");

        files.set(files.size() - 1, vm("moved/broken.yaml", "web-9", "sideways"));
        Validation second = validator.validate(files, "", cache);

        assertThat(second.errors()).isNotEmpty();
        assertThat(second.errors()).extracting(Diagnostic::file).containsOnly("moved/broken.yaml");
    }

    @Test
    void rulesAcrossFilesSeeAnUnchangedFileNextToANewOne() {
        List<SourceFile> files = repository(2);
        assertThat(validator.validate(files, "", cache).ok()).isTrue();

        files.add(vm("again.yaml", "web-0", "up"));
        Validation second = validator.validate(files, "", cache);

        assertThat(second.errors()).extracting(Diagnostic::format).containsExactly(
                "again.yaml:4:9: error: VM lab/web-0 is declared twice (first at web-0.yaml:4:9)");
    }

    /** A kept file's documents are read again for a position: the right document, also after an empty one. */
    @Test
    void aPositionInAKeptFileIsThatOfItsDocument() {
        List<SourceFile> files = repository(1);
        String twoVms = "---\n---\n" + text("web-7", "up") + "---\n" + text("web-8", "up");
        files.add(new SourceFile("pair.yaml", twoVms.getBytes(StandardCharsets.UTF_8)));
        assertThat(validator.validate(files, "", cache).ok()).isTrue();

        files.add(vm("again.yaml", "web-8", "up"));
        Validation second = validator.validate(files, "", cache);

        assertThat(cache.reused()).isEqualTo(3);
        assertThat(second.errors()).extracting(Diagnostic::format).containsExactly(
                "again.yaml:4:9: error: VM lab/web-8 is declared twice (first at pair.yaml:17:9)");
    }

    @Test
    void aFileThatIsFixedIsValidAgain() {
        List<SourceFile> files = repository(2);
        files.set(1, vm("web-0.yaml", "web-0", "sideways"));
        assertThat(validator.validate(files, "", cache).ok()).isFalse();

        files.set(1, vm("web-0.yaml", "web-0", "down"));

        assertThat(link(validator.validate(files, "", cache), "web-0")).isEqualTo(LinkState.DOWN);
    }

    private static List<SourceFile> repository(int vms) {
        List<SourceFile> files = new ArrayList<>();
        files.add(new SourceFile("nicsync.yaml", CONFIG.getBytes(StandardCharsets.UTF_8)));
        for (int i = 0; i < vms; i++) {
            files.add(vm("web-" + i + ".yaml", "web-" + i, "up"));
        }
        return files;
    }

    private static SourceFile vm(String path, String name, String link) {
        return new SourceFile(path, text(name, link).getBytes(StandardCharsets.UTF_8));
    }

    private static String text(String name, String link) {
        return """
                apiVersion: nicsync.io/v1alpha1
                kind: VmNics
                metadata:
                  name: %s
                  target: lab
                spec:
                  nics:
                    - name: uplink
                      network: {bridge: br0}
                      link: %s
                """.formatted(name, link);
    }

    private static LinkState link(Validation validation, String vm) {
        DesiredVm desired = validation.state().vm(VmRef.of("lab", vm)).orElseThrow();
        return desired.nics().get(0).link();
    }
}

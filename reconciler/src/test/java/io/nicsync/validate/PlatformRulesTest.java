package io.nicsync.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.nicsync.platforms.Plugins;
import io.nicsync.source.SourceFile;
import io.nicsync.spi.DesiredVm;
import io.nicsync.spi.Finding;
import io.nicsync.spi.NetworkKind;
import io.nicsync.spi.Target;
import io.nicsync.spi.TargetConfig;
import io.nicsync.spi.TargetPlugin;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Findings of any plugin, not just the bundled ones, are placed in the file and keep their severity. */
class PlatformRulesTest {
    private static final List<SourceFile> REPO = List.of(
            file("nicsync.yaml", """
                    apiVersion: nicsync.io/v1alpha1
                    kind: Config
                    targets:
                      - {name: pve, kind: proxmox}
                    """),
            file("vms/web.yaml", """
                    apiVersion: nicsync.io/v1alpha1
                    kind: VmNics
                    metadata: {name: web-01, target: pve}
                    spec:
                      nics:
                        - name: uplink
                          network: {bridge: vmbr0}
                    """));

    @Test
    void aWarningIsPlacedAtItsNodeAndKeepsTheState() {
        Validation result = validate(vm -> List.of(Finding.warning("/spec/nics/0/network/bridge", "vmbr0 is slow")));

        assertThat(result.diagnostics()).extracting(Diagnostic::format)
                .containsExactly("vms/web.yaml:7:25: warning: vmbr0 is slow");
        assertThat(result.state()).isNotNull();
    }

    @Test
    void aFindingOnAnAbsentKeyIsPlacedAtItsNearestParent() {
        Validation result = validate(vm -> List.of(Finding.error("/spec/nics/0/model", "say which model")));

        assertThat(result.diagnostics()).extracting(Diagnostic::format)
                .containsExactly("vms/web.yaml:6:7: error: say which model");
        assertThat(result.state()).isNull();
    }

    @Test
    void aPluginThatThrowsIsAnErrorNotACrash() {
        Validation result = validate(vm -> {
            throw new IllegalStateException("bug");
        });

        assertThat(result.errors()).extracting(Diagnostic::format).singleElement().asString()
                .startsWith("vms/web.yaml:1:1: error: the proxmox plugin failed to check this VM");
    }

    private static Validation validate(Function<DesiredVm, List<Finding>> rules) {
        return new Validator(Plugins.of(List.of(new FakePlugin(rules)))).validate(REPO, "");
    }

    private static SourceFile file(String path, String text) {
        return new SourceFile(path, text.getBytes(StandardCharsets.UTF_8));
    }

    private record FakePlugin(Function<DesiredVm, List<Finding>> rules) implements TargetPlugin {
        @Override
        public String kind() {
            return "proxmox";
        }

        @Override
        public List<NetworkKind> networkKinds() {
            return List.of(NetworkKind.named("bridge", "a bridge", "{\"type\": \"string\"}"));
        }

        @Override
        public List<Finding> check(DesiredVm vm) {
            return rules.apply(vm);
        }

        @Override
        public Target open(TargetConfig config) {
            throw new UnsupportedOperationException("validation never opens a target");
        }
    }
}

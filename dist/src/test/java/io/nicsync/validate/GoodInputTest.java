package io.nicsync.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.nicsync.spi.DesiredNic;
import io.nicsync.spi.DesiredVm;
import io.nicsync.spi.LinkState;
import io.nicsync.spi.MacAddress;
import io.nicsync.spi.NetworkRef;
import io.nicsync.spi.Presence;
import io.nicsync.spi.TargetConfig;
import io.nicsync.spi.UnmanagedPolicy;
import io.nicsync.spi.VmRef;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Valid desired states come out as values, with the documented defaults for every key left out. */
class GoodInputTest {
    private static final Path GOOD = Path.of("src", "test", "resources", "validate", "good");
    private final Validator validator = Validator.withInstalledPlugins();

    @Test
    void everyDocumentOfAFileIsAVmAndOmittedKeysTakeTheirDefaults() {
        Validation result = validator.validate(Trees.read(GOOD.resolve("defaults")), "");

        assertThat(result.diagnostics()).isEmpty();
        assertThat(result.state().vms()).extracting(DesiredVm::ref)
                .containsExactly(VmRef.of("lab", "web-01"), VmRef.of("lab", "web-02"));
        DesiredVm vm = result.state().vms().get(0);
        assertThat(vm.unmanaged()).isEqualTo(UnmanagedPolicy.IGNORE);
        assertThat(vm.nics()).containsExactly(new DesiredNic("uplink", NetworkRef.named("bridge", "br0"),
                null, null, null, LinkState.UP, Presence.PRESENT, true, null));
        assertThat(result.state().config().policy()).isEqualTo(Policy.defaults());
        assertThat(Policy.defaults()).isEqualTo(new Policy(8, 1, Policy.OnFailure.ROLLBACK, Duration.ofSeconds(60),
                false, Policy.Drift.APPLY, true));
        assertThat(result.state().config().targets()).containsExactly(new TargetConfig("lab", "libvirt", Map.of()));
    }

    @Test
    void everyKeyIsReadFromASubdirectoryWithItsOwnNicsyncYaml() {
        Validation result = validator.validate(Trees.read(GOOD.resolve("policy-and-settings")), "envs/prod");

        assertThat(result.diagnostics()).extracting(Diagnostic::format).containsExactly(
                "envs/prod/vms/web.yml:21:16: warning: KubeVirt keeps every NIC in the VM template;"
                        + " persist: false has no effect");
        Config config = result.state().config();
        assertThat(config.policy()).isEqualTo(new Policy(2, 3, Policy.OnFailure.CONTINUE, Duration.ofMinutes(90),
                true, Policy.Drift.REPORT, false));
        assertThat(config.target("prod")).contains(new TargetConfig("prod", "kubevirt",
                Map.of("context", "prod-admin", "hotplug", "migration")));
        assertThat(config.target("lab").flatMap(t -> t.setting("uri"))).contains("qemu+ssh://hv1/system");

        DesiredVm vm = result.state().vm(new VmRef("prod", "web", "web-01")).orElseThrow();
        assertThat(vm.unmanaged()).isEqualTo(UnmanagedPolicy.UNPLUG);
        assertThat(vm.nics()).containsExactly(
                new DesiredNic("storage", NetworkRef.of("multus", "namespace", "storage", "name", "vlan20"), "sriov", null,
                        new MacAddress("02:00:00:aa:bb:cc"), LinkState.UP, Presence.PRESENT, true, 2),
                new DesiredNic("old", NetworkRef.of("multus", "namespace", "web", "name", "vlan30"), null, null, null,
                        LinkState.DOWN, Presence.ABSENT, false, null));
    }

    @Test
    void aNicsyncYamlOutsideTheBasePathDoesNotCount() {
        Validation result = validator.validate(Trees.read(GOOD.resolve("policy-and-settings")), "");

        assertThat(result.state()).isNull();
        assertThat(result.errors()).extracting(Diagnostic::format).containsExactly(
                "envs/prod/nicsync.yaml:2:7: error: a Config is only allowed in nicsync.yaml (the root of the desired"
                        + " state)",
                "nicsync.yaml:1:1: error: missing nicsync.yaml: the desired state needs one, with kind: Config,"
                        + " at its root");
    }
}

package io.nicsync.importer;

import static io.nicsync.importer.LiveVms.both;
import static io.nicsync.importer.LiveVms.bridge;
import static io.nicsync.importer.LiveVms.nic;
import static io.nicsync.importer.LiveVms.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nicsync.plan.DesiredSource;
import io.nicsync.plan.Plan;
import io.nicsync.plan.PlanInput;
import io.nicsync.plan.Planner;
import io.nicsync.platforms.Plugins;
import io.nicsync.schemas.PublishedSchemas;
import io.nicsync.spi.Capabilities.HotplugMode;
import io.nicsync.spi.LinkState;
import io.nicsync.spi.LiveNic;
import io.nicsync.spi.MacAddress;
import io.nicsync.spi.NetworkRef;
import io.nicsync.spi.NicSpec;
import io.nicsync.spi.TargetConfig;
import io.nicsync.spi.TargetException;
import io.nicsync.spi.VmRef;
import io.nicsync.testing.FakeCapabilities;
import io.nicsync.testing.FakePlugin;
import io.nicsync.testing.FakeTarget;
import io.nicsync.validate.DesiredState;
import io.nicsync.validate.Validation;
import io.nicsync.validate.Validator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImporterTest {
    private static final TargetConfig LAB = new TargetConfig("lab", "libvirt", Map.of("uri", "qemu:///system"));
    private static final VmRef WEB = VmRef.of("lab", "web-01");
    private static final VmRef DB = VmRef.of("lab", "db-01");

    @TempDir
    Path out;

    private final FakeTarget lab = new FakeTarget("lab", FakeCapabilities.libvirt());

    @Test
    void theOutputValidatesCleanAndAPlanRightAfterHasNoSteps() throws Exception {
        NicSpec scratch = spec("scratch", "52:54:00:00:00:03", NetworkRef.named("network", "lab"), "virtio", LinkState.DOWN);
        lab.put(LiveVms.running(WEB,
                both(null, "52:54:00:00:00:01", bridge("br-lab0"), "0000:00:03.0"),
                both("uplink", "52:54:00:00:00:02", bridge("br-lab1"), "0000:00:04.0"),
                nic("scratch", "52:54:00:00:00:03", scratch, null, "0000:00:05.0"),
                nic(null, "52:54:00:00:00:05", scratch.withMac(MacAddress.parse("52:54:00:00:00:05")), null, null)));
        lab.put(LiveVms.stopped(DB, both(null, "52:54:00:00:00:04", bridge("br-lab0"), "0000:00:03.0")));

        ImportResult result = importAll(LAB, lab);

        assertThat(result.files()).extracting(ImportResult.WrittenFile::path)
                .containsExactly("nicsync.yaml", "lab/db-01.yaml", "lab/web-01.yaml");
        assertThat(result.warnings()).isEmpty();
        Validation validation = new Validator(Plugins.installed()).validate(OutputDir.files(out), "");
        assertThat(validation.diagnostics()).isEmpty();
        Plan plan = plan(validation.state(), lab);
        assertThat(plan.steps()).isEmpty();
        assertThat(plan.notes()).extracting(n -> n.text())
                .anySatisfy(t -> assertThat(t).contains("matched by MAC").contains("52:54:00:00:00:01"))
                .anySatisfy(t -> assertThat(t).contains("matched by MAC").contains("52:54:00:00:00:04"));
    }

    @Test
    void theFilesAreCommentedVmNicsDocuments() throws Exception {
        NicSpec scratch = spec("scratch", "52:54:00:00:00:03", bridge("br-lab1"), "virtio", LinkState.UP);
        lab.put(LiveVms.running(WEB, both(null, "52:54:00:00:00:01", bridge("br-lab0"), "0000:00:03.0"),
                nic("scratch", "52:54:00:00:00:03", scratch, null, null)));

        importAll(LAB, lab);

        String yaml = Files.readString(out.resolve("lab/web-01.yaml"));
        assertThat(yaml).startsWith("# yaml-language-server: $schema=../schemas/vmnics.schema.json\n"
                + "# Imported by nicsync import from the running VM")
                .contains("kind: VmNics")
                .contains("unmanaged: warn # ")
                .contains("- name: nic0 # the VM has no name for this NIC")
                .contains("mac: \"52:54:00:00:00:01\"")
                .contains("persist: false # plugged, but not in the persistent definition");
        assertThat(Files.readString(out.resolve("nicsync.yaml"))).contains("kind: Config").contains("uri: qemu:///system")
                .startsWith("# yaml-language-server: $schema=schemas/config.schema.json\n");
        // the schemas the lines name are there, and they are the loaded plugins' own
        assertThat(out.resolve("schemas/vmnics.schema.json")).content()
                .isEqualTo(PublishedSchemas.text(PublishedSchemas.vmNics(Plugins.installed())));
        assertThat(out.resolve("schemas/config.schema.json")).content()
                .isEqualTo(PublishedSchemas.text(PublishedSchemas.config(Plugins.installed())));
    }

    @Test
    void aVmWhoseNicsCannotBeDeclaredSaysWhyAndIsOnlyWarnedAbout() throws Exception {
        NicSpec macvtap = spec(null, "52:54:00:00:00:07", NetworkRef.of("direct", "device", "eth0", "mode", "bridge"), "virtio", LinkState.UP);
        lab.put(LiveVms.running(WEB, nic(null, "52:54:00:00:00:07", macvtap, macvtap, null)));

        ImportResult result = importAll(LAB, lab);

        assertThat(result.warnings()).singleElement().asString()
                .isEqualTo("lab/web-01: NIC not imported: 52:54:00:00:00:07 (direct eth0/bridge): nicsync cannot"
                        + " declare a NIC on a direct connection on this platform");
        assertThat(Files.readString(out.resolve("lab/web-01.yaml")))
                .contains("  # Not imported:\n  #   52:54:00:00:00:07 (direct eth0/bridge): ")
                .contains("  nics: []");
        Validation validation = new Validator(Plugins.installed()).validate(OutputDir.files(out), "");
        assertThat(validation.diagnostics()).isEmpty();
        Plan plan = plan(validation.state(), lab);
        assertThat(plan.steps()).isEmpty();
        assertThat(plan.notes()).singleElement().extracting(n -> n.text()).asString().contains("unmanaged: warn");
    }

    @Test
    void kubevirtVmsGoBelowTheirNamespaceAndKeepTheirBindings() throws Exception {
        var prod = new FakeTarget("prod", FakeCapabilities.kubevirt(HotplugMode.IN_PLACE));
        var ref = new VmRef("prod", "web", "vm-1");
        NicSpec pod = new NicSpec("default", MacAddress.parse("02:00:00:00:00:01"), NetworkRef.of("pod"), "virtio",
                "masquerade", LinkState.UP, null);
        NicSpec storage = new NicSpec("storage", MacAddress.parse("02:00:00:00:00:02"),
                NetworkRef.of("multus", "namespace", "web", "name", "vlan20"), "virtio", "bridge", LinkState.UP, null);
        prod.put(LiveVms.running(ref, new LiveNic("default", pod.mac(), pod, pod.withMac(null), null),
                new LiveNic("storage", storage.mac(), storage, storage, null)));

        importAll(new TargetConfig("prod", "kubevirt", Map.of("context", "prod-admin")), prod);

        assertThat(OutputDir.paths(out)).containsExactly("nicsync.yaml", "prod/web/vm-1.yaml");
        Validation validation = new Validator(Plugins.installed()).validate(OutputDir.files(out), "");
        assertThat(validation.diagnostics()).isEmpty();
        assertThat(validation.state().vms().getFirst().nic("storage").map(n -> n.binding())).contains("bridge");
        // The template has no MAC for the pod NIC: writing the running one would be a change to it.
        assertThat(validation.state().vms().getFirst().nic("default").map(n -> n.mac())).isEmpty();
        assertThat(plan(validation.state(), prod).steps()).isEmpty();
    }

    @Test
    void whatAPlanWouldStillChangeIsAWarning() throws Exception {
        NicSpec live = spec("uplink", "52:54:00:00:00:02", bridge("br-lab1"), "virtio", LinkState.DOWN);
        lab.put(LiveVms.running(WEB, nic("uplink", "52:54:00:00:00:02", live, live.withLink(LinkState.UP), null)));

        ImportResult result = importAll(LAB, lab);

        assertThat(result.warnings()).singleElement().asString()
                .startsWith("lab/web-01: nicsync plan will still show a step for uplink")
                .contains("link up -> down");
    }

    @Test
    void existingFilesAreRefusedAndNothingIsWrittenUnlessForced() throws Exception {
        lab.put(LiveVms.running(WEB, both("uplink", "52:54:00:00:00:02", bridge("br-lab1"), null)));
        Files.createDirectories(out.resolve("lab"));
        Files.writeString(out.resolve("lab/web-01.yaml"), "# mine\n");

        assertThatThrownBy(() -> importAll(LAB, lab)).isInstanceOf(ImportException.class)
                .hasMessageContaining("1 file(s) exist already").hasMessageContaining("lab/web-01.yaml")
                .hasMessageContaining("--force");
        assertThat(OutputDir.paths(out)).containsExactly("lab/web-01.yaml");
        assertThat(out.resolve("lab/web-01.yaml")).hasContent("# mine");

        new Importer(FakePlugin.with("libvirt", lab)).run(new ImportRequest(LAB, List.of(), out, true));
        assertThat(out.resolve("lab/web-01.yaml")).content().contains("name: uplink");
        assertThat(OutputDir.paths(out)).containsExactly("lab/web-01.yaml", "nicsync.yaml");
    }

    @Test
    void anUnknownVmIsAnErrorAndNothingIsWritten() {
        lab.put(LiveVms.running(WEB, both("uplink", "52:54:00:00:00:02", bridge("br-lab1"), null)));

        assertThatThrownBy(() -> new Importer(FakePlugin.with("libvirt", lab))
                .run(new ImportRequest(LAB, List.of("web-01", "nope"), out, false)))
                .isInstanceOf(ImportException.class).hasMessage("unknown VM(s) on the target: nope; nothing written");
        assertThat(OutputDir.paths(out)).isEmpty();
    }

    @Test
    void onlyTheNamedVmsAreImported() throws Exception {
        lab.put(LiveVms.running(WEB, both("uplink", "52:54:00:00:00:02", bridge("br-lab1"), null)));
        lab.put(LiveVms.stopped(DB, both(null, "52:54:00:00:00:04", bridge("br-lab0"), null)));

        new Importer(FakePlugin.with("libvirt", lab)).run(new ImportRequest(LAB, List.of("db-01"), out, false));

        assertThat(OutputDir.paths(out)).containsExactly("lab/db-01.yaml", "nicsync.yaml");
    }

    @Test
    void outputThatWouldNotValidateIsNotWritten() {
        lab.put(LiveVms.running(WEB, both(null, "52:54:00:00:00:09", bridge("br-lab0"), null)));
        lab.put(LiveVms.stopped(DB, both(null, "52:54:00:00:00:09", bridge("br-lab0"), null)));

        assertThatThrownBy(() -> importAll(LAB, lab)).isInstanceOf(ImportException.class)
                .hasMessageContaining("would not validate")
                .satisfies(e -> assertThat(((ImportException) e).details())
                        .anySatisfy(d -> assertThat(d).startsWith("lab/").contains("52:54:00:00:00:09")));
        assertThat(OutputDir.paths(out)).isEmpty();
    }

    @Test
    void anExistingConfigMustDeclareTheTarget() throws IOException {
        lab.put(LiveVms.running(WEB, both("uplink", "52:54:00:00:00:02", bridge("br-lab1"), null)));
        String config = """
                apiVersion: nicsync.io/v1alpha1
                kind: Config
                targets:
                  - {name: other, kind: libvirt}
                """;
        Files.writeString(out.resolve("nicsync.yaml"), config);

        assertThatThrownBy(() -> importAll(LAB, lab)).isInstanceOf(ImportException.class)
                .satisfies(e -> assertThat(((ImportException) e).details())
                        .anySatisfy(d -> assertThat(d).startsWith("lab/web-01.yaml:").contains("lab")));
        assertThat(OutputDir.paths(out)).containsExactly("nicsync.yaml");
        assertThat(out.resolve("nicsync.yaml")).hasContent(config.strip());
    }

    @Test
    void aRepositoryWithOnlyItsConfigValidates() throws Exception {
        importAll(LAB, lab);

        assertThat(OutputDir.paths(out)).containsExactly("nicsync.yaml");
        Validation validation = new Validator(Plugins.installed()).validate(OutputDir.files(out), "");
        assertThat(validation.diagnostics()).isEmpty();
        assertThat(validation.state().config().target("lab")).isPresent();
    }

    private ImportResult importAll(TargetConfig target, FakeTarget fake) throws TargetException, ImportException, IOException {
        return new Importer(FakePlugin.with(target.kind(), fake)).run(new ImportRequest(target, List.of(), out, false));
    }

    private static Plan plan(DesiredState state, FakeTarget target) throws TargetException {
        List<PlanInput> inputs = new ArrayList<>();
        for (var vm : state.vms()) {
            inputs.add(new PlanInput(vm, target.observe(vm.ref()), target.capabilities()));
        }
        return new Planner(Clock.systemUTC()).plan(new DesiredSource("0".repeat(40), "test", "main", ""), inputs);
    }
}

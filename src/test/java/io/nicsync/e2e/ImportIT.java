package io.nicsync.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nicsync.platforms.Plugins;
import io.nicsync.spi.AddNic;
import io.nicsync.spi.LinkState;
import io.nicsync.spi.NetworkRef;
import io.nicsync.spi.NicSpec;
import io.nicsync.spi.PersistNic;
import io.nicsync.spi.Target;
import io.nicsync.spi.TargetConfig;
import io.nicsync.spi.VmRef;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code nicsync import} on the real libvirt lab, then {@code nicsync plan} on the imported state committed
 * with the real git client: the plan must have nothing to do. The shared guests are only read; NICs are
 * added on throwaway guests of this test's own.
 */
class ImportIT {
    private static final String[] SHARED = {"--vm", "lab-kernel", "--vm", "lab-q35", "--vm", "lab-noos"};

    @TempDir
    Path dir;

    @Test
    void theSharedLabGuestsImportedAndCommittedPlanNoChanges() {
        LabGuests.requireLab();
        GitRepos git = GitRepos.create(dir);

        Cli imported = importInto(git.work.resolve("fleet"), SHARED);
        assertThat(imported.exitCode()).as(imported.toString()).isZero();
        assertThat(imported.out()).contains("lab/lab-kernel.yaml", "lab/lab-q35.yaml", "lab/lab-noos.yaml")
                .contains("4 file(s) written: 3 VM(s) of target lab.");
        git.commitAndPush("fleet: imported from the lab");
        planShowsNoChanges(git);
    }

    @Test
    void aRepositoryWithOnlyItsConfigNamesTheTargetAndReceivesTheImport() {
        LabGuests.requireLab();
        GitRepos git = GitRepos.create(dir);
        git.write("fleet/nicsync.yaml", """
                apiVersion: nicsync.io/v1alpha1
                kind: Config
                targets:
                  - {name: lab, kind: libvirt, uri: "qemu:///system"}
                """);
        git.commitAndPush("fleet: the lab, no VMs yet");

        Cli unknown = Cli.run("import", "--repo", git.url(), "--path", "fleet", "--target", "prod",
                "--out", git.work.resolve("fleet").toString());
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).isEqualTo("nicsync: error: unknown target prod: the repository's nicsync.yaml"
                + " declares lab\n");

        Cli imported = Cli.run(concat(new String[] {"import", "--repo", git.url(), "--path", "fleet", "--target", "lab",
                "--out", git.work.resolve("fleet").toString()}, SHARED));
        assertThat(imported.exitCode()).as(imported.toString()).isZero();
        assertThat(imported.out()).contains("3 file(s) written: 3 VM(s) of target lab.").doesNotContain("nicsync.yaml");
        git.commitAndPush("fleet: imported from the lab");
        planShowsNoChanges(git);
    }

    private static void planShowsNoChanges(GitRepos git) {
        Cli validate = Cli.run("validate", "--repo", git.url(), "--path", "fleet");
        assertThat(validate.exitCode()).as(validate.toString()).isZero();
        assertThat(validate.out()).contains("0 errors, 0 warnings: 3 VM(s) on 1 target(s).");
        Cli plan = Cli.run("plan", "--repo", git.url(), "--path", "fleet", "--target", "lab", "--detailed-exitcode");
        assertThat(plan.exitCode()).as(plan.toString()).isZero();
        assertThat(plan.out()).contains("No changes.").contains("lab/lab-kernel");
    }

    @Test
    void aGuestWithNicsNicsyncAddedAndOneWithoutAliasImportsAsItIs() throws Exception {
        LabGuests.requireLab();
        try (LabGuests guests = new LabGuests()) {
            String running = guests.started();
            String stopped = guests.defined();
            String unaliasedMac = guests.macs(running).getFirst();
            addWithNicsync(running);
            GitRepos git = GitRepos.create(dir);
            Path out = git.work.resolve("fleet");

            Cli imported = importInto(out, "--vm", running, "--vm", stopped);
            assertThat(imported.exitCode()).as(imported.toString()).isZero();
            String yaml = Files.readString(out.resolve("lab/" + running + ".yaml"));
            assertThat(yaml).contains("- name: nic0 #").contains("mac: \"" + unaliasedMac + "\"")
                    .contains("- name: uplink").contains("network: lab").contains("link: down")
                    .contains("- name: scratch").contains("persist: false");
            assertThat(Files.readString(out.resolve("lab/" + stopped + ".yaml"))).contains("- name: nic0 #")
                    .contains("persist: true");
            git.commitAndPush("fleet: imported throwaway guests");

            Cli plan = Cli.run("plan", "--repo", git.url(), "--path", "fleet", "--detailed-exitcode");
            assertThat(plan.exitCode()).as(plan.toString()).isZero();
            assertThat(plan.out()).contains("No changes.").contains("matched by MAC to the unnamed NIC " + unaliasedMac);

            Cli again = importInto(out, "--vm", running, "-o", "json");
            assertThat(again.exitCode()).as(again.toString()).isEqualTo(1);
            assertThat(again.err().strip()).isEqualTo("nicsync: error: 1 file(s) exist already in " + out + ": lab/"
                    + running + ".yaml; nothing written (--force overwrites them)");
            Cli forced = importInto(out, "--vm", running, "-o", "json", "--force");
            assertThat(forced.exitCode()).as(forced.toString()).isZero();
            JsonNode report = new ObjectMapper().readTree(forced.out());
            assertThat(report.path("files").get(0).path("path").asText()).isEqualTo("lab/" + running + ".yaml");
            assertThat(report.path("files").get(0).path("nics").asInt()).isEqualTo(3);
        }
    }

    @Test
    void anUnknownVmOrAnUnreachableTargetIsOneLineAndWritesNothing() {
        LabGuests.requireLab();
        Path out = dir.resolve("out");

        Cli unknown = importInto(out, "--vm", "lab-kernel", "--vm", "no-such-guest");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).isEqualTo("nicsync: error: unknown VM(s) on the target: no-such-guest; nothing written\n");

        Cli kindless = Cli.run("import", "--target", "lab", "--uri", LabGuests.URI, "--out", out.toString());
        assertThat(kindless.exitCode()).isEqualTo(1);
        assertThat(kindless.err()).startsWith("nicsync: error: without --repo, --kind names the target's kind: one of ")
                .contains("libvirt", "kubevirt", "ganeti");

        Cli unreachable = Cli.run("import", "--kind", "libvirt", "--target", "lab", "--uri",
                "qemu+tcp://127.0.0.1:1/system", "--out", out.toString());
        assertThat(unreachable.exitCode()).isEqualTo(1);
        assertThat(unreachable.err()).startsWith("nicsync: error: target lab: connecting to qemu+tcp://127.0.0.1:1/system: ")
                .contains("Connection refused")
                .hasLineCount(1);
        assertThat(out).doesNotExist();
    }

    private static Cli importInto(Path out, String... args) {
        return Cli.run(concat(new String[] {"import", "--kind", "libvirt", "--uri", LabGuests.URI, "--target", "lab",
                "--out", out.toString()}, args));
    }

    private static String[] concat(String[] first, String[] second) {
        String[] all = new String[first.length + second.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }

    /** Adds two named NICs the way an apply does, through the libvirt plugin: one persisted, one live only. */
    private static void addWithNicsync(String guest) throws Exception {
        VmRef vm = VmRef.of("lab", guest);
        NicSpec uplink = new NicSpec("uplink", null, NetworkRef.named("network", "lab"), "virtio", null, LinkState.DOWN, null);
        NicSpec scratch = new NicSpec("scratch", null, NetworkRef.named("bridge", "br-lab1"), "virtio", null, LinkState.UP, null);
        try (Target lab = Plugins.installed().get("libvirt").orElseThrow().open(new TargetConfig("lab", "libvirt", Map.of("uri", LabGuests.URI)))) {
            lab.execute(new AddNic(vm, uplink, "test"), Duration.ofSeconds(30));
            lab.execute(new PersistNic(vm, uplink, null, "test"), Duration.ofSeconds(30));
            lab.execute(new AddNic(vm, scratch, "test"), Duration.ofSeconds(30));
        }
    }

    /**
     * Throwaway guests on the local libvirt lab, defined with the real {@code virsh} client from the lab's
     * no-OS template under unique {@code it-} names (which {@code scripts/lab.sh down} also removes), and
     * removed on close.
     */
    static final class LabGuests implements AutoCloseable {
        static final String URI = "qemu:///system";
        private static final Pattern MAC = Pattern.compile("<mac address='([0-9a-f:]{17})'/>");

        private final List<String> names = new ArrayList<>();

        /** The lab is a prerequisite: missing, the test fails with the command that provides it. */
        static void requireLab() {
            try {
                virsh("domstate", "lab-kernel");
            } catch (IllegalStateException e) {
                fail("the libvirt lab is not up (" + e.getMessage().strip() + "). Run `scripts/lab.sh up` as root first.");
            }
        }

        String defined() {
            String name = "it-import-" + UUID.randomUUID().toString().substring(0, 8);
            String xml;
            try {
                xml = Files.readString(Project.root().resolve("scripts/lab/noos-guest.xml"))
                        .replace("@NAME@", name).replace("@BRIDGE@", "br-lab0");
                Path file = Files.createTempFile(name, ".xml");
                try {
                    Files.writeString(file, xml);
                    virsh("define", file.toString());
                } finally {
                    Files.delete(file);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            names.add(name);
            return name;
        }

        String started() {
            String name = defined();
            virsh("start", name);
            return name;
        }

        /** The MACs of the guest's NICs in the order of its live XML. */
        List<String> macs(String name) {
            Matcher m = MAC.matcher(virsh("dumpxml", name));
            List<String> out = new ArrayList<>();
            while (m.find()) {
                out.add(m.group(1));
            }
            return out;
        }

        @Override
        public void close() {
            for (String name : names) {
                if (virsh("domstate", name).strip().equals("running")) {
                    virsh("destroy", name);
                }
                virsh("undefine", name);
            }
        }

        private static String virsh(String... args) {
            List<String> command = new ArrayList<>(List.of("virsh", "-q", "-c", URI));
            command.addAll(List.of(args));
            try {
                Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                    throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
                }
                return out;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}

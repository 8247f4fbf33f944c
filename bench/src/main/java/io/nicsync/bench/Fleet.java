package io.nicsync.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The fleet of the scale benchmark: N KubeVirt VMs in namespace {@code bench} with four NICs each (the pod
 * network and the NADs blue, red and green), as VirtualMachine objects and as a desired-state repository.
 */
final class Fleet {
    static final String NAMESPACE = "bench";
    static final String TARGET = "sim";
    static final List<String> NADS = List.of("blue", "red", "green");
    private static final ObjectMapper JSON = new ObjectMapper();

    private Fleet() {
    }

    static String name(int i) {
        return String.format("vm-%05d", i);
    }

    static String file(int i) {
        return "vms/" + name(i) + ".yaml";
    }

    /** The VirtualMachine {@code i}, stopped. */
    static ObjectNode vm(int i) {
        ObjectNode vm = JSON.createObjectNode();
        vm.put("apiVersion", "kubevirt.io/v1");
        vm.put("kind", "VirtualMachine");
        vm.putObject("metadata").put("name", name(i)).put("namespace", NAMESPACE);
        ObjectNode spec = vm.putObject("spec");
        spec.put("runStrategy", "Halted");
        ObjectNode template = spec.putObject("template").putObject("spec");
        ObjectNode domain = template.putObject("domain");
        ObjectNode devices = domain.putObject("devices");
        devices.putArray("disks").addObject().put("name", "containerdisk").putObject("disk").put("bus", "virtio");
        ArrayNode interfaces = devices.putArray("interfaces");
        ArrayNode networks = template.putArray("networks");
        interfaces.addObject().put("name", "default").putObject("masquerade");
        networks.addObject().put("name", "default").putObject("pod");
        for (int n = 0; n < NADS.size(); n++) {
            interfaces.addObject().put("name", "n" + (n + 1)).putObject("bridge");
            networks.addObject().put("name", "n" + (n + 1)).putObject("multus").put("networkName", NADS.get(n));
        }
        domain.putObject("memory").put("guest", "1Gi");
        domain.putObject("resources");
        template.putArray("volumes").addObject().put("name", "containerdisk").putObject("containerDisk")
                .put("image", "quay.io/containerdisks/fedora:40");
        return vm;
    }

    /** The VmNics document of VM {@code i}: what it has, with NIC n3's link as given. */
    static String desired(int i, String n3Link) {
        StringBuilder yaml = new StringBuilder("""
                apiVersion: nicsync.io/v1alpha1
                kind: VmNics
                metadata:
                  name: %s
                  namespace: %s
                  target: %s
                spec:
                  nics:
                    - name: default
                      network: {pod: {}}
                      binding: masquerade
                """.formatted(name(i), NAMESPACE, TARGET));
        for (int n = 0; n < NADS.size(); n++) {
            yaml.append("""
                        - name: n%d
                          network: {multus: %s}
                          binding: bridge
                          link: %s
                    """.formatted(n + 1, NADS.get(n), n == 2 ? n3Link : "up"));
        }
        return yaml.toString();
    }

    /** Writes the desired-state repository of {@code count} VMs at {@code repo} and commits it. */
    static void writeRepository(Path repo, int count, Path kubeconfig) {
        write(repo.resolve("nicsync.yaml"), """
                apiVersion: nicsync.io/v1alpha1
                kind: Config
                targets:
                  - name: %s
                    kind: kubevirt
                    kubeconfig: "%s"
                """.formatted(TARGET, kubeconfig));
        for (int i = 0; i < count; i++) {
            write(repo.resolve(file(i)), desired(i, "up"));
        }
        git(repo, "init", "-q", "-b", "main");
        commit(repo, count + " VMs with 4 NICs each");
    }

    /** Sets NIC n3's link in every {@code step}-th VM's file (1% when step is 100) and commits. */
    static int changeDesired(Path repo, int count, int step, int offset, String link) {
        int changed = 0;
        for (int i = offset; i < count; i += step) {
            write(repo.resolve(file(i)), desired(i, link));
            changed++;
        }
        commit(repo, changed + " VMs: n3 " + link);
        return changed;
    }

    static void commit(Path repo, String message) {
        git(repo, "add", "-A");
        git(repo, "-c", "user.name=Bench", "-c", "user.email=bench@example.org", "commit", "-q", "-m", message);
    }

    static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void git(Path dir, String... args) {
        List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString()));
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

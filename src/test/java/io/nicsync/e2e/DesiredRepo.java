package io.nicsync.e2e;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A desired-state repository for the lab: {@code nicsync.yaml} with the libvirt target {@code lab}, and one
 * VmNics file per guest, committed and pushed with the real git client.
 */
final class DesiredRepo {
    final GitRepos git;
    private final Map<String, List<String>> vms = new LinkedHashMap<>();

    DesiredRepo(Path dir) {
        this.git = GitRepos.create(created(dir));
        policy("");
    }

    /** Writes nicsync.yaml again with {@code lines} (such as "  drift: report\n") as its policy. */
    DesiredRepo policy(String lines) {
        git.write("nicsync.yaml", """
                apiVersion: nicsync.io/v1alpha1
                kind: Config
                targets:
                  - name: lab
                    kind: libvirt
                    uri: %s
                """.formatted(Lab.URI) + (lines.isEmpty() ? "" : "policy:\n" + lines));
        return this;
    }

    private static Path created(Path dir) {
        try {
            return java.nio.file.Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** One NIC entry of a VmNics document; {@code extra} holds more keys such as {@code link: down}. */
    static String nic(String name, String network, String... extra) {
        StringBuilder b = new StringBuilder("    - name: ").append(name).append('\n')
                .append("      network: {").append(network).append("}\n");
        for (String e : extra) {
            b.append("      ").append(e).append('\n');
        }
        return b.toString();
    }

    static String bridge(String name) {
        return "bridge: " + name;
    }

    /** Declares (or replaces) the NICs of one guest. */
    DesiredRepo vm(String name, String... nics) {
        vms.put(name, List.of(nics));
        return this;
    }

    /** Writes every declared VM, commits and pushes; returns the commit id. */
    String push(String message) {
        vms.forEach((name, nics) -> git.write("vms/" + name + ".yaml", """
                apiVersion: nicsync.io/v1alpha1
                kind: VmNics
                metadata:
                  name: %s
                  target: lab
                spec:
                  nics:
                %s""".formatted(name, String.join("", nics))));
        return git.commitAndPush(message);
    }

    /** The bare repository as the CLI's --repo: a {@code file://} URL, read like any remote. */
    String url() {
        return git.url();
    }
}

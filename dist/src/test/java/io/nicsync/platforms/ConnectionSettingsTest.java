package io.nicsync.platforms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nicsync.loop.OpenTargets;
import io.nicsync.spi.TargetConfig;
import io.nicsync.spi.TargetException;
import io.nicsync.spi.TargetSetting;
import io.nicsync.spi.TargetSetting.Guard;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundled plugins mark every setting that says how nicsync connects or which local file it trusts, so that a
 * repository cannot choose them: refused before the plugin sees them, so nothing the value names ever runs.
 */
class ConnectionSettingsTest {
    private static final Plugins PLUGINS = Plugins.installed();

    @Test
    void theBundledPluginsGuardTheirConnectionSettings() throws Exception {
        assertThat(guards("libvirt")).containsExactly(Map.entry("uri", Guard.ENDPOINT));
        assertThat(setting("libvirt", "uri").safeValues()).containsExactly("qemu:///system", "qemu:///session");
        assertThat(guards("kubevirt")).containsEntry("kubeconfig", Guard.LOCAL_FILE)
                .containsEntry("context", Guard.NONE).containsEntry("hotplug", Guard.NONE);
        assertThat(guards("ganeti")).containsEntry("rapi", Guard.ENDPOINT).containsEntry("caFile", Guard.LOCAL_FILE)
                .containsEntry("passwordFile", Guard.LOCAL_FILE).containsEntry("passwordEnv", Guard.OPERATOR_ONLY)
                .containsEntry("fingerprint", Guard.OPERATOR_ONLY).containsEntry("tlsName", Guard.OPERATOR_ONLY)
                .containsEntry("user", Guard.NONE);
        assertThat(guards("ovirt")).containsEntry("url", Guard.ENDPOINT).containsEntry("caFile", Guard.LOCAL_FILE)
                .containsEntry("passwordFile", Guard.LOCAL_FILE).containsEntry("passwordEnv", Guard.OPERATOR_ONLY)
                .containsEntry("user", Guard.NONE).containsEntry("replug", Guard.NONE);
    }

    @Test
    void aLibvirtUriThatRunsACommandIsRefusedBeforeLibvirtIsCalled(@TempDir Path dir) {
        Path ran = dir.resolve("ran");
        TargetConfig lab = new TargetConfig("lab", "libvirt", Map.of("uri",
                "qemu+ext:///system?command=/usr/bin/touch%20" + ran));

        assertThatThrownBy(() -> OpenTargets.open(List.of(lab), PLUGINS, TargetOverrides.NONE, Set.of("lab")))
                .isInstanceOfSatisfying(TargetException.class,
                        e -> assertThat(e.reason()).isEqualTo(TargetException.Reason.FORBIDDEN))
                .hasMessageContaining("target lab: uri qemu+ext:///system?command=")
                .hasMessageContaining("--allow-endpoint");
        assertThat(ran).doesNotExist();
    }

    @Test
    void aKubeconfigTheRepositoryNamesIsNotReadUnlessAllowed(@TempDir Path dir) throws Exception {
        Path ran = dir.resolve("ran");
        Path kubeconfig = Files.writeString(dir.resolve("kubeconfig"), """
                apiVersion: v1
                kind: Config
                clusters: [{name: c, cluster: {server: "https://127.0.0.1:1"}}]
                users:
                  - name: u
                    user:
                      exec: {apiVersion: client.authentication.k8s.io/v1, command: /usr/bin/touch, args: ["%s"]}
                contexts: [{name: ctx, context: {cluster: c, user: u}}]
                current-context: ctx
                """.formatted(ran));
        TargetConfig prod = new TargetConfig("prod", "kubevirt", Map.of("kubeconfig", kubeconfig.toString()));

        assertThatThrownBy(() -> OpenTargets.open(List.of(prod), PLUGINS, TargetOverrides.NONE, Set.of("prod")))
                .isInstanceOf(TargetException.class)
                .hasMessageContaining("kubeconfig " + kubeconfig + " comes from the repository")
                .hasMessageContaining("--allow-file " + kubeconfig);
        assertThat(ran).doesNotExist();
    }

    /**
     * A pin from the repository would choose whom nicsync trusts with the RAPI password: with {@code fingerprint} and
     * no {@code caFile} no authority is checked. Refused even where the operator allows the cluster's endpoint.
     */
    @Test
    void aGanetiCertificatePinOrNameFromTheRepositoryIsRefused() {
        TargetOverrides clusterAllowed = TargetOverrides.NONE.allowing(
                new OperatorAllows(List.of("https://127.0.0.1:1"), List.of()));
        for (String setting : List.of("fingerprint", "tlsName")) {
            Map<String, String> settings = new LinkedHashMap<>(Map.of("rapi", "https://127.0.0.1:1", "user", "nicsync"));
            settings.put(setting, setting.equals("fingerprint") ? "00".repeat(32) : "attacker.example.org");
            TargetConfig gnt = new TargetConfig("gnt", "ganeti", settings);

            assertThatThrownBy(() -> OpenTargets.open(List.of(gnt), PLUGINS, clusterAllowed, Set.of("gnt")))
                    .as(setting).isInstanceOfSatisfying(TargetException.class,
                            e -> assertThat(e.reason()).isEqualTo(TargetException.Reason.FORBIDDEN))
                    .hasMessageContaining("target gnt: " + setting + " ")
                    .hasMessageContaining("comes from the repository, and only the operator sets it")
                    .hasMessageContaining("--target-setting gnt." + setting + "=VALUE");
        }
    }

    @Test
    void aGanetiCertificateNameOnTheCommandLineIsTheOperatorsAndReachesThePlugin() {
        TargetOverrides operator = TargetOverrides.of(Map.of(), List.of("gnt.tlsName=ganeti.example.com",
                "gnt.passwordEnv=NICSYNC_TEST_UNSET_PASSWORD")).allowing(
                new OperatorAllows(List.of("https://127.0.0.1:1"), List.of()));
        TargetConfig gnt = new TargetConfig("gnt", "ganeti", Map.of("rapi", "https://127.0.0.1:1", "user", "nicsync"));

        assertThatThrownBy(() -> OpenTargets.open(List.of(gnt), PLUGINS, operator, Set.of("gnt")))
                .as("past the guard: the plugin itself finds no password")
                .hasMessageContaining("NICSYNC_TEST_UNSET_PASSWORD").hasMessageContaining("is not set")
                .hasMessageNotContaining("comes from the repository");
    }

    private static Map<String, Guard> guards(String kind) throws UnknownKindException {
        Map<String, Guard> out = new LinkedHashMap<>();
        PLUGINS.require(kind).settings().forEach(s -> out.put(s.name(), s.guard()));
        return out;
    }

    private static TargetSetting setting(String kind, String name) throws UnknownKindException {
        return PLUGINS.require(kind).settings().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }
}

package io.nicsync.platforms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nicsync.spi.TargetConfig;
import io.nicsync.spi.TargetException;
import io.nicsync.spi.TargetSetting;
import io.nicsync.spi.TargetSetting.Guard;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The repository does not choose how nicsync connects: a guarded setting's value from {@code nicsync.yaml} is
 * refused unless the operator allowed it, before the target is opened; the command line's values are the
 * operator's own.
 */
class OperatorAllowsTest {
    private static final Plugins PLUGINS = Plugins.of(List.of(new PluginsTest.Declaring("virt", List.of(), List.of(
            TargetSetting.text("uri", "where").asEndpoint().guarded(Guard.ENDPOINT, "qemu:///system"),
            TargetSetting.text("kubeconfig", "credentials").guarded(Guard.LOCAL_FILE),
            TargetSetting.text("passwordEnv", "a variable").guarded(Guard.OPERATOR_ONLY),
            TargetSetting.text("hotplug", "how")))));

    @Test
    void anEndpointThatRunsACommandIsRefusedEvenWhenItsSchemeAndHostAreAllowed() {
        TargetOverrides allowed = TargetOverrides.NONE.allowing(new OperatorAllows(List.of("qemu+ext://"), List.of()));

        assertThatThrownBy(() -> allowed.applyTo(lab("uri", "qemu+ext:///system?command=/bin/sh"), PLUGINS))
                .isInstanceOfSatisfying(TargetException.class,
                        e -> assertThat(e.reason()).isEqualTo(TargetException.Reason.FORBIDDEN))
                .hasMessage("target lab: uri qemu+ext:///system?command=/bin/sh comes from the repository, and nicsync"
                        + " connects only where the operator allows: allow it with --allow-endpoint "
                        + "'qemu+ext:///system?command=/bin/sh' (its parameters only exactly so) "
                        + "(endpoints allowed: qemu:///system, qemu+ext://); or give it on the command line "
                        + "(--target-setting lab.uri=VALUE)");
        assertThatThrownBy(() -> TargetOverrides.NONE.applyTo(lab("uri", "qemu+ssh://evil.example.com/system"),
                PLUGINS)).hasMessageContaining("allow it with --allow-endpoint qemu+ssh://evil.example.com");
    }

    @Test
    void anEndpointOnAnAllowedHostOrOneThePluginVouchesForIsOpened() throws Exception {
        TargetOverrides allowed = TargetOverrides.NONE.allowing(new OperatorAllows(
                List.of("qemu+ssh://*.lab.example.org", "qemu+tls://hv9.example.org:16514",
                        "qemu+ssh://hv2/system?keyfile=/etc/nicsync/id"), List.of()));

        for (String uri : List.of("qemu:///system", "qemu+ssh://hv1.lab.example.org/system",
                "qemu+ssh://root@HV2.lab.example.org/system", "qemu+tls://hv9.example.org:16514/system",
                "qemu+ssh://hv2/system?keyfile=/etc/nicsync/id")) {
            assertThat(allowed.applyTo(lab("uri", uri), PLUGINS).setting("uri")).as(uri).hasValue(uri);
        }
        for (String uri : List.of("qemu+ssh://lab.example.org.evil.net/system", "qemu+ssh://lab.example.org/system",
                "qemu+tls://hv9.example.org:1/system", "qemu+ssh://hv1.lab.example.org/system?netcat=/var/run/other.sock",
                "qemu:///system?socket=/var/run/other.sock", "qemu+ssh://hv2/system?keyfile=/home/eve/id")) {
            assertThatThrownBy(() -> allowed.applyTo(lab("uri", uri), PLUGINS)).as(uri)
                    .isInstanceOf(TargetException.class);
        }
    }

    @Test
    void aLocalFileIsReadOnlyWhenTheOperatorAllowsIt() throws Exception {
        TargetOverrides allowed = TargetOverrides.NONE.allowing(new OperatorAllows(List.of(),
                List.of("/etc/nicsync/kube/", "/srv/prod.kubeconfig")));

        assertThat(allowed.applyTo(lab("kubeconfig", "/etc/nicsync/kube/prod"), PLUGINS).setting("kubeconfig"))
                .hasValue("/etc/nicsync/kube/prod");
        assertThat(allowed.applyTo(lab("kubeconfig", "/srv/prod.kubeconfig"), PLUGINS).setting("kubeconfig")).isPresent();
        for (String file : List.of("/etc/nicsync/kube/../../shadow", "/etc/nicsync/kube", "/srv/prod.kubeconfig.d/x",
                "/home/eve/kubeconfig", "relative/kubeconfig")) {
            assertThatThrownBy(() -> allowed.applyTo(lab("kubeconfig", file), PLUGINS)).as(file)
                    .isInstanceOf(TargetException.class)
                    .hasMessageContaining("nicsync reads only the files the operator allows");
        }
    }

    @Test
    void anOperatorOnlySettingComesFromTheCommandLineAlone() throws Exception {
        assertThatThrownBy(() -> TargetOverrides.NONE.applyTo(lab("passwordEnv", "NICSYNC_GIT_TOKEN"), PLUGINS))
                .hasMessageContaining("passwordEnv NICSYNC_GIT_TOKEN comes from the repository, and only the operator "
                        + "sets it");
        TargetOverrides operator = TargetOverrides.of(Map.of(), List.of("lab.passwordEnv=RAPI_PASSWORD"));
        assertThat(operator.applyTo(lab("passwordEnv", "NICSYNC_GIT_TOKEN"), PLUGINS).setting("passwordEnv"))
                .hasValue("RAPI_PASSWORD");
    }

    @Test
    void whatTheCommandLineGivesIsTheOperatorsAndUnguardedSettingsAreTheRepositorys() throws Exception {
        TargetOverrides operator = TargetOverrides.of(Map.of("lab", "qemu+ssh://anywhere/system"),
                List.of("lab.kubeconfig=/etc/nicsync/mine"));

        TargetConfig applied = operator.applyTo(new TargetConfig("lab", "virt", Map.of("uri", "qemu+ext:///x?command=y",
                "kubeconfig", "/home/eve/theirs", "hotplug", "migration")), PLUGINS);

        assertThat(applied.settings()).containsEntry("uri", "qemu+ssh://anywhere/system")
                .containsEntry("kubeconfig", "/etc/nicsync/mine").containsEntry("hotplug", "migration");
    }

    @Test
    void theEnvironmentAllowsAsTheCommandLineDoes() throws Exception {
        OperatorAllows fromEnv = OperatorAllows.fromEnvironment(Map.of("NICSYNC_ALLOW_ENDPOINTS",
                "qemu+ssh://hv1, qemu+tls://hv2", "NICSYNC_ALLOW_FILES", "/etc/a,/etc/b/"));

        assertThat(fromEnv).isEqualTo(new OperatorAllows(List.of("qemu+ssh://hv1", "qemu+tls://hv2"),
                List.of("/etc/a", "/etc/b/")));
        assertThat(TargetOverrides.NONE.allowing(fromEnv).applyTo(lab("kubeconfig", "/etc/b/c"), PLUGINS)
                .setting("kubeconfig")).isPresent();
        assertThatThrownBy(() -> new OperatorAllows(List.of("hv1.example.org"), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected SCHEME://HOST[:PORT]");
    }

    private static TargetConfig lab(String key, String value) {
        return new TargetConfig("lab", "virt", Map.of(key, value));
    }
}

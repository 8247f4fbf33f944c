package io.nicsync.platforms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nicsync.spi.NetworkKind;
import io.nicsync.spi.Target;
import io.nicsync.spi.TargetConfig;
import io.nicsync.spi.TargetException;
import io.nicsync.spi.TargetPlugin;
import io.nicsync.spi.TargetSetting;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PluginsTest {

    /** A plugin of {@code kind} with these declarations. */
    record Declaring(String kind, List<NetworkKind> networkKinds, List<TargetSetting> settings) implements TargetPlugin {
        @Override
        public Target open(TargetConfig config) {
            throw new UnsupportedOperationException();
        }
    }

    static final NetworkKind BRIDGE = NetworkKind.hostBridge("a bridge");
    static final TargetSetting URI = TargetSetting.text("uri", "where").asEndpoint();

    @Test
    void keepsThePluginsInTheirOrderAndTheirNetworkKindsOnce() {
        Plugins plugins = Plugins.of(List.of(
                new Declaring("zeta", List.of(BRIDGE, NetworkKind.observed("user", "user mode")), List.of(URI)),
                new Declaring("alpha", List.of(NetworkKind.hostBridge("the same bridge, said otherwise"),
                        NetworkKind.empty("pod", "the pod network")), List.of())));

        assertThat(plugins.kinds()).containsExactly("zeta", "alpha");
        assertThat(plugins.networkKinds().keySet()).containsExactly("bridge", "user", "pod");
        assertThat(plugins.declarableNetworkKinds().keySet()).containsExactly("bridge", "pod");
        assertThat(plugins.declarable("user")).isEmpty();
        assertThat(Plugins.declarableKeys(plugins.get("alpha").orElseThrow())).containsExactly("bridge", "pod");
    }

    @Test
    void aKeyDeclaredOtherwiseByTwoPluginsIsAnInstallationError() {
        NetworkKind otherBridge = NetworkKind.named("bridge", "a bridge", "{\"type\": \"string\"}");
        assertThatThrownBy(() -> Plugins.of(List.of(new Declaring("a", List.of(BRIDGE), List.of()),
                new Declaring("b", List.of(otherBridge), List.of()))))
                .isInstanceOf(PluginException.class)
                .hasMessageContaining("plugin b").hasMessageContaining("network kind 'bridge' otherwise than plugin a");
    }

    @Test
    void twoPluginsOfOneKindTwoEndpointsAndASchemaThatIsNotJsonAreRefused() {
        assertThatThrownBy(() -> Plugins.of(List.of(new Declaring("a", List.of(BRIDGE), List.of()),
                new Declaring("a", List.of(BRIDGE), List.of()))))
                .isInstanceOf(PluginException.class).hasMessageContaining("two plugins claim the target kind 'a'");
        assertThatThrownBy(() -> Plugins.of(List.of(new Declaring("a", List.of(BRIDGE),
                List.of(URI, TargetSetting.text("url", "also where").asEndpoint())))))
                .isInstanceOf(PluginException.class).hasMessageContaining("2 endpoint settings");
        assertThatThrownBy(() -> Plugins.of(List.of(new Declaring("a",
                List.of(NetworkKind.named("seg", "a segment", "{not json")), List.of()))))
                .isInstanceOf(PluginException.class).hasMessageContaining("network kind seg: its schema is not");
    }

    @Test
    void anUnknownKindNamesTheInstalledOnes() {
        Plugins plugins = Plugins.of(List.of(new Declaring("libvirt", List.of(BRIDGE), List.of(URI))));
        assertThatThrownBy(() -> plugins.require("vmware")).isInstanceOf(UnknownKindException.class)
                .hasMessage("no plugin for target kind 'vmware' is installed (installed: libvirt)");
    }

    @Test
    void overridesReplaceTheEndpointAndDeclaredSettingsAndRefuseTheRest() throws TargetException {
        Plugins plugins = Plugins.of(List.of(new Declaring("libvirt", List.of(BRIDGE), List.of(URI,
                TargetSetting.of("mode", "how", "{\"enum\": [\"fast\", \"slow\"]}")))));
        TargetConfig lab = new TargetConfig("lab", "libvirt", Map.of("uri", "qemu:///system"));

        assertThat(TargetOverrides.of(Map.of("lab", "qemu+ssh://hv1/system"), List.of("lab.mode=slow"))
                .applyTo(lab, plugins).settings())
                .isEqualTo(Map.of("uri", "qemu+ssh://hv1/system", "mode", "slow"));
        assertThat(TargetOverrides.NONE.applyTo(lab, plugins)).isSameAs(lab);

        assertThatThrownBy(() -> TargetOverrides.of(Map.of(), List.of("lab.speed=1")).applyTo(lab, plugins))
                .isInstanceOf(TargetException.class)
                .hasMessage("target lab: --target-setting lab.speed: libvirt targets have no setting \"speed\""
                        + " (settings: uri, mode)");
        assertThatThrownBy(() -> TargetOverrides.of(Map.of(), List.of("lab.mode=medium")).applyTo(lab, plugins))
                .isInstanceOf(TargetException.class).hasMessageContaining("--target-setting lab.mode=medium: ");
        assertThatThrownBy(() -> TargetOverrides.of(Map.of("lb", "x"), List.of()).requireDeclared(List.of(lab)))
                .isInstanceOf(TargetException.class)
                .hasMessage("overrides name target(s) lb, which nicsync.yaml does not declare (targets: lab)");
        assertThatThrownBy(() -> TargetOverrides.of(Map.of(), List.of("lab.uri"))).isInstanceOf(
                IllegalArgumentException.class).hasMessageContaining("expected TARGET.SETTING=VALUE");
    }

    @Test
    void aTargetWithoutAnEndpointSaysWhichSettingsItHas() {
        Plugins plugins = Plugins.of(List.of(new Declaring("toy", List.of(BRIDGE),
                List.of(TargetSetting.text("stateFile", "where")))));
        TargetConfig toys = new TargetConfig("toys", "toy", Map.of());
        assertThatThrownBy(() -> TargetOverrides.endpoint("toys", "x").applyTo(toys, plugins))
                .hasMessageContaining("--target-uri: toy targets have no endpoint setting; use --target-setting"
                        + " toys.SETTING=VALUE (settings: stateFile)");
    }
}

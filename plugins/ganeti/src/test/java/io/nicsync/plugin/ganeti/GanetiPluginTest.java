package io.nicsync.plugin.ganeti;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nicsync.spi.NetworkKind;
import io.nicsync.spi.TargetConfig;
import io.nicsync.spi.TargetException;
import io.nicsync.spi.TargetPlugin;
import io.nicsync.spi.TargetSetting;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class GanetiPluginTest {
    private final TargetPlugin plugin = ServiceLoader.load(TargetPlugin.class).stream()
            .map(ServiceLoader.Provider::get).filter(p -> p.kind().equals("ganeti")).findFirst().orElseThrow();

    @Test
    void isFoundByServiceLoader() {
        assertThat(plugin).isInstanceOf(GanetiPlugin.class);
        assertThat(plugin.platform()).isEqualTo("Ganeti");
    }

    @Test
    void declaresBridgesAndNetworksAsEveryPluginDoes() {
        NetworkKind bridge = plugin.networkKinds().get(0);
        NetworkKind network = plugin.networkKinds().get(1);

        assertThat(bridge.key()).isEqualTo("bridge");
        assertThat(bridge.schema()).isEqualTo(NetworkKind.hostBridge("x").schema());
        assertThat(network.key()).isEqualTo("network");
        assertThat(network.schema()).isEqualTo(NetworkKind.platformNetwork("x").schema());
        assertThat(plugin.networkKinds()).filteredOn(NetworkKind::declarable).hasSize(2);
        assertThat(plugin.networkKinds()).extracting(NetworkKind::key)
                .containsExactly("bridge", "network", "bridge-vlan", "routed", "openvswitch", "ganeti-mode");
    }

    @Test
    void rapiIsTheEndpointAndNoSettingHoldsASecret() {
        assertThat(plugin.endpoint()).map(TargetSetting::name).contains("rapi");
        assertThat(plugin.settings()).extracting(TargetSetting::name).containsExactly("rapi", "caFile",
                "fingerprint", "tlsName", "user", "passwordFile", "passwordEnv");
    }

    @Test
    void modelsAreKvmNicTypesWithVirtioForParavirtual() {
        assertThat(plugin.models().accepts("virtio")).isTrue();
        assertThat(plugin.models().accepts("paravirtual")).isFalse();
        assertThat(plugin.models().accepts("e1000")).isTrue();
        assertThat(plugin.bindings().exists()).isFalse();
        assertThat(Models.model("paravirtual")).isEqualTo("virtio");
        assertThat(Models.nicType("virtio")).isEqualTo("paravirtual");
    }

    @Test
    void aTargetWithoutItsSettingsIsNotOpened() {
        assertThatThrownBy(() -> plugin.open(new TargetConfig("gnt", "ganeti", Map.of("rapi", "https://h:5080"))))
                .isInstanceOf(TargetException.class)
                .hasMessageStartingWith("target gnt: setting user is required");
    }

    @Test
    void ganetisErrorMessagesAreReadAsGanetiWroteThem() {
        assertThatThrownBy(() -> RapiClient.answer("PUT", "/2/instances/x/modify", 400, "{\"code\": 400, \"message\":"
                + " \"Invalid body parameters: (&quot;Parameter &#x27;OP_INSTANCE_SET_PARAMS.nics&#x27; fails"
                + " validation&quot;, &#x27;wrong_input&#x27;)\", \"explain\": \"Bad request syntax or unsupported"
                + " method\"}"))
                .isInstanceOf(RapiException.class)
                .hasMessage("PUT /2/instances/x/modify: HTTP 400: Invalid body parameters: (\"Parameter"
                        + " 'OP_INSTANCE_SET_PARAMS.nics' fails validation\", 'wrong_input') (Bad request syntax or"
                        + " unsupported method)");
    }
}

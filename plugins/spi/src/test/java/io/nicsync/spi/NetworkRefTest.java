package io.nicsync.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NetworkRefTest {

    @Test
    void aReferenceIsItsKindAndAttributesComparedWithoutRegardToOrder() {
        NetworkRef a = NetworkRef.of("multus", "namespace", "prod", "name", "br-prod");
        NetworkRef b = NetworkRef.of("multus", "name", "br-prod", "namespace", "prod");
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(NetworkRef.of("multus", "namespace", "infra", "name", "br-prod"));
        assertThat(NetworkRef.named("bridge", "br0")).isNotEqualTo(NetworkRef.named("network", "br0"));
    }

    @Test
    void displaysItsKindThenItsAttributesInTheirOrder() {
        assertThat(NetworkRef.of("multus", "namespace", "prod", "name", "br-prod").display())
                .isEqualTo("multus prod/br-prod");
        assertThat(NetworkRef.named("bridge", "br0").display()).isEqualTo("bridge br0");
        assertThat(NetworkRef.of("pod").display()).isEqualTo("pod");
    }

    @Test
    void leavesOutAttributesGivenAsNullAndRefusesNullValuesOtherwise() {
        assertThat(NetworkRef.of("multus", "namespace", null, "name", "x").attributes()).isEqualTo(Map.of("name", "x"));
        java.util.HashMap<String, String> withNull = new java.util.HashMap<>();
        withNull.put("name", null);
        assertThatThrownBy(() -> new NetworkRef("bridge", withNull)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> NetworkRef.of("", "name", "x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theUsualKindsDecodeAndEncodeTheirValue() {
        VmRef vm = VmRef.of("lab", "web-01");
        NetworkKind bridge = NetworkKind.named("bridge", "a bridge", "{\"type\": \"string\"}");
        assertThat(bridge.decode("br0", vm)).isEqualTo(NetworkRef.named("bridge", "br0"));
        assertThat(bridge.encode(NetworkRef.named("bridge", "br0"), vm)).isEqualTo("br0");
        assertThat(bridge.attributes()).extracting(NetworkKind.Attribute::name).containsExactly("name");

        NetworkKind pod = NetworkKind.empty("pod", "the pod network");
        assertThat(pod.decode(Map.of(), vm)).isEqualTo(NetworkRef.of("pod"));
        assertThat(pod.encode(NetworkRef.of("pod"), vm)).isEqualTo(Map.of());
        assertThat(pod.declarable()).isTrue();

        NetworkKind direct = NetworkKind.observed("direct", "macvtap", "device", "mode");
        assertThat(direct.declarable()).isFalse();
        assertThat(direct.attributes()).extracting(NetworkKind.Attribute::name).isEqualTo(List.of("device", "mode"));
        assertThatThrownBy(() -> direct.decode("eth0", vm)).isInstanceOf(UnsupportedOperationException.class);
    }
}

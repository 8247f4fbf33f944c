package io.nicsync.plugin.libvirt;

import static org.assertj.core.api.Assertions.assertThat;

import io.nicsync.spi.NetworkRef;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The host checks behind preflight, through sysfs (local URI) and through libvirt (remote URI), agree. */
class HostNetworksIT {

    @Test
    void localAndRemoteLookupsGiveTheSameAnswers() throws Exception {
        Lab.require();
        try (Lab.Independent lab = new Lab.Independent()) {
            HostNetworks local = new LibvirtHostNetworks(lab.connect(), true, Path.of("/sys/class/net"));
            HostNetworks remote = new LibvirtHostNetworks(lab.connect(), false, Path.of("/nonexistent"));
            for (HostNetworks h : new HostNetworks[] {local, remote}) {
                assertThat(h.problem(NetworkRef.named("bridge", Lab.BRIDGE))).isEmpty();
                assertThat(h.problem(NetworkRef.named("bridge", Lab.OTHER_BRIDGE))).isEmpty();
                assertThat(h.problem(NetworkRef.named("bridge", "lo"))).contains("host interface lo is not a bridge");
                assertThat(h.problem(NetworkRef.named("network", Lab.NETWORK))).isEmpty();
                assertThat(h.problem(NetworkRef.named("network", "nope"))).get().asString()
                        .startsWith("libvirt network nope not found: libvirt error VIR_ERR_NO_NETWORK (code 43)");
            }
            assertThat(local.problem(NetworkRef.named("bridge", "br-nope")))
                    .isEqualTo(Optional.of("bridge br-nope does not exist on the host"));
            assertThat(remote.problem(NetworkRef.named("bridge", "br-nope"))).get().asString()
                    .startsWith("bridge br-nope not found on the host: libvirt error VIR_ERR_NO_INTERFACE");
        }
    }
}

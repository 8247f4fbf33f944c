package io.nicsync.plugin.ganeti;

import io.nicsync.spi.LinkState;
import io.nicsync.spi.MacAddress;
import io.nicsync.spi.NetworkRef;
import io.nicsync.spi.NicSpec;
import io.nicsync.spi.TargetException;
import io.nicsync.spi.VmRef;

/** A target over a {@link FakeRapi} with fake time, and the names the recorded instances use. */
final class Targets {
    static final VmRef REC1 = VmRef.of("gnt", "rec1.ganeti.test");

    private Targets() {
    }

    static GanetiTarget over(FakeRapi rapi, FakeTime time) throws TargetException {
        rapi.facts();
        return new GanetiTarget("gnt", new Cluster(rapi, new Jobs(rapi, time, time), "gnt"), () -> { }, time, time);
    }

    static NicSpec bridged(String name, String bridge) {
        return new NicSpec(name, null, NetworkRef.named("bridge", bridge), null, null, LinkState.UP, null);
    }

    static NicSpec bridged(String name, String mac, String bridge) {
        return new NicSpec(name, MacAddress.parse(mac), NetworkRef.named("bridge", bridge), null, null, LinkState.UP,
                null);
    }

    static NicSpec onNetwork(String name, String network) {
        return new NicSpec(name, null, NetworkRef.named("network", network), null, null, LinkState.UP, null);
    }
}

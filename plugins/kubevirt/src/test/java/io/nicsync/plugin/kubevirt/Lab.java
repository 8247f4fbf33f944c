package io.nicsync.plugin.kubevirt;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nicsync.plugin.kubevirt.sim.Fixtures;
import io.nicsync.plugin.kubevirt.sim.SimCluster;
import io.nicsync.plugin.kubevirt.sim.SimConfig;
import io.nicsync.plugin.kubevirt.sim.Simulator;
import io.nicsync.spi.LinkState;
import io.nicsync.spi.LiveNic;
import io.nicsync.spi.LiveVm;
import io.nicsync.spi.NicSpec;
import io.nicsync.spi.Target;
import io.nicsync.spi.TargetException;
import io.nicsync.spi.VmRef;
import java.time.Duration;

/**
 * A simulated KubeVirt cluster with the VM {@code prod/web-01} (pod network and NAD {@code blue}), NADs
 * {@code blue} and {@code red}, and a target opened on it. Closing checks every write against KubeVirt's
 * OpenAPI definitions.
 */
final class Lab implements AutoCloseable {
    static final VmRef WEB01 = new VmRef("lab", "prod", "web-01");
    static final Duration TIMEOUT = Duration.ofMinutes(2);

    final SimCluster cluster;
    final Simulator sim;
    final SimPacer pacer;
    final Target target;

    private Lab(SimConfig config, boolean running, HotplugSetting hotplug) throws TargetException {
        this(config, running, hotplug, Fixtures.web01());
    }

    private Lab(SimConfig config, boolean running, HotplugSetting hotplug, ObjectNode web01) throws TargetException {
        cluster = SimCluster.start(config);
        sim = cluster.sim();
        sim.createNad("prod", "blue");
        sim.createNad("prod", "red");
        sim.createVm(web01);
        if (running) {
            sim.start("prod", "web-01");
        }
        pacer = new SimPacer(sim);
        target = KubevirtPlugin.open("lab", cluster.client(), hotplug, pacer);
    }

    static Lab running(SimConfig config) throws TargetException {
        return new Lab(config, true, HotplugSetting.AUTO);
    }

    static Lab running(SimConfig config, HotplugSetting hotplug) throws TargetException {
        return new Lab(config, true, hotplug);
    }

    /** web-01 running, its template naming no MAC ({@link Fixtures#web01WithoutMacs}). */
    static Lab runningWithoutMacs(SimConfig config) throws TargetException {
        return new Lab(config, true, HotplugSetting.AUTO, Fixtures.web01WithoutMacs());
    }

    static Lab stopped(SimConfig config) throws TargetException {
        return new Lab(config, false, HotplugSetting.AUTO);
    }

    /** {@code web01} as web-01, running or stopped, on a cluster with NADs blue and red. */
    static Lab of(SimConfig config, ObjectNode web01, boolean running) throws TargetException {
        return new Lab(config, running, HotplugSetting.AUTO, web01);
    }

    static NicSpec bridge(String name, String nad) {
        return new NicSpec(name, null, Networks.multus(nad, "prod"), "virtio", "bridge", LinkState.UP, null);
    }

    LiveVm observe() throws TargetException {
        return target.observe(WEB01);
    }

    LiveNic nic(String name) throws TargetException {
        return observe().nic(name).orElse(null);
    }

    int writes() {
        return cluster.writes().all().size();
    }

    @Override
    public void close() {
        target.close();
        try {
            cluster.writes().assertAllValid();
        } finally {
            cluster.close();
        }
    }
}

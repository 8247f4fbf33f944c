package io.nicsync.plugin.libvirt;

import io.nicsync.spi.PowerState;
import java.util.ArrayList;
import java.util.List;

/** A scripted {@link DomainPort}: serves XML it is given and records every change request. */
class FakeDomain implements DomainPort {
    final List<String> calls = new ArrayList<>();
    PowerState power = PowerState.RUNNING;
    String liveXml;
    String persistentXml;

    FakeDomain(String liveXml, String persistentXml) {
        this.liveXml = liveXml;
        this.persistentXml = persistentXml;
    }

    @Override
    public String name() {
        return "fake";
    }

    @Override
    public PowerState power() {
        return power;
    }

    @Override
    public String liveXml() {
        return power.live() ? liveXml : persistentXml;
    }

    @Override
    public String persistentXml() {
        return persistentXml;
    }

    @Override
    public void attach(String xml, boolean live) throws LibvirtFailure {
        calls.add((live ? "attach-live " : "attach-config ") + xml);
    }

    @Override
    public void detach(String xml, boolean live) throws LibvirtFailure {
        calls.add((live ? "detach-live " : "detach-config ") + xml);
    }

    /** Whether {@link #requestLiveDetach} is available, as with libvirt 4.4 and later. */
    boolean detachByAlias = true;

    @Override
    public boolean requestLiveDetach(String alias) throws LibvirtFailure {
        if (detachByAlias) {
            calls.add("detach-alias " + alias);
        }
        return detachByAlias;
    }

    @Override
    public void update(String xml, boolean live) throws LibvirtFailure {
        calls.add((live ? "update-live " : "update-config ") + xml);
    }

    @Override
    public void shutdown() {
        calls.add("shutdown");
    }

    @Override
    public void destroy() {
        calls.add("destroy");
        power = PowerState.STOPPED;
    }

    @Override
    public void start() {
        calls.add("start");
        power = PowerState.RUNNING;
    }
}

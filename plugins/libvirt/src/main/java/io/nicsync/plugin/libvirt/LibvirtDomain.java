package io.nicsync.plugin.libvirt;

import io.nicsync.spi.PowerState;
import org.libvirt.Domain;
import org.libvirt.Domain.DeviceModifyFlags;
import org.libvirt.Domain.XMLFlags;
import org.libvirt.DomainInfo.DomainState;
import org.libvirt.LibvirtException;

/** {@link DomainPort} over libvirt-java. {@code live} selects VIR_DOMAIN_AFFECT_LIVE, else _CONFIG. */
final class LibvirtDomain implements DomainPort {
    private final Domain domain;
    private final String name;

    LibvirtDomain(Domain domain, String name) {
        this.domain = domain;
        this.name = name;
    }

    @FunctionalInterface
    private interface Call<T> {
        T run() throws LibvirtException;
    }

    private static <T> T call(Call<T> c) throws LibvirtFailure {
        try {
            return c.run();
        } catch (LibvirtException e) {
            throw LibvirtFailure.of(e);
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public PowerState power() throws LibvirtFailure {
        if (DomainStateQuery.available()) {
            return map(DomainStateQuery.of(domain));
        }
        return map(call(() -> domain.getInfo().state));
    }

    static PowerState map(DomainState state) {
        return switch (state) {
            case VIR_DOMAIN_RUNNING, VIR_DOMAIN_BLOCKED -> PowerState.RUNNING;
            case VIR_DOMAIN_PAUSED, VIR_DOMAIN_PMSUSPENDED -> PowerState.PAUSED;
            case VIR_DOMAIN_SHUTOFF, VIR_DOMAIN_CRASHED -> PowerState.STOPPED;
            default -> PowerState.OTHER;
        };
    }

    @Override
    public String liveXml() throws LibvirtFailure {
        return call(() -> domain.getXMLDesc(0));
    }

    @Override
    public String persistentXml() throws LibvirtFailure {
        return call(() -> domain.getXMLDesc(XMLFlags.INACTIVE));
    }

    @Override
    public void attach(String xml, boolean live) throws LibvirtFailure {
        call(() -> {
            domain.attachDeviceFlags(xml, flags(live));
            return null;
        });
    }

    @Override
    public void detach(String xml, boolean live) throws LibvirtFailure {
        call(() -> {
            domain.detachDeviceFlags(xml, flags(live));
            return null;
        });
    }

    @Override
    public boolean requestLiveDetach(String alias) throws LibvirtFailure {
        if (!DetachByAlias.available()) {
            return false;
        }
        DetachByAlias.detachLive(domain, alias);
        return true;
    }

    @Override
    public void update(String xml, boolean live) throws LibvirtFailure {
        call(() -> domain.updateDeviceFlags(xml, flags(live)));
    }

    @Override
    public void shutdown() throws LibvirtFailure {
        call(() -> {
            domain.shutdown();
            return null;
        });
    }

    @Override
    public void destroy() throws LibvirtFailure {
        call(() -> {
            domain.destroy();
            return null;
        });
    }

    @Override
    public void start() throws LibvirtFailure {
        call(() -> domain.create());
    }

    private static int flags(boolean live) {
        return live ? DeviceModifyFlags.LIVE : DeviceModifyFlags.CONFIG;
    }
}

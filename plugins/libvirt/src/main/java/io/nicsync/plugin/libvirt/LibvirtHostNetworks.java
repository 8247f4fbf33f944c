package io.nicsync.plugin.libvirt;

import io.nicsync.spi.NetworkRef;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.libvirt.Connect;
import org.libvirt.LibvirtException;
import org.libvirt.Network;

/**
 * Bridges and libvirt networks as the host has them. A bridge on a local URI is looked up in sysfs
 * ({@code /sys/class/net/<name>/bridge}); on a remote host only libvirt can tell, through its interface
 * API (or a network that uses the bridge).
 */
final class LibvirtHostNetworks implements HostNetworks {
    private final Connect connect;
    private final boolean local;
    private final Path sysClassNet;

    LibvirtHostNetworks(Connect connect, boolean local, Path sysClassNet) {
        this.connect = connect;
        this.local = local;
        this.sysClassNet = sysClassNet;
    }

    @Override
    public Optional<String> problem(NetworkRef ref) {
        if (ref.is(Networks.BRIDGE)) {
            return local ? localBridge(ref.name()) : remoteBridge(ref.name());
        }
        if (ref.is(Networks.NETWORK)) {
            return network(ref.name());
        }
        return Optional.of(ref.display() + " cannot be used for a libvirt NIC nicsync manages");
    }

    private Optional<String> localBridge(String name) {
        if (Files.isDirectory(sysClassNet.resolve(name).resolve("bridge"))) {
            return Optional.empty();
        }
        return Optional.of(Files.exists(sysClassNet.resolve(name))
                ? "host interface " + name + " is not a bridge"
                : "bridge " + name + " does not exist on the host");
    }

    private Optional<String> remoteBridge(String name) {
        try {
            String xml = connect.interfaceLookupByName(name).getXMLDescription(0);
            return "bridge".equals(Xml.parse(xml).getDocumentElement().getAttribute("type")) ? Optional.empty()
                    : Optional.of("host interface " + name + " is not a bridge");
        } catch (LibvirtException e) {
            // Without libvirt's interface driver a network in bridge mode still proves the bridge is there.
            try {
                for (String net : connect.listNetworks()) {
                    if (name.equals(connect.networkLookupByName(net).getBridgeName())) {
                        return Optional.empty();
                    }
                }
            } catch (LibvirtException ignored) {
                // fall through to the original answer
            }
            return Optional.of("bridge " + name + " not found on the host: " + LibvirtFailure.of(e).describe());
        }
    }

    private Optional<String> network(String name) {
        try {
            Network net = connect.networkLookupByName(name);
            return net.isActive() == 1 ? Optional.empty()
                    : Optional.of("libvirt network " + name + " is not active");
        } catch (LibvirtException e) {
            return Optional.of("libvirt network " + name + " not found: " + LibvirtFailure.of(e).describe());
        }
    }
}

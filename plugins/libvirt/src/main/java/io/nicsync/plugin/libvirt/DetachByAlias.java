package io.nicsync.plugin.libvirt;

import com.sun.jna.Library;
import org.libvirt.Domain;
import org.libvirt.jna.DomainPointer;

/**
 * {@code virDomainDetachDeviceAlias} (libvirt 4.4 and later), which libvirt-java 0.5.4 does not bind. Unlike
 * {@code virDomainDetachDeviceFlags} it does not block for 5 s waiting for the guest: it sends the request
 * and returns, so that the caller decides how long to wait and when to ask again.
 *
 * <p>When the symbol or the domain's native handle ({@link NativeHandle}) is missing, {@link #available()}
 * is false and callers fall back to the blocking detach.
 */
final class DetachByAlias {
    private static final int AFFECT_LIVE = 1;

    private interface Virt extends Library {
        int virDomainDetachDeviceAlias(DomainPointer dom, String alias, int flags);
    }

    private static final Virt VIRT = NativeHandle.load(Virt.class, "virDomainDetachDeviceAlias");

    private DetachByAlias() {
    }

    static boolean available() {
        return VIRT != null && NativeHandle.available();
    }

    static void detachLive(Domain domain, String alias) throws LibvirtFailure {
        if (VIRT.virDomainDetachDeviceAlias(NativeHandle.of(domain), alias, AFFECT_LIVE) < 0) {
            throw NativeHandle.lastError("detach of " + alias);
        }
    }
}

package io.nicsync.plugin.libvirt;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.lang.reflect.Field;
import org.libvirt.Domain;
import org.libvirt.Error;
import org.libvirt.jna.DomainPointer;
import org.libvirt.jna.Libvirt;
import org.libvirt.jna.virError;

/**
 * {@code virDomainDetachDeviceAlias} (libvirt 4.4 and later), which libvirt-java 0.5.4 does not bind. Unlike
 * {@code virDomainDetachDeviceFlags} it does not block for 5 s waiting for the guest: it sends the request
 * and returns, so that the caller decides how long to wait and when to ask again.
 *
 * <p>libvirt-java keeps a domain's native handle in the package-private field {@code vdp}; it is read
 * reflectively (the version is pinned). When that is not possible, {@link #available()} is false and callers
 * fall back to the blocking detach.
 */
final class DetachByAlias {
    private static final int AFFECT_LIVE = 1;

    private interface Virt extends Library {
        int virDomainDetachDeviceAlias(DomainPointer dom, String alias, int flags);
    }

    private static final Virt VIRT = load();
    private static final Field VDP = handleField();

    private DetachByAlias() {
    }

    static boolean available() {
        return VIRT != null && VDP != null;
    }

    static void detachLive(Domain domain, String alias) throws LibvirtFailure {
        DomainPointer handle;
        try {
            handle = (DomainPointer) VDP.get(domain);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("libvirt-java domain handle not readable", e);
        }
        if (VIRT.virDomainDetachDeviceAlias(handle, alias, AFFECT_LIVE) < 0) {
            // libvirt keeps the last error per thread; JNA calls run on the calling thread.
            virError err = Libvirt.INSTANCE.virGetLastError();
            throw err == null ? new LibvirtFailure("VIR_ERR_UNKNOWN", -1, "detach of " + alias + " failed")
                    : LibvirtFailure.of(new Error(err));
        }
    }

    private static Virt load() {
        try {
            Virt virt = Native.load("virt", Virt.class);
            // Resolve the symbol now: an old libvirt without it must fall back, not fail on first use.
            com.sun.jna.NativeLibrary.getInstance("virt").getFunction("virDomainDetachDeviceAlias");
            return virt;
        } catch (UnsatisfiedLinkError e) {
            return null;
        }
    }

    private static Field handleField() {
        try {
            Field f = Domain.class.getDeclaredField("vdp");
            f.setAccessible(true);
            return f;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}

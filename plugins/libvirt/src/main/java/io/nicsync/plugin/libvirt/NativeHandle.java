package io.nicsync.plugin.libvirt;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import java.lang.reflect.Field;
import org.libvirt.Domain;
import org.libvirt.Error;
import org.libvirt.jna.DomainPointer;
import org.libvirt.jna.Libvirt;
import org.libvirt.jna.virError;

/**
 * What calls that libvirt-java 0.5.4 does not bind need: the function itself; a domain's native handle,
 * which libvirt-java keeps in the package-private field {@code vdp} (read reflectively: the version is
 * pinned); libvirt's error. When the field is not readable, {@link #available()} is false and callers use
 * what libvirt-java binds.
 */
final class NativeHandle {
    private static final Field VDP = handleField();

    private NativeHandle() {
    }

    static boolean available() {
        return VDP != null;
    }

    static DomainPointer of(Domain domain) {
        try {
            return (DomainPointer) VDP.get(domain);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("libvirt-java domain handle not readable", e);
        }
    }

    /**
     * libvirt's functions through {@code type}, or null when this libvirt lacks {@code symbol}: the symbol is
     * resolved now, so that an old libvirt without it makes callers fall back instead of failing on first use.
     */
    static <T extends Library> T load(Class<T> type, String symbol) {
        try {
            T lib = Native.load("virt", type);
            NativeLibrary.getInstance("virt").getFunction(symbol);
            return lib;
        } catch (UnsatisfiedLinkError e) {
            return null;
        }
    }

    /** The failure of the call that just failed on this thread: libvirt keeps the last error per thread. */
    static LibvirtFailure lastError(String what) {
        virError err = Libvirt.INSTANCE.virGetLastError();
        return err == null ? new LibvirtFailure("VIR_ERR_UNKNOWN", -1, what + " failed")
                : LibvirtFailure.of(new Error(err));
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

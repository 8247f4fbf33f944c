package io.nicsync.plugin.libvirt;

import org.libvirt.Connect;
import org.libvirt.LibvirtException;
import org.libvirt.jna.Libvirt.VirErrorCallback;

/**
 * libvirt's default error handler prints every error to stderr. nicsync reports errors itself (each one
 * reaches the caller as an exception with libvirt's code and message), so the printing is switched off.
 */
final class QuietErrors {
    // Held in a static field: JNA must keep the callback reachable for as long as libvirt may call it.
    private static final VirErrorCallback IGNORE = (userData, error) -> { };
    private static volatile boolean installed;

    private QuietErrors() {
    }

    static void install() throws LibvirtException {
        if (!installed) {
            synchronized (QuietErrors.class) {
                if (!installed) {
                    Connect.setErrorCallback(IGNORE);
                    installed = true;
                }
            }
        }
    }
}

package io.nicsync.plugin.libvirt;

import com.sun.jna.Library;
import com.sun.jna.ptr.IntByReference;
import org.libvirt.Domain;
import org.libvirt.DomainInfo.DomainState;
import org.libvirt.jna.DomainPointer;

/**
 * {@code virDomainGetState}, which libvirt-java 0.5.4 does not bind. Observe needs only the state of a
 * running domain; {@code getInfo}, which is bound, also has libvirtd read memory and CPU time, and fills a
 * JNA structure by reflection: with several running domains it showed in the observe profile.
 */
final class DomainStateQuery {
    private interface Virt extends Library {
        int virDomainGetState(DomainPointer dom, IntByReference state, IntByReference reason, int flags);
    }

    private static final Virt VIRT = NativeHandle.load(Virt.class, "virDomainGetState");

    private DomainStateQuery() {
    }

    static boolean available() {
        return VIRT != null && NativeHandle.available();
    }

    static DomainState of(Domain domain) throws LibvirtFailure {
        IntByReference state = new IntByReference();
        IntByReference reason = new IntByReference();
        if (VIRT.virDomainGetState(NativeHandle.of(domain), state, reason, 0) < 0) {
            throw NativeHandle.lastError("state query");
        }
        // virDomainState numbers its states in the order of libvirt-java's enum; later ones are unknown here.
        DomainState[] all = DomainState.values();
        int s = state.getValue();
        return s >= 0 && s < all.length ? all[s] : DomainState.VIR_DOMAIN_NOSTATE;
    }
}

package io.nicsync.plan;

import io.nicsync.spi.VmRef;
import java.util.Objects;

/**
 * Something the plan tells people beside its steps. For display only: nothing may branch on the text.
 *
 * @param nic the NIC it concerns, null for the whole VM
 */
public record PlanNote(VmRef vm, String nic, Level level, String text) {
    public enum Level {
        /** Worth knowing: an adoption by MAC, a repoint done by unplug and add, why a restart is needed. */
        NOTE,
        /** Someone should look: an unmanaged NIC, a desired NIC the plan cannot bring about. */
        WARNING
    }

    public PlanNote {
        Objects.requireNonNull(vm, "vm");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(text, "text");
    }

    static PlanNote note(VmRef vm, String nic, String text) {
        return new PlanNote(vm, nic, Level.NOTE, text);
    }

    static PlanNote warning(VmRef vm, String nic, String text) {
        return new PlanNote(vm, nic, Level.WARNING, text);
    }
}

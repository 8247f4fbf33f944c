package io.nicsync.diff;

import io.nicsync.spi.LinkState;
import io.nicsync.spi.NicSpec;
import java.util.List;
import java.util.Objects;

/**
 * One difference between a desired VM and the VM as observed. Live-side changes ({@link Missing},
 * {@link Unwanted}, {@link NetworkChange}, {@link LinkChange}, {@link FixedChange}) only ever concern a
 * running VM; persistent-side changes ({@link PersistentDrift}, {@link PersistentLeftover}) concern
 * every VM. Every {@link NicSpec} here names its NIC the way steps must find it: by name, or by MAC for
 * an unnamed NIC.
 */
public sealed interface NicChange {

    /** The NIC as messages name it. */
    String nic();

    /** Why a NIC must go. */
    enum Removal {
        /** The desired state says {@code state: absent}. */
        ABSENT,
        /** Not declared, and the VM's policy is {@code unmanaged: unplug}. */
        UNMANAGED,
        /** Declared with {@code persist: false}, so the persistent definition must not have it. */
        LIVE_ONLY
    }

    /**
     * A desired NIC the running VM does not have plugged.
     *
     * @param spec what to plug; omitted fields taken from the NIC's persistent entry when it has one
     * @param persisted whether the persistent definition already holds it (a config-only NIC)
     */
    record Missing(NicSpec spec, boolean persist, boolean persisted) implements NicChange {
        public Missing {
            Objects.requireNonNull(spec, "spec");
        }

        @Override
        public String nic() {
            return spec.label();
        }
    }

    /** A plugged NIC that must be unplugged; {@code current} is its live configuration. */
    record Unwanted(NicSpec current, Removal why) implements NicChange {
        public Unwanted {
            Objects.requireNonNull(current, "current");
            Objects.requireNonNull(why, "why");
        }

        @Override
        public String nic() {
            return current.label();
        }
    }

    /** A plugged NIC on the wrong network; {@code wanted} is the full live configuration it must get. */
    record NetworkChange(NicSpec current, NicSpec wanted) implements NicChange {
        public NetworkChange {
            Objects.requireNonNull(current, "current");
            Objects.requireNonNull(wanted, "wanted");
        }

        @Override
        public String nic() {
            return current.label();
        }
    }

    /** A plugged NIC whose carrier must change. */
    record LinkChange(NicSpec current, LinkState to) implements NicChange {
        public LinkChange {
            Objects.requireNonNull(current, "current");
            Objects.requireNonNull(to, "to");
        }

        @Override
        public String nic() {
            return current.label();
        }
    }

    /**
     * A plugged NIC whose model, MAC or binding differs: no platform changes those on a plugged device, so
     * the change needs a restart.
     *
     * @param fields the differing fields, such as {@code model e1000 -> virtio}
     */
    record FixedChange(NicSpec current, NicSpec wanted, List<String> fields) implements NicChange {
        public FixedChange {
            Objects.requireNonNull(current, "current");
            Objects.requireNonNull(wanted, "wanted");
            fields = List.copyOf(fields);
        }

        @Override
        public String nic() {
            return current.label();
        }
    }

    /**
     * The persistent definition must hold {@code wanted} and does not.
     *
     * @param previous the persistent entry now, null when there is none
     */
    record PersistentDrift(NicSpec wanted, NicSpec previous, List<String> fields) implements NicChange {
        public PersistentDrift {
            Objects.requireNonNull(wanted, "wanted");
            fields = List.copyOf(fields);
        }

        @Override
        public String nic() {
            return wanted.label();
        }
    }

    /** The persistent definition holds {@code entry} and must not. */
    record PersistentLeftover(NicSpec entry, Removal why) implements NicChange {
        public PersistentLeftover {
            Objects.requireNonNull(entry, "entry");
            Objects.requireNonNull(why, "why");
        }

        @Override
        public String nic() {
            return entry.label();
        }
    }

    /** A NIC the desired state does not list, under {@code unmanaged: warn}. */
    record Unmanaged(NicSpec current) implements NicChange {
        public Unmanaged {
            Objects.requireNonNull(current, "current");
        }

        @Override
        public String nic() {
            return current.label();
        }
    }

    /**
     * The desired NIC {@code name}, matched by name, declares a MAC that {@code other} carries: changing
     * its MAC would clash, so people must sort it out.
     */
    record MacInUse(String name, NicSpec other) implements NicChange {
        public MacInUse {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(other, "other");
        }

        @Override
        public String nic() {
            return name;
        }
    }

    /** The desired NIC {@code name} was matched by MAC to an unnamed NIC, which it now manages. */
    record Adopted(String name, NicSpec current) implements NicChange {
        public Adopted {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(current, "current");
        }

        @Override
        public String nic() {
            return current.label();
        }
    }
}

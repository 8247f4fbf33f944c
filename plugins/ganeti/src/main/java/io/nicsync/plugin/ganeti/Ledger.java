package io.nicsync.plugin.ganeti;

import io.nicsync.spi.MacAddress;
import io.nicsync.spi.NetworkRef;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where the running VM and Ganeti's configuration of it differ because of something nicsync did, kept as tags of
 * the instance.
 *
 * <p>RAPI reports an instance's configuration only; which devices its KVM process has, nothing in RAPI says.
 * Ganeti keeps the two alike when it hotplugs a change, and only then. When nicsync must change the configuration
 * of a running instance without hotplugging (no free slot, a change Ganeti cannot hotplug: the plan then says a
 * restart is required), or when a hotplug fails, it records the difference here so that observing the instance
 * stays true:
 *
 * <pre>{@code
 * nicsync:vm-lacks:57:5be03b41-1849-4faa-a732-c18128a8c8ee      the VM lacks this configured NIC (job 57 added it)
 * nicsync:vm-has:58:bdfdc381:aa0000a9b3a7:uplink:bridge/gnt-br0  the VM has this device, which its configuration
 *                                                               describes otherwise or not at all
 * }</pre>
 *
 * <p>A {@code vm-has} entry names the device's NIC UUID (its first group: QEMU's device id holds it) as Ganeti's
 * runtime record knows it: only while a configured NIC has that UUID can Ganeti hotplug it again.
 *
 * <p>An entry holds until the VM is built again from its configuration: a start, a hard or full reboot, a
 * failover (a soft reboot restarts QEMU from the old runtime record, and a migration carries that record along,
 * so neither does). {@link Restarts} finds such jobs after an entry's job; nicsync's own restarts clear the
 * entries.
 */
record Ledger(List<Entry> entries) {
    static final String PREFIX = "nicsync:";
    private static final String LACKS = PREFIX + "vm-lacks:";
    private static final String HAS = PREFIX + "vm-has:";
    /** Ganeti's tags: at most 128 characters out of these. */
    static final int MAX_TAG = 128;
    private static final Pattern TAG_TEXT = Pattern.compile("[\\w.+*@-]*");
    private static final Pattern NETWORK_VALUE = Pattern.compile("[\\w.+*:@-]+");

    static final Ledger EMPTY = new Ledger(List.of());

    /** One difference, and the job that made it. */
    sealed interface Entry {
        long job();

        String tag();
    }

    /** The running VM lacks the configured NIC {@code nicUuid}. */
    record VmLacks(long job, String nicUuid) implements Entry {
        @Override
        public String tag() {
            return LACKS + job + ":" + nicUuid;
        }
    }

    /**
     * The running VM has this device.
     *
     * @param runtimeUuid the first group of the NIC UUID Ganeti's runtime record holds for it
     * @param name the NIC's name; null for none
     */
    record VmHas(long job, String runtimeUuid, MacAddress mac, String name, NetworkRef network) implements Entry {
        @Override
        public String tag() {
            StringBuilder net = new StringBuilder(network.kind());
            network.attributes().values().forEach(v -> net.append('/').append(v));
            return HAS + job + ":" + runtimeUuid + ":" + mac.value().replace(":", "") + ":"
                    + (name == null ? "" : name) + ":" + net;
        }

        /** Whether this is the device of configured NIC {@code nic}, by name or else by MAC. */
        boolean describes(ConfigNic nic) {
            return name != null && nic.name() != null ? name.equals(nic.name()) : mac.equals(nic.mac());
        }

        /** Whether Ganeti's runtime record of the device is that of {@code nic}, so Ganeti can hotplug it. */
        boolean runtimeOf(ConfigNic nic) {
            return nic.uuid().startsWith(runtimeUuid);
        }
    }

    Ledger {
        entries = List.copyOf(entries);
    }

    /** The entries among an instance's tags; other tags, and nicsync tags this version cannot read, are ignored. */
    static Ledger of(List<String> tags) {
        List<Entry> out = new ArrayList<>();
        for (String tag : tags) {
            parse(tag).ifPresent(out::add);
        }
        return new Ledger(out);
    }

    static Optional<Entry> parse(String tag) {
        try {
            if (tag.startsWith(LACKS)) {
                String[] p = tag.substring(LACKS.length()).split(":", 2);
                return Optional.of(new VmLacks(Long.parseLong(p[0]), p[1]));
            }
            if (tag.startsWith(HAS)) {
                String[] p = tag.substring(HAS.length()).split(":", 5);
                String[] net = p[4].split("/");
                NetworkRef network = net[0].equals(Networks.BRIDGE) || net[0].equals(Networks.NETWORK)
                        ? NetworkRef.named(net[0], net[1]) : attributes(net);
                MacAddress mac = MacAddress.parse(HexFormat.ofDelimiter(":").formatHex(HexFormat.of().parseHex(p[2])));
                return Optional.of(new VmHas(Long.parseLong(p[0]), p[1], mac, p[3].isEmpty() ? null : p[3],
                        network));
            }
        } catch (RuntimeException e) {
            // not one of ours in a form this version reads
        }
        return Optional.empty();
    }

    /** A network of an observed kind: its attributes in the order {@link Networks#of} makes them. */
    private static NetworkRef attributes(String[] net) {
        List<String> names = switch (net[0]) {
            case Networks.BRIDGE_VLAN -> List.of("link", "vlan");
            case Networks.ROUTED -> List.of("link");
            case Networks.OPENVSWITCH -> List.of("switch", "vlan");
            case Networks.OTHER_MODE -> List.of("mode", "link");
            default -> throw new IllegalArgumentException("unknown network kind " + net[0]);
        };
        String[] pairs = new String[names.size() * 2];
        for (int i = 0; i < names.size(); i++) {
            pairs[2 * i] = names.get(i);
            pairs[2 * i + 1] = i + 1 < net.length ? net[i + 1] : null;
        }
        return NetworkRef.of(net[0], pairs);
    }

    /** Why {@code entry} cannot be written as a Ganeti tag, or empty when it can. */
    static Optional<String> unwritable(Entry entry) {
        if (entry instanceof VmHas has) {
            if (has.name() != null && !TAG_TEXT.matcher(has.name()).matches()) {
                return Optional.of("the NIC name " + has.name() + " cannot be kept in a Ganeti tag");
            }
            if (!has.network().attributes().values().stream().allMatch(v -> NETWORK_VALUE.matcher(v).matches())) {
                return Optional.of("the network " + has.network() + " cannot be kept in a Ganeti tag");
            }
        }
        return entry.tag().length() > MAX_TAG
                ? Optional.of("the record " + entry.tag() + " is longer than Ganeti's " + MAX_TAG + "-character tags")
                : Optional.empty();
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }

    boolean lacks(String nicUuid) {
        return entries.stream().anyMatch(e -> e instanceof VmLacks l && l.nicUuid().equals(nicUuid));
    }

    List<VmHas> has() {
        return entries.stream().filter(VmHas.class::isInstance).map(VmHas.class::cast).toList();
    }

    Optional<VmHas> deviceOf(ConfigNic nic) {
        return has().stream().filter(h -> h.describes(nic)).findFirst();
    }

    /** The entries made after job {@code restart}: those a restart in that job ended are gone. */
    Ledger after(long restart) {
        return new Ledger(entries.stream().filter(e -> e.job() > restart).toList());
    }

    long oldestJob() {
        return entries.stream().mapToLong(Entry::job).min().orElse(Long.MAX_VALUE);
    }

    List<String> tags() {
        return entries.stream().map(Entry::tag).toList();
    }
}

package io.nicsync.testing;

import io.nicsync.spi.Capabilities.HotplugMode;
import io.nicsync.spi.DesiredNic;
import io.nicsync.spi.DesiredVm;
import io.nicsync.spi.Fingerprint;
import io.nicsync.spi.HotplugCapacity;
import io.nicsync.spi.LinkState;
import io.nicsync.spi.LiveNic;
import io.nicsync.spi.LiveVm;
import io.nicsync.spi.MacAddress;
import io.nicsync.spi.NetworkRef;
import io.nicsync.spi.NicSpec;
import io.nicsync.spi.PowerState;
import io.nicsync.spi.Presence;
import io.nicsync.spi.UnmanagedPolicy;
import io.nicsync.spi.VmRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Random desired/observed pairs for property tests. NIC names come from a small pool so that desired and
 * observed NICs overlap often; MACs are tied to NIC positions so that no two NICs of a VM share one, while
 * a desired MAC sometimes points at an unnamed observed NIC (adoption).
 */
public final class RandomVms {
    public static final VmRef VM = VmRef.of("lab", "vm");
    private static final List<String> NAMES = List.of("a", "b", "c", "d");
    private static final List<NetworkRef> NETWORKS = List.of(
            NetworkRef.named("bridge", "br0"), NetworkRef.named("bridge", "br1"), NetworkRef.named("network", "default"));

    private RandomVms() {
    }

    /** One VM as desired and as observed, and what its target can do. */
    public record Pair(DesiredVm desired, LiveVm live, FakeCapabilities capabilities) {
    }

    public static Arbitrary<Pair> pairs() {
        return Combinators.combine(desired(), live(), capabilities()).as(Pair::new);
    }

    public static Arbitrary<DesiredVm> desired() {
        var nics = Combinators.combine(Arbitraries.of(NAMES).set().ofMaxSize(4), desiredNicTemplate().list().ofSize(4))
                .as((names, templates) -> {
                    var out = new ArrayList<DesiredNic>();
                    int i = 0;
                    for (String name : NAMES) {
                        if (names.contains(name)) {
                            out.add(templates.get(i).named(name, NAMES.indexOf(name)));
                        }
                        i++;
                    }
                    return out;
                });
        return Combinators.combine(Arbitraries.of(UnmanagedPolicy.class), nics)
                .as((policy, list) -> new DesiredVm(VM, policy, list));
    }

    /** A desired NIC before it has a name; the MAC choice is resolved against the NIC's position. */
    private record NicTemplate(NetworkRef network, String model, int macChoice, LinkState link, Presence state,
            boolean persist, Integer bootOrder) {
        DesiredNic named(String name, int index) {
            MacAddress mac = switch (macChoice) {
                case 1 -> namedMac(index);
                case 2 -> unnamedMac(index);
                case 3 -> mac(3, index);
                default -> null;
            };
            return new DesiredNic(name, network, null, model, mac, link, state, persist, bootOrder);
        }
    }

    private static Arbitrary<NicTemplate> desiredNicTemplate() {
        return Combinators.combine(
                Arbitraries.of(NETWORKS),
                Arbitraries.of("virtio", "e1000").injectNull(0.6),
                Arbitraries.integers().between(0, 3),
                Arbitraries.of(LinkState.class),
                Arbitraries.of(Presence.class).edgeCases(c -> c.add(Presence.PRESENT)),
                Arbitraries.of(true, true, true, false),
                Arbitraries.integers().between(1, 3).injectNull(0.8)).as(NicTemplate::new);
    }

    public static Arbitrary<LiveVm> live() {
        var named = Combinators.combine(observedTemplate().list().ofSize(4), Arbitraries.integers().between(0, 3))
                .as((templates, unnamed) -> {
                    var nics = new ArrayList<LiveNic>();
                    for (int i = 0; i < NAMES.size(); i++) {
                        templates.get(i).nic(NAMES.get(i), namedMac(i)).ifPresent(nics::add);
                    }
                    for (int i = 0; i < unnamed; i++) {
                        var t = templates.get(i);
                        var spec = new NicSpec(null, unnamedMac(i), t.network, t.model, null, t.link, null);
                        nics.add(new LiveNic(null, unnamedMac(i), t.where != 2 ? spec : null, t.where != 1 ? spec : null,
                                null));
                    }
                    return nics;
                });
        return Combinators.combine(named, Arbitraries.of(PowerState.RUNNING, PowerState.RUNNING, PowerState.STOPPED),
                        capacity())
                .as((nics, power, capacity) -> new LiveVm(VM, power, "pc-q35-7.2",
                        power.live() ? nics : stopped(nics), capacity, new Fingerprint("fp-" + nics.hashCode())));
    }

    /** Where an observed NIC is: 0 nowhere, 1 plugged only, 2 persisted only, 3 both (4: both, differing). */
    private record ObservedTemplate(int where, NetworkRef network, String model, LinkState link, NetworkRef otherNetwork,
            LinkState otherLink) {
        java.util.Optional<LiveNic> nic(String name, MacAddress mac) {
            var spec = new NicSpec(name, mac, network, model, null, link, null);
            var other = new NicSpec(name, mac, otherNetwork, model, null, otherLink, null);
            return switch (where) {
                case 1 -> java.util.Optional.of(new LiveNic(name, mac, spec, null, null));
                case 2 -> java.util.Optional.of(new LiveNic(name, mac, null, spec, null));
                case 3 -> java.util.Optional.of(new LiveNic(name, mac, spec, spec, null));
                case 4 -> java.util.Optional.of(new LiveNic(name, mac, spec, other, null));
                default -> java.util.Optional.empty();
            };
        }
    }

    private static Arbitrary<ObservedTemplate> observedTemplate() {
        return Combinators.combine(Arbitraries.integers().between(0, 4), Arbitraries.of(NETWORKS),
                Arbitraries.of("virtio", "e1000"), Arbitraries.of(LinkState.class), Arbitraries.of(NETWORKS),
                Arbitraries.of(LinkState.class)).as(ObservedTemplate::new);
    }

    /** A stopped VM has no live definition: its NICs are what its persistent definition holds. */
    private static List<LiveNic> stopped(List<LiveNic> nics) {
        return nics.stream().filter(LiveNic::persisted)
                .map(n -> new LiveNic(n.name(), n.mac(), null, n.persistent(), n.pciAddress())).toList();
    }

    private static Arbitrary<HotplugCapacity> capacity() {
        return Arbitraries.integers().between(-1, 3).map(free -> free < 0
                ? HotplugCapacity.unsupported("no ACPI")
                : HotplugCapacity.slots(free, free + " free slots"));
    }

    public static Arbitrary<FakeCapabilities> capabilities() {
        return Combinators.combine(Arbitraries.of(HotplugMode.class), Arbitraries.of(true, false),
                        Arbitraries.of(true, false), Arbitraries.of(true, false), Arbitraries.of(true, false),
                        Arbitraries.of(true, false), Arbitraries.of(true, false))
                .as((mode, repoint, link, separate, replug, noStaging, keeps) -> new FakeCapabilities(mode, repoint,
                        link, separate, Set.of(), Set.of(), null, replug, noStaging, keeps));
    }

    static MacAddress namedMac(int i) {
        return mac(1, i);
    }

    static MacAddress unnamedMac(int i) {
        return mac(2, i);
    }

    private static MacAddress mac(int group, int i) {
        return new MacAddress(String.format("52:54:00:00:%02x:%02x", group, i));
    }
}

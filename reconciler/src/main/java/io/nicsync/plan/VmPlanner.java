package io.nicsync.plan;

import io.nicsync.diff.Diff;
import io.nicsync.diff.NicChange;
import io.nicsync.diff.NicChange.Adopted;
import io.nicsync.diff.NicChange.FixedChange;
import io.nicsync.diff.NicChange.LinkChange;
import io.nicsync.diff.NicChange.MacInUse;
import io.nicsync.diff.NicChange.Missing;
import io.nicsync.diff.NicChange.NetworkChange;
import io.nicsync.diff.NicChange.PersistentDrift;
import io.nicsync.diff.NicChange.PersistentLeftover;
import io.nicsync.diff.NicChange.Unmanaged;
import io.nicsync.diff.NicChange.Unwanted;
import io.nicsync.spi.AddNic;
import io.nicsync.spi.Capabilities;
import io.nicsync.spi.Capabilities.HotplugMode;
import io.nicsync.spi.DesiredNic;
import io.nicsync.spi.LinkState;
import io.nicsync.spi.LiveNic;
import io.nicsync.spi.LiveVm;
import io.nicsync.spi.Migrate;
import io.nicsync.spi.NicSpec;
import io.nicsync.spi.Nics;
import io.nicsync.spi.PersistNic;
import io.nicsync.spi.RepointNic;
import io.nicsync.spi.RestartRequired;
import io.nicsync.spi.SetLink;
import io.nicsync.spi.Slots;
import io.nicsync.spi.Step;
import io.nicsync.spi.UnpersistNic;
import io.nicsync.spi.UnplugNic;
import io.nicsync.spi.VmRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns one VM's changes into steps, asking its target's {@link Capabilities} what can be done live. The
 * steps come out grouped by concern; {@link StepOrder} puts them in the order they run.
 */
final class VmPlanner {

    record Result(List<Step> steps, List<PlanNote> notes) {
    }

    private final PlanInput input;
    private final Capabilities caps;
    private final LiveVm live;
    private final VmRef vm;
    private final List<Step> steps = new ArrayList<>();
    private final List<PlanNote> notes = new ArrayList<>();
    /** What a restart brings into the running VM, and why each needs one. */
    private final Map<String, NicSpec> restartBrings = new LinkedHashMap<>();
    private final List<String> restartWhy = new ArrayList<>();
    private final List<NicSpec> carried = new ArrayList<>();
    /** Per NIC, the live steps planned for it, to tell which persistent changes they already carry. */
    private final Map<String, List<Step>> liveSteps = new HashMap<>();
    private Slots slots;

    private VmPlanner(PlanInput input) {
        this.input = input;
        this.caps = input.capabilities();
        this.live = input.live();
        this.vm = live.ref();
    }

    static Result plan(PlanInput input) {
        var planner = new VmPlanner(input);
        var changes = planner.supported(Diff.diff(input.desired(), input.live()));
        planner.slots = Slots.of(planner.live);
        planner.remarks(changes);
        planner.removals(changes);
        planner.replugs(changes);
        planner.networkChanges(changes);
        planner.additions(changes);
        planner.linkChanges(changes);
        planner.fixedChanges(changes);
        planner.persistentChanges(changes);
        planner.migration();
        planner.restart();
        planner.stoppedNote();
        return new Result(List.copyOf(planner.steps), List.copyOf(planner.notes));
    }

    /**
     * The changes less those towards a configuration the target cannot hold at all, neither live nor after a
     * restart ({@link Capabilities#unsupported}): a plan holds only steps the target can carry out, so such a
     * NIC gets no step and the plan says why, before anything changes.
     */
    private List<NicChange> supported(List<NicChange> changes) {
        Map<String, String> refused = new LinkedHashMap<>();
        for (NicChange change : changes) {
            wanted(change).flatMap(w -> caps.unsupported(live, w))
                    .ifPresent(why -> refused.putIfAbsent(change.nic(), why));
        }
        refused.forEach((nic, why) -> notes.add(PlanNote.warning(vm, nic, nic + " cannot have its desired"
                + " configuration on this target: " + why + "; nothing is planned for " + nic)));
        return changes.stream().filter(c -> wanted(c).isEmpty() || !refused.containsKey(c.nic())).toList();
    }

    /** The configuration a change moves its NIC to; empty for removals and remarks. */
    private static Optional<NicSpec> wanted(NicChange change) {
        return switch (change) {
            case Missing m -> Optional.of(m.spec());
            case NetworkChange n -> Optional.of(n.wanted());
            case LinkChange l -> Optional.of(l.current().withLink(l.to()));
            case FixedChange f -> Optional.of(f.wanted());
            case PersistentDrift p -> Optional.of(p.wanted());
            default -> Optional.empty();
        };
    }

    private void remarks(List<NicChange> changes) {
        for (NicChange change : changes) {
            if (change instanceof Adopted a) {
                notes.add(PlanNote.note(vm, a.nic(), "desired NIC " + a.name() + " matched by MAC to the unnamed NIC "
                        + a.nic() + "; nicsync manages it from now on and finds it by MAC"));
            } else if (change instanceof MacInUse m) {
                notes.add(PlanNote.warning(vm, m.nic(), "the MAC declared for " + m.name() + " is carried by NIC "
                        + m.other().label() + "; " + m.name() + " cannot take it until that NIC is gone"));
            } else if (change instanceof Unmanaged u) {
                notes.add(PlanNote.warning(vm, u.nic(), "NIC " + u.nic() + " (" + u.current().network().display()
                        + ") is not in the desired state (unmanaged: warn)"));
            }
        }
    }

    private void removals(List<NicChange> changes) {
        for (Unwanted u : of(changes, Unwanted.class)) {
            if (!unplug(u.current(), removalReason(u.why()))) {
                restartWhy.add(u.nic() + " leaves only at restart (the platform cannot unplug it live)");
            }
        }
    }

    /**
     * Carrier down first, so the guest sees the link go before the device; false when it cannot be unplugged.
     */
    private boolean unplug(NicSpec current, String reason) {
        Optional<LiveNic> nic = observed(current);
        if (nic.isEmpty() || !caps.canUnplug(live, nic.get())) {
            return false;
        }
        NicSpec unplugged = current;
        if (current.link() == LinkState.UP && caps.canSetLinkLive(current)) {
            live(new SetLink(vm, current, LinkState.UP, LinkState.DOWN, !caps.separatePersistentDefinition(),
                    "carrier down before the unplug, so the guest sees the link go first"));
            unplugged = current.withLink(LinkState.DOWN);
        }
        live(new UnplugNic(vm, unplugged, reason));
        slots.release(nic.get()); // the slot it leaves can take an add of this plan: unplugs run before adds
        return true;
    }

    /**
     * A plugged NIC whose MAC, model or binding must change is unplugged and plugged back with the change where the
     * target allows it ({@link Capabilities#canReplug}); the add brings its network and link as well. Otherwise the
     * change waits for a restart ({@link #fixedChanges}).
     */
    private void replugs(List<NicChange> changes) {
        for (FixedChange f : of(changes, FixedChange.class)) {
            if (!canReplug(f.current(), f.wanted(), f.wanted())) {
                continue;
            }
            String fields = String.join(", ", f.fields());
            unplug(f.current(), fields + ": cannot change while plugged");
            add(f.wanted(), true, "plugged back with " + fields);
            notes.add(PlanNote.note(vm, f.nic(), f.nic() + " " + fields + " cannot change while it is plugged: it is"
                    + " unplugged, changed and plugged back, as the target allows; the guest sees the NIC go and come"
                    + " back"));
        }
    }

    private void networkChanges(List<NicChange> changes) {
        for (NetworkChange n : of(changes, NetworkChange.class)) {
            if (replugged(n.nic())) {
                continue; // the add brings the desired network
            }
            var from = n.current().network();
            var to = n.wanted().network();
            if (caps.canRepointLive(n.current(), to)) {
                live(new RepointNic(vm, n.current(), from, to, "desired network: " + to.display()));
            } else if (canReplug(n.current(), n.wanted(), n.current().withNetwork(to))) {
                unplug(n.current(), "network " + from.display() + " -> " + to.display() + ": cannot repoint live");
                add(n.wanted(), true, "back on " + to.display() + " (replaces the unplugged one)");
                notes.add(PlanNote.note(vm, n.nic(), n.nic() + " cannot be repointed live on this platform: it is"
                        + " unplugged and added back on " + to.display() + "; the guest sees the NIC go and come back"));
            } else {
                deferToRestart(n.wanted(), n.nic() + " network " + from.display() + " -> " + to.display()
                        + " (cannot repoint or replug live)");
            }
        }
    }

    /**
     * Whether the plugged NIC {@code current} can be unplugged and plugged back as {@code wanted}, the target being
     * asked about the change {@code asked}. An unplug frees the slot the add takes again, so only the platform's
     * willingness matters.
     */
    private boolean canReplug(NicSpec current, NicSpec wanted, NicSpec asked) {
        return live.capacity().supported()
                && observed(current).map(l -> caps.canUnplug(live, l) && caps.canReplug(live, l, asked)).orElse(false)
                && caps.canHotplug(live, wanted)
                && caps.hotplugMode() == HotplugMode.IN_PLACE;
    }

    private boolean replugged(String nic) {
        return liveSteps.getOrDefault(nic, List.of()).stream().anyMatch(AddNic.class::isInstance);
    }

    private void additions(List<NicChange> changes) {
        for (Missing m : of(changes, Missing.class)) {
            add(m.spec(), m.persist() || m.persisted(), m.persisted()
                    ? "in the persistent definition but not plugged"
                    : "declared, not plugged");
        }
    }

    /** Plugs while slots last; the rest waits for a restart, which brings in only what is persisted. */
    private void add(NicSpec spec, boolean persistent, String reason) {
        String blocker = !live.capacity().supported() ? "hotplug unsupported: " + live.capacity().detail()
                : !caps.canHotplug(live, spec) ? "the platform cannot hotplug it"
                        + (spec.binding() == null ? "" : " with binding " + spec.binding())
                : slots.free() <= 0 ? "no free slot left: " + live.capacity().detail()
                : null;
        if (blocker != null) {
            if (persistent) {
                deferToRestart(spec, spec.label() + " (" + blocker + ")");
            } else {
                notes.add(PlanNote.warning(vm, spec.label(), spec.label() + " cannot be plugged (" + blocker
                        + ") and is not persisted, so a restart would not bring it either"));
            }
            return;
        }
        slots.take();
        boolean throughDefinition = !caps.separatePersistentDefinition() || caps.hotplugMode() == HotplugMode.MIGRATION;
        if (throughDefinition && !declaredPersistent(spec)) {
            notes.add(PlanNote.warning(vm, spec.label(), "persist: false cannot be honoured for " + spec.label()
                    + ": on this platform a NIC is plugged through the persistent definition"));
        }
        if (caps.hotplugMode() == HotplugMode.MIGRATION) {
            carried.add(spec);
        } else {
            live(new AddNic(vm, spec, reason));
        }
    }

    private void linkChanges(List<NicChange> changes) {
        for (LinkChange l : of(changes, LinkChange.class)) {
            if (liveSteps.getOrDefault(l.nic(), List.of()).stream().anyMatch(UnplugNic.class::isInstance)) {
                continue; // replugged: the add brings the desired link
            }
            var from = l.current().link();
            if (caps.canSetLinkLive(l.current())) {
                live(new SetLink(vm, l.current(), from, l.to(), !caps.separatePersistentDefinition(),
                        "desired link: " + l.to().yaml()));
            } else {
                // the NIC as this plan's repoint leaves it, with the new link; a whole desired configuration already
                // waiting for the restart (a network change deferred too) has the link, and stays
                NicSpec after = afterLiveSteps(l.current()).withLink(l.to());
                deferToRestart(restartBrings.getOrDefault(l.nic(), after), l.nic() + " link " + from.yaml() + " -> "
                        + l.to().yaml() + " (cannot change the carrier live)");
            }
        }
    }

    private void fixedChanges(List<NicChange> changes) {
        for (FixedChange f : of(changes, FixedChange.class)) {
            if (replugged(f.nic())) {
                continue; // replugged with the wanted configuration
            }
            deferToRestart(f.wanted(), f.nic() + " " + String.join(", ", f.fields())
                    + " (cannot change on a plugged NIC)");
        }
    }

    private void deferToRestart(NicSpec spec, String why) {
        if (!declaredPersistent(spec)) {
            notes.add(PlanNote.warning(vm, spec.label(), why + ": needs a restart, but the NIC is not persisted"
                    + " (persist: false), so a restart would lose it"));
            return;
        }
        restartBrings.put(spec.label(), spec);
        restartWhy.add(why);
    }

    /**
     * Persistent changes follow the live ones, except what a live step already wrote ({@link OneDefinition}) and what
     * a restart makes itself on a target that stages nothing for it ({@link Capabilities#stagesForRestart}).
     */
    private void persistentChanges(List<NicChange> changes) {
        boolean one = !caps.separatePersistentDefinition();
        boolean keeps = OneDefinition.keepsUnplugged(caps);
        for (NicChange change : changes) {
            var liveStepsOfNic = liveSteps.getOrDefault(change.nic(), List.of());
            if (change instanceof PersistentDrift p && madeByRestart(p.nic())) {
                restartBrings.put(p.nic(), p.wanted()); // the whole configuration, as a persist step would write it
                continue;
            }
            if (change instanceof PersistentDrift p && !(one && OneDefinition.carries(liveStepsOfNic, p, keeps))) {
                String reason = isCarried(p.nic()) ? "staged: the migration plugs it in"
                        : p.previous() == null ? "not in the persistent definition"
                        : "persistent definition differs: " + String.join(", ", p.fields());
                steps.add(new PersistNic(vm, p.wanted(), p.previous(), reason));
            } else if (change instanceof PersistentLeftover l
                    && !(one && OneDefinition.carries(liveStepsOfNic, l, keeps))) {
                steps.add(new UnpersistNic(vm, l.entry(), removalReason(l.why())));
            }
        }
    }

    private boolean madeByRestart(String nic) {
        return !caps.stagesForRestart() && restartBrings.containsKey(nic);
    }

    private static String removalReason(NicChange.Removal why) {
        return switch (why) {
            case ABSENT -> "state: absent";
            case UNMANAGED -> "not in the desired state (unmanaged: unplug)";
            case LIVE_ONLY -> "persist: false";
        };
    }

    private void migration() {
        if (carried.isEmpty()) {
            return;
        }
        for (NicSpec spec : carried) {
            boolean staged = steps.stream().anyMatch(s -> s instanceof PersistNic p && p.nic().equals(spec.label()));
            boolean inDefinition = observed(spec).map(LiveNic::persisted).orElse(false);
            if (!staged && !inDefinition) {
                steps.add(new PersistNic(vm, spec, null, "staged: the migration plugs it in"));
            }
        }
        var names = carried.stream().map(NicSpec::label).toList();
        steps.add(new Migrate(vm, carried, "hotplug by migration: brings in " + String.join(", ", names)));
    }

    private void restart() {
        if (restartWhy.isEmpty()) {
            return;
        }
        boolean staged = caps.stagesForRestart();
        steps.add(new RestartRequired(vm, List.copyOf(restartBrings.values()), (staged
                ? "changed in the persistent definition only, takes effect at restart: "
                : "made while the VM is down for a restart (the target keeps no pending change): ")
                + String.join("; ", restartWhy)));
        notes.add(PlanNote.note(vm, null, "a restart is required for: " + String.join("; ", restartWhy)
                + ". It runs only when policy.allowRestart is true; until then " + (staged
                ? "the persistent definition holds the change" : "nothing of it changes")));
    }

    private void stoppedNote() {
        if (!live.power().live() && !steps.isEmpty()) {
            notes.add(PlanNote.note(vm, null, "the VM is " + live.power().name().toLowerCase(java.util.Locale.ROOT)
                    + ": only its persistent definition changes, and it picks that up at its next start"));
        }
    }

    private void live(Step step) {
        steps.add(step);
        liveSteps.computeIfAbsent(step.nic(), k -> new ArrayList<>()).add(step);
    }

    /** {@code current} with the network a repoint of this plan gives it. */
    private NicSpec afterLiveSteps(NicSpec current) {
        NicSpec after = current;
        for (Step step : liveSteps.getOrDefault(current.label(), List.of())) {
            if (step instanceof RepointNic r) {
                after = after.withNetwork(r.to());
            }
        }
        return after;
    }

    private boolean isCarried(String nic) {
        return carried.stream().anyMatch(c -> c.label().equals(nic));
    }

    private Optional<LiveNic> observed(NicSpec spec) {
        return Nics.find(live, spec);
    }

    /** Desired NICs are found by name, adopted ones (named by MAC in steps) by their declared MAC. */
    private boolean declaredPersistent(NicSpec spec) {
        return input.desired().nics().stream()
                .filter(d -> d.name().equals(spec.name()) || spec.name() == null && spec.mac() != null
                        && spec.mac().equals(d.mac()))
                .findFirst().map(DesiredNic::persist).orElse(false);
    }

    private static <T extends NicChange> List<T> of(List<NicChange> changes, Class<T> kind) {
        return changes.stream().filter(kind::isInstance).map(kind::cast).toList();
    }
}

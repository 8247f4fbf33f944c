package io.nicsync.plan;

import io.nicsync.spi.Action;
import io.nicsync.spi.AddNic;
import io.nicsync.spi.LinkState;
import io.nicsync.spi.Migrate;
import io.nicsync.spi.PersistNic;
import io.nicsync.spi.SetLink;
import io.nicsync.spi.Step;
import io.nicsync.spi.UnpersistNic;
import io.nicsync.spi.UnplugNic;
import io.nicsync.spi.VmRef;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The one place that decides the order of steps. Per VM: unplug (live, then persistent) to free slots,
 * repoint, add, migrate, link changes on kept NICs, persist, and last the restart. One dependency pass then
 * pulls a step's prerequisites in front of it: the carrier-down of a NIC before its unplug, the staged
 * persistent entries before the migration that brings them in, and every live step of a NIC before a
 * persistent step of the same NIC (the persistent definition follows the live one; this moves, say, the
 * link change of a {@code persist: false} NIC in front of the removal of its persistent entry). On a VM whose
 * one definition keeps unplugged NICs ({@link io.nicsync.spi.Capabilities#keepsUnpluggedNics}) a new entry comes
 * first instead: its persist step precedes the add that plugs it, so that undoing the add leaves the entry for the
 * persist's own undo to remove. Sorting is stable, so steps of one rank keep the order the planner made them in
 * (desired-state order).
 */
final class StepOrder {
    private StepOrder() {
    }

    static final Comparator<Step> BY_VM_AND_KIND =
            Comparator.comparing(Step::vm).thenComparingInt(StepOrder::rank);

    static List<Step> sort(List<Step> steps) {
        return sort(steps, Set.of());
    }

    /** @param definedFirst the VMs whose one definition keeps unplugged NICs */
    static List<Step> sort(List<Step> steps, Set<VmRef> definedFirst) {
        var ranked = new ArrayList<>(steps);
        ranked.sort(BY_VM_AND_KIND);
        var out = new ArrayList<Step>();
        Set<Step> placed = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Step step : ranked) {
            place(step, ranked, placed, out, definedFirst);
        }
        return List.copyOf(out);
    }

    private static void place(Step step, List<Step> all, Set<Step> placed, List<Step> out, Set<VmRef> definedFirst) {
        if (!placed.add(step)) {
            return;
        }
        for (Step before : all) {
            if (before != step && mustPrecede(before, step, definedFirst.contains(step.vm()))) {
                place(before, all, placed, out, definedFirst);
            }
        }
        out.add(step);
    }

    static int rank(Step step) {
        return step.action().rank();
    }

    /**
     * The dependencies the ranks alone do not give.
     *
     * @param definedFirst whether the VM's one definition keeps unplugged NICs
     */
    static boolean mustPrecede(Step before, Step after, boolean definedFirst) {
        if (!before.vm().equals(after.vm())) {
            return false;
        }
        return switch (after) {
            case UnplugNic u -> before instanceof SetLink l && l.to() == LinkState.DOWN
                    && Objects.equals(l.nic(), u.nic());
            case Migrate m -> before instanceof PersistNic p
                    && m.carries().stream().anyMatch(c -> c.label().equals(p.nic()));
            case AddNic a -> definedFirst && newEntry(before) && Objects.equals(before.nic(), a.nic());
            case PersistNic p -> isLive(before) && Objects.equals(before.nic(), p.nic())
                    && !(definedFirst && newEntry(p));
            case UnpersistNic u -> isLive(before) && Objects.equals(before.nic(), u.nic());
            default -> false;
        };
    }

    /** A persist step that writes an entry the definition does not have yet. */
    private static boolean newEntry(Step step) {
        return step instanceof PersistNic p && p.previous() == null;
    }

    private static boolean isLive(Step step) {
        return step.action().scope() == Action.Scope.LIVE;
    }
}

package io.nicsync.plan;

import io.nicsync.spi.LiveVm;
import io.nicsync.spi.VmRef;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Whether a saved plan still describes the VMs: every VM it covers must be observed again with the
 * fingerprint recorded in the plan. Applying a stale plan would undo or repeat someone else's change.
 */
public final class StaleCheck {
    private StaleCheck() {
    }

    /** The outcome: nothing changed, or the VMs that did. */
    public sealed interface Result permits Fresh, Stale {
    }

    public record Fresh() implements Result {
    }

    /** @param changed one entry per VM that changed or disappeared, in plan order */
    public record Stale(List<ChangedVm> changed) implements Result {
        public Stale {
            changed = List.copyOf(changed);
        }

        /** {@code plan is stale: lab/web-01 changed since the plan was made}, one line per VM. */
        public String message() {
            return changed.stream().map(c -> "plan is stale: " + c.vm() + " " + c.what())
                    .collect(Collectors.joining("\n"));
        }

        public StalePlanException exception() {
            return new StalePlanException(this);
        }
    }

    /** @param what in words: changed since the plan was made, or no longer exists */
    public record ChangedVm(VmRef vm, String what) {
    }

    /** Throws instead of returning {@link Stale}, for callers that stop on a stale plan. */
    public static void requireFresh(Plan plan, Collection<LiveVm> observed) throws StalePlanException {
        if (check(plan, observed) instanceof Stale stale) {
            throw stale.exception();
        }
    }

    public static Result check(Plan plan, Collection<LiveVm> observed) {
        Map<VmRef, LiveVm> byRef = observed.stream()
                .collect(Collectors.toMap(LiveVm::ref, Function.identity(), (a, b) -> a));
        var changed = new ArrayList<ChangedVm>();
        for (PlannedVm vm : plan.vms()) {
            LiveVm now = byRef.get(vm.vm());
            if (now == null) {
                changed.add(new ChangedVm(vm.vm(), "no longer exists"));
            } else if (!now.fingerprint().equals(vm.fingerprint())) {
                changed.add(new ChangedVm(vm.vm(), "changed since the plan was made"));
            }
        }
        return changed.isEmpty() ? new Fresh() : new Stale(changed);
    }
}

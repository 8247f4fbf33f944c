package io.nicsync.plan;

import io.nicsync.diff.NicChange.PersistentDrift;
import io.nicsync.diff.NicChange.PersistentLeftover;
import io.nicsync.spi.AddNic;
import io.nicsync.spi.Capabilities;
import io.nicsync.spi.NicSpec;
import io.nicsync.spi.Nics;
import io.nicsync.spi.RepointNic;
import io.nicsync.spi.SetLink;
import io.nicsync.spi.Step;
import io.nicsync.spi.UnplugNic;
import java.util.List;

/**
 * Where a platform keeps one definition for the running VM and its persistent form
 * ({@code separatePersistentDefinition() == false}, KubeVirt's VM template), a live step writes both. A
 * persistent change is then left out of the plan when the NIC's live steps already bring the persistent
 * entry where it must be: an add writes the whole entry, a link change or a repoint their one field, an
 * unplug removes the entry.
 *
 * <p>Where that definition keeps unplugged NICs ({@link Capabilities#keepsUnpluggedNics}, oVirt), an unplug
 * removes no entry and an add is planned only for a defined NIC: a leftover entry gets its unpersist step after
 * the unplug, a missing entry its persist step before the add ({@link StepOrder}), so that each step's undo
 * puts the definition back as it was.
 */
final class OneDefinition {
    private OneDefinition() {
    }

    /** Whether {@code caps} describe one definition that keeps unplugged NICs. */
    static boolean keepsUnplugged(Capabilities caps) {
        return !caps.separatePersistentDefinition() && caps.keepsUnpluggedNics();
    }

    static boolean carries(List<Step> liveStepsOfNic, PersistentDrift drift, boolean keepsUnplugged) {
        if (keepsUnplugged && drift.previous() == null) {
            return false;
        }
        NicSpec after = drift.previous();
        for (Step step : liveStepsOfNic) {
            after = switch (step) {
                case AddNic a -> a.spec();
                case SetLink s -> after == null ? null : after.withLink(s.to());
                case RepointNic r -> after == null ? null : after.withNetwork(r.to());
                default -> after;
            };
        }
        return Nics.satisfies(after, drift.wanted());
    }

    static boolean carries(List<Step> liveStepsOfNic, PersistentLeftover leftover, boolean keepsUnplugged) {
        return !keepsUnplugged && liveStepsOfNic.stream().anyMatch(UnplugNic.class::isInstance);
    }
}

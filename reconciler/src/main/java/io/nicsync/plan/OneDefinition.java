package io.nicsync.plan;

import io.nicsync.diff.NicChange.PersistentDrift;
import io.nicsync.diff.NicChange.PersistentLeftover;
import io.nicsync.spi.AddNic;
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
 */
final class OneDefinition {
    private OneDefinition() {
    }

    static boolean carries(List<Step> liveStepsOfNic, PersistentDrift drift) {
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

    static boolean carries(List<Step> liveStepsOfNic, PersistentLeftover leftover) {
        return liveStepsOfNic.stream().anyMatch(UnplugNic.class::isInstance);
    }
}

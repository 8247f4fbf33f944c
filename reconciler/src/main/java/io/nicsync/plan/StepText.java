package io.nicsync.plan;

import io.nicsync.spi.AddNic;
import io.nicsync.spi.Migrate;
import io.nicsync.spi.NicSpec;
import io.nicsync.spi.PersistNic;
import io.nicsync.spi.RepointNic;
import io.nicsync.spi.RestartRequired;
import io.nicsync.spi.SetLink;
import io.nicsync.spi.Step;
import io.nicsync.spi.UnpersistNic;
import io.nicsync.spi.UnplugNic;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** One step in words, Terraform style: a symbol, what happens, and why. */
final class StepText {
    private StepText() {
    }

    static char symbol(Step step) {
        return switch (step) {
            case AddNic a -> '+';
            case UnplugNic u -> '-';
            case Migrate m -> '>';
            case RestartRequired r -> '!';
            case RepointNic r -> '~';
            case SetLink s -> '~';
            case PersistNic p -> '~';
            case UnpersistNic u -> '~';
        };
    }

    static String line(Step step) {
        return symbol(step) + " " + what(step) + "  # " + step.reason();
    }

    private static String what(Step step) {
        return switch (step) {
            case AddNic a -> "add " + a.nic() + " (" + nic(a.spec()) + ")";
            case UnplugNic u -> "unplug " + u.nic() + " (" + nic(u.spec()) + ")";
            case RepointNic r -> "repoint " + r.nic() + ": " + r.from().display() + " -> " + r.to().display();
            case SetLink s -> "link " + s.nic() + ": " + s.from().yaml() + " -> " + s.to().yaml()
                    + (s.persistent() ? " (live and persistent)" : "");
            case PersistNic p -> "persist " + p.nic() + " (" + nic(p.spec()) + ")";
            case UnpersistNic u -> "unpersist " + u.nic();
            case Migrate m -> "migrate, bringing in " + labels(m.carries());
            case RestartRequired r -> "restart required" + (r.pending().isEmpty() ? "" : ", bringing in "
                    + labels(r.pending()));
        };
    }

    private static String nic(NicSpec spec) {
        var parts = new ArrayList<String>();
        parts.add(spec.network().display());
        if (spec.model() != null) {
            parts.add(spec.model());
        }
        if (spec.binding() != null) {
            parts.add("binding " + spec.binding());
        }
        if (spec.mac() != null && spec.name() != null) {
            parts.add("mac " + spec.mac());
        }
        parts.add("link " + spec.link().yaml());
        return String.join(", ", parts);
    }

    private static String labels(List<NicSpec> specs) {
        return specs.stream().map(NicSpec::label).collect(Collectors.joining(", "));
    }
}

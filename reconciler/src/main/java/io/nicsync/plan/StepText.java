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

/**
 * A step in words, Terraform style, in two lengths: {@link #line} for plans (symbol, what happens with the NIC's
 * whole configuration, and why) and {@link #brief} for progress lines, reports and journals. Both start with the
 * step's {@link io.nicsync.spi.Action#verb()}.
 */
public final class StepText {
    private StepText() {
    }

    /** {@code ~ link old0: up -> down  # carrier down before the unplug, ...} */
    public static String line(Step step) {
        return step.action().symbol() + " " + what(step) + "  # " + step.reason();
    }

    /** What the step does with the NIC's configuration, as a plan shows it. */
    public static String what(Step step) {
        String verb = step.action().verb();
        return switch (step) {
            case AddNic a -> verb + " " + a.nic() + " (" + nic(a.spec()) + ")";
            case UnplugNic u -> verb + " " + u.nic() + " (" + nic(u.spec()) + ")";
            case RepointNic r -> verb + " " + r.nic() + ": " + r.from().display() + " -> " + r.to().display();
            case SetLink s -> verb + " " + s.nic() + ": " + s.from().yaml() + " -> " + s.to().yaml()
                    + (s.persistent() ? " (live and persistent)" : "");
            case PersistNic p -> verb + " " + p.nic() + " (" + nic(p.spec()) + ")";
            case UnpersistNic u -> verb + " " + u.nic();
            case Migrate m -> verb + ", bringing in " + labels(m.carries());
            case RestartRequired r -> verb + (r.pending().isEmpty() ? "" : ", bringing in " + labels(r.pending()));
        };
    }

    /** {@code add uplink on bridge br-prod}: a few words, for progress lines and reports. */
    public static String brief(Step step) {
        String verb = step.action().verb();
        return switch (step) {
            case AddNic s -> verb + " " + s.spec().label() + " on " + s.spec().network().display();
            case UnplugNic s -> verb + " " + s.spec().label();
            case RepointNic s -> verb + " " + s.spec().label() + ": " + s.from().display() + " -> " + s.to().display();
            case SetLink s -> verb + " " + s.spec().label() + " " + s.to().yaml()
                    + (s.persistent() ? " (and persistent)" : "");
            case PersistNic s -> verb + " " + s.spec().label() + " on " + s.spec().network().display();
            case UnpersistNic s -> verb + " " + s.spec().label();
            case Migrate s -> verb + " (brings in " + s.carries().size() + " NIC(s))";
            case RestartRequired s -> verb + " (" + s.pending().size() + " NIC change(s) wait for it)";
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

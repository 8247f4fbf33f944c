package io.nicsync.apply;

import io.nicsync.spi.AddNic;
import io.nicsync.spi.Migrate;
import io.nicsync.spi.PersistNic;
import io.nicsync.spi.RepointNic;
import io.nicsync.spi.RestartRequired;
import io.nicsync.spi.SetLink;
import io.nicsync.spi.Step;
import io.nicsync.spi.UnpersistNic;
import io.nicsync.spi.UnplugNic;

/** A step in a few words, for progress lines and reports. */
public final class StepText {
    private StepText() {
    }

    public static String describe(Step step) {
        return switch (step) {
            case AddNic s -> "add " + s.spec().label() + " on " + s.spec().network().display();
            case UnplugNic s -> "unplug " + s.spec().label();
            case RepointNic s -> "repoint " + s.spec().label() + ": " + s.from().display() + " -> " + s.to().display();
            case SetLink s -> "link " + s.spec().label() + " " + s.to().yaml() + (s.persistent() ? " (and persistent)" : "");
            case PersistNic s -> "persist " + s.spec().label() + " on " + s.spec().network().display();
            case UnpersistNic s -> "unpersist " + s.spec().label();
            case Migrate s -> "migrate (brings in " + s.carries().size() + " NIC(s))";
            case RestartRequired s -> "restart required (" + s.pending().size() + " NIC change(s) wait for it)";
        };
    }
}

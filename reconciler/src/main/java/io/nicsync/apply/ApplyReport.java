package io.nicsync.apply;

import java.util.List;

/** Every VM's outcome, in plan order. */
public record ApplyReport(List<VmResult> vms) {
    public static final int EXIT_APPLIED = 0;
    public static final int EXIT_ROLLED_BACK = 3;
    public static final int EXIT_LEFT_CHANGED = 4;

    public ApplyReport {
        vms = List.copyOf(vms);
    }

    /** 0 all applied; 3 some VMs failed and were rolled back; 4 some failed and could not be rolled back. */
    public int exitCode() {
        if (vms.stream().anyMatch(v -> v instanceof VmResult.FailedLeft)) {
            return EXIT_LEFT_CHANGED;
        }
        if (vms.stream().anyMatch(v -> !(v instanceof VmResult.Applied))) {
            return EXIT_ROLLED_BACK;
        }
        return EXIT_APPLIED;
    }

    public long count(Class<? extends VmResult> outcome) {
        return vms.stream().filter(outcome::isInstance).count();
    }
}

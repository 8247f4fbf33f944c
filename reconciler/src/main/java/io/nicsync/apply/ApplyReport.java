package io.nicsync.apply;

import java.util.List;

/** Every VM's outcome, in plan order. */
public record ApplyReport(List<VmResult> vms) {

    public ApplyReport {
        vms = List.copyOf(vms);
    }

    /** OK all applied; ROLLED_BACK some VMs failed and were rolled back; LEFT_CHANGED some could not be. */
    public ExitCode exit() {
        if (vms.stream().anyMatch(v -> v instanceof VmResult.FailedLeft)) {
            return ExitCode.LEFT_CHANGED;
        }
        if (vms.stream().anyMatch(v -> !(v instanceof VmResult.Applied))) {
            return ExitCode.ROLLED_BACK;
        }
        return ExitCode.OK;
    }

    /** {@link #exit()} as the process exits with it: 0, 3 or 4. */
    public int exitCode() {
        return exit().code();
    }

    public long count(Class<? extends VmResult> outcome) {
        return vms.stream().filter(outcome::isInstance).count();
    }
}

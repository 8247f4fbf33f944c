package io.nicsync.spi;

import java.util.List;
import java.util.Optional;

/**
 * The one free-slot account of a running VM: it starts at the capacity observed; an unplug of a plugged NIC gives
 * its slot back (unplugs run before adds), an add takes one. The planner decides with it which adds fit, and a
 * plugin's preflight checks a plan's steps with it, so both count alike.
 */
public final class Slots {
    private final HotplugCapacity capacity;
    private int free;
    private int freed;

    private Slots(HotplugCapacity capacity) {
        this.capacity = capacity;
        this.free = capacity.freeSlots();
    }

    public static Slots of(LiveVm vm) {
        return new Slots(vm.capacity());
    }

    public boolean supported() {
        return capacity.supported();
    }

    /** Slots left now. */
    public int free() {
        return free;
    }

    /** An unplug of {@code nic}: when it is plugged, its slot can take a later add; otherwise nothing is freed. */
    public void release(LiveNic nic) {
        if (capacity.supported() && nic.plugged()) {
            free++;
            freed++;
        }
    }

    /** An add: takes a slot; false, taking nothing, when none is left. */
    public boolean take() {
        if (free <= 0) {
            return false;
        }
        free--;
        return true;
    }

    /** What the count is made of, in words: the capacity's detail, and the slots unplugs gave back. */
    public String detail() {
        return capacity.detail() + (freed > 0 ? ", plus " + freed + " freed by unplugs" : "");
    }

    /**
     * Whether one VM's steps, in plan order, fit its capacity; the problem in words when they do not. Only the
     * NICs {@code vm} shows plugged give a slot back when unplugged.
     */
    public static Optional<String> check(LiveVm vm, List<Step> steps) {
        long adds = steps.stream().filter(AddNic.class::isInstance).count();
        if (adds == 0) {
            return Optional.empty();
        }
        if (!vm.power().live()) {
            return Optional.of(adds + " NIC(s) to hotplug but the VM is not running");
        }
        if (!vm.capacity().supported()) {
            return Optional.of("cannot hotplug: " + vm.capacity().detail());
        }
        Slots slots = of(vm);
        for (Step step : steps) {
            if (step instanceof UnplugNic u) {
                Nics.find(vm, u.spec()).ifPresent(slots::release);
            }
        }
        int room = slots.free();
        return adds <= room ? Optional.empty()
                : Optional.of(adds + " NIC(s) to hotplug but room for only " + room + " (" + slots.detail() + ")");
    }
}

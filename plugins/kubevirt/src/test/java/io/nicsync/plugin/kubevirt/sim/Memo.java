package io.nicsync.plugin.kubevirt.sim;

/**
 * What the simulated components remember about one running VMI beyond its objects: the PCI ports laid out at
 * boot, a sticky RestartRequired, a network change that waits for a migration.
 */
final class Memo {
    final int slots;
    boolean restartRequired;
    boolean networkChanged;

    Memo(int slots) {
        this.slots = slots;
    }
}

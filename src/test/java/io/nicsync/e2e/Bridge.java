package io.nicsync.e2e;

import java.util.UUID;

/** A Linux bridge of a test's own, so that a test may delete it: the lab's bridges are shared. */
final class Bridge implements AutoCloseable {
    final String name;

    private Bridge(String name) {
        this.name = name;
    }

    static Bridge create() {
        // Interface names have at most 15 characters.
        Bridge b = new Bridge("br-e2e-" + UUID.randomUUID().toString().substring(0, 6));
        Lab.ip("link", "add", b.name, "type", "bridge");
        Lab.ip("link", "set", b.name, "up");
        return b;
    }

    void delete() {
        Lab.ip("link", "del", name);
    }

    @Override
    public void close() {
        if (Lab.bridgeExists(name)) {
            delete();
        }
    }
}

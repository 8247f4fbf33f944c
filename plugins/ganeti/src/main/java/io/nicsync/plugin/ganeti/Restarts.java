package io.nicsync.plugin.ganeti;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;

/**
 * Which jobs built an instance's VM again from its configuration, ending what the {@link Ledger} recorded before
 * them: starting it, stopping it, a hard or full reboot, a failover, a move, a reinstall. Not a soft reboot (the KVM
 * hypervisor restarts QEMU from the runtime record it kept) and not a migration (the record travels along): after
 * those the VM still differs from its configuration.
 *
 * <p>Ganeti archives jobs after some hours (the watcher's default is six): a restart older than that is not found
 * and its entries stay, so nicsync then reports the difference as still there. That errs on the side of a restart
 * too many, never of a NIC that is not where nicsync says.
 */
final class Restarts {
    private static final Set<String> REBUILDING = Set.of("OP_INSTANCE_STARTUP", "OP_INSTANCE_SHUTDOWN",
            "OP_INSTANCE_FAILOVER", "OP_INSTANCE_MOVE", "OP_INSTANCE_REINSTALL", "OP_INSTANCE_RENAME");

    private Restarts() {
    }

    /**
     * The newest job among {@code jobs} (rows of {@code /2/query/job}: id, status, ops) that rebuilt
     * {@code instance}'s VM; 0 when none did.
     */
    static long lastRebuild(JsonNode jobs, String instance) {
        long last = 0;
        for (JsonNode row : jobs) {
            long id = row.path(0).path(1).asLong();
            if (!"success".equals(row.path(1).path(1).asText())) {
                continue;
            }
            for (JsonNode op : row.path(2).path(1)) {
                if (instance.equals(op.path("instance_name").asText()) && rebuilds(op)) {
                    last = Math.max(last, id);
                }
            }
        }
        return last;
    }

    private static boolean rebuilds(JsonNode op) {
        String id = op.path("OP_ID").asText();
        if (id.equals("OP_INSTANCE_REBOOT")) {
            return !"soft".equals(op.path("reboot_type").asText());
        }
        return REBUILDING.contains(id);
    }
}

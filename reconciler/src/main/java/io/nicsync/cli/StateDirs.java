package io.nicsync.cli;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where nicsync keeps what must outlive a process: target locks and run journals. {@code --state-dir},
 * else $NICSYNC_STATE_DIR, else $XDG_STATE_HOME/nicsync, else ~/.local/state/nicsync.
 */
record StateDirs(Path root) {

    static StateDirs resolve(Path option, Map<String, String> env, Path home) {
        if (option != null) {
            return new StateDirs(option);
        }
        String explicit = env.get("NICSYNC_STATE_DIR");
        if (explicit != null && !explicit.isBlank()) {
            return new StateDirs(Path.of(explicit));
        }
        String xdg = env.get("XDG_STATE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".local/state");
        return new StateDirs(base.resolve("nicsync"));
    }

    static StateDirs resolve(Path option) {
        return resolve(option, System.getenv(), Path.of(System.getProperty("user.home")));
    }

    Path locks() {
        return root.resolve("locks");
    }

    Path journals() {
        return root.resolve("journal");
    }
}

package io.nicsync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundled Ganeti plugin's whole command-line path on the real lab cluster, through {@code bin/nicsync}: a
 * repository made by {@code nicsync import}, plan, apply (hotplug, a repoint onto a Ganeti network, a stopped
 * instance, a change deferred to a restart), the restart once allowed, an unplug the guest never acknowledges
 * rolled back (exit 3), an apply killed with SIGKILL and recovered, and validation of what Ganeti cannot do. The
 * stages and what each checks, in nicsync's output and in Ganeti, are the plugin's
 * {@code src/test/cli/end-to-end.sh}; this runs it and fails with its output.
 */
class GanetiEndToEndIT {

    @Test
    void planApplyRestartRollbackAndRecoverThroughTheCommandLine(@TempDir Path dir) throws Exception {
        Path script = Project.root().resolve("plugins/ganeti/src/test/cli/end-to-end.sh");
        Path log = dir.resolve("end-to-end.log");
        ProcessBuilder pb = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        // The build under test is the one Maven just made; the launcher must not rebuild it.
        pb.environment().put("NICSYNC_NO_BUILD", "1");
        Process process = pb.start();
        boolean ended = process.waitFor(20, TimeUnit.MINUTES);
        if (!ended) {
            process.destroyForcibly();
        }
        String out = Files.readString(log);
        assertThat(ended).as("the end-to-end script ended within 20 minutes:%n%s", out).isTrue();
        assertThat(process.exitValue()).as("%s", out).isZero();
        assertThat(out).contains("end-to-end: all stages passed");
    }
}

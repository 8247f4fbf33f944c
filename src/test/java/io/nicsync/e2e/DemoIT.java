package io.nicsync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's first command, as a newcomer runs it: scripts/demo.sh on the local lab. */
class DemoIT {

    @TempDir
    Path dir;

    @Test
    void theDemoPlansAppliesPushesAChangeAndEndsWithNothingLeftToDo() throws Exception {
        ProcessBuilder pb = new ProcessBuilder("bash", Project.root().resolve("scripts/demo.sh").toString())
                .redirectErrorStream(true);
        // The build under test is the one Maven just made; the launcher must not rebuild it.
        pb.environment().put("NICSYNC_NO_BUILD", "1");
        pb.environment().put("NICSYNC_DEMO_DIR", dir.toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).as(out).isTrue();

        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out)
                .contains("lab/lab-kernel: applied")
                .contains("repoint quarantine: bridge br-lab1 -> bridge br-lab0")
                .contains("Apply: 1 applied, 0 rolled back, 0 failed and left changed, 0 not started.")
                .doesNotContain("FAILED");
        assertThat(out.substring(out.lastIndexOf("nothing left to do"))).contains("No changes.");
    }
}

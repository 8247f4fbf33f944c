package io.nicsync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each plugin's whole command-line path through {@code bin/nicsync}, as the plugin's own
 * {@code plugins/NAME/src/test/cli/end-to-end.sh} drives it: a repository made by {@code nicsync import}, plan, apply,
 * a failed step rolled back, an apply killed and recovered, and whatever else the platform needs. A plugin brings its
 * script and nothing else; the script reaches its platform (Ganeti: the real lab cluster; oVirt: a simulated engine it
 * starts itself), says what each stage checks, and ends with {@code end-to-end: all stages passed}.
 *
 * <p>{@code -Dnicsync.e2e.plugins=ovirt} (a comma-separated list) runs the scripts of those plugins only, such as the
 * ones whose platforms this machine has.
 */
class PluginEndToEndIT {

    @TestFactory
    Stream<DynamicTest> eachPluginsScriptPassesThroughTheCommandLine(@TempDir Path dir) throws IOException {
        List<String> only = List.of(System.getProperty("nicsync.e2e.plugins", "").split(",")).stream()
                .map(String::trim).filter(s -> !s.isEmpty()).toList();
        List<Path> scripts;
        try (Stream<Path> plugins = Files.list(Project.root().resolve("plugins"))) {
            scripts = plugins.map(p -> p.resolve("src/test/cli/end-to-end.sh")).filter(Files::isRegularFile)
                    .filter(s -> only.isEmpty() || only.contains(plugin(s))).sorted().toList();
        }
        assertThat(scripts).as("end-to-end scripts of %s", only.isEmpty() ? "the plugins" : only).isNotEmpty();
        return scripts.stream().map(s -> DynamicTest.dynamicTest(plugin(s), () -> run(s, dir.resolve(plugin(s)
                + ".log"))));
    }

    private static String plugin(Path script) {
        return script.getParent().getParent().getParent().getParent().getFileName().toString();
    }

    private static void run(Path script, Path log) throws Exception {
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
        assertThat(ended).as("%s ended within 20 minutes:%n%s", script, out).isTrue();
        assertThat(process.exitValue()).as("%s:%n%s", script, out).isZero();
        assertThat(out).contains("end-to-end: all stages passed");
    }
}

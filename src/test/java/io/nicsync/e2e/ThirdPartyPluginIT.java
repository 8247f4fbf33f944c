package io.nicsync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A platform nicsync has never heard of, as a third party would bring it: a plugin written against the SPI alone
 * ({@code src/test/resources/thirdparty}), compiled and jarred here, dropped into a plugins directory, and used
 * through {@code bin/nicsync} with nothing else changed. It brings a network kind ({@code segment: 42}) and target
 * settings ({@code stateFile}, its endpoint, and {@code slots}) that validation, plans, apply, import, the schemas and
 * {@code nicsync plugins} all pick up from the jar.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ThirdPartyPluginIT {
    private static final Path SOURCES = Project.root().resolve("src/test/resources/thirdparty");

    private Path dir;
    private Map<String, String> env;
    private Path state;
    private Path out;
    private int runs;

    @BeforeAll
    void dropThePluginIntoAPluginsDirectory(@TempDir Path temp) throws Exception {
        dir = temp;
        Path plugins = Files.createDirectories(dir.resolve("plugins.d"));
        jar(compile(dir.resolve("classes")), plugins.resolve("nicsync-toy.jar"));
        env = Map.of("NICSYNC_PLUGINS", plugins.toString());
        state = dir.resolve("toys.state");
        out = Files.createDirectories(dir.resolve("out"));
    }

    @Test
    void validatePlanApplyAndImportWorkWithItsNetworkKindAndSetting() throws Exception {
        Files.writeString(state, """
                vm toy-01 running
                live toy-01 eth0 02:00:00:00:00:01 10 up
                persistent toy-01 eth0 02:00:00:00:00:01 10 up
                """);
        GitRepos git = GitRepos.create(Files.createDirectories(dir.resolve("fleet")));
        git.write("nicsync.yaml", config(state));
        git.write("toys/toy-01.yaml", vm("""
                    - name: eth0
                      network: {segment: 10}
                    - name: data
                      network: {segment: 42}
                      link: down
                """));
        git.commitAndPush("toy-01: a data NIC on segment 42");

        Cli valid = nicsync("validate", "--repo", git.url());
        assertThat(valid.exitCode()).as(valid.out()).isZero();
        assertThat(valid.out()).contains("1 VM(s) on 1 target(s)");

        Cli plan = nicsync("plan", "--repo", git.url(), "--detailed-exitcode");
        assertThat(plan.exitCode()).as(plan.out()).isEqualTo(2);
        assertThat(plan.out()).contains("+ add data (segment 42, link down)", "~ persist data (segment 42");

        Cli apply = nicsync("apply", "--repo", git.url(), "--yes", "--no-git-notes", "--state-dir",
                dir.resolve("state").toString());
        assertThat(apply.exitCode()).as(apply.out()).isZero();
        assertThat(Files.readString(state)).contains("live toy-01 data ", " 42 down");
        assertThat(nicsync("plan", "--repo", git.url()).out()).contains("No changes.");

        // the repository's endpoint replaced for one run, by the plugin's own setting name and as --target-uri
        Path elsewhere = dir.resolve("elsewhere.state");
        Files.writeString(elsewhere, "vm toy-01 running\n");
        assertThat(nicsync("plan", "--repo", git.url(), "--target-uri", "toys=" + elsewhere).out())
                .contains("+ add eth0 (segment 10", "+ add data (segment 42");
        assertThat(nicsync("plan", "--repo", git.url(), "--target-setting", "toys.stateFile=" + elsewhere).out())
                .contains("+ add eth0 (segment 10");
        Cli badSetting = nicsync("plan", "--repo", git.url(), "--target-setting", "toys.slots=many");
        assertThat(badSetting.exitCode()).isEqualTo(1);
        assertThat(badSetting.out()).contains("--target-setting toys.slots=many");

        // import what the toy platform has now; a plan of the import changes nothing
        Cli imported = nicsync("import", "--target", "toys", "--kind", "toy", "--uri", state.toString(), "--out",
                out.toString());
        assertThat(imported.exitCode()).as(imported.out()).isZero();
        assertThat(Files.readString(out.resolve("toys/toy-01.yaml"))).contains("segment: 42", "segment: 10");
        assertThat(Files.readString(out.resolve("nicsync.yaml"))).contains("kind: toy", "stateFile: " + state);
        GitRepos again = GitRepos.create(Files.createDirectories(dir.resolve("imported")));
        again.copyTree(out, ".");
        again.commitAndPush("imported from the toy platform");
        Cli afterImport = nicsync("plan", "--repo", again.url(), "--detailed-exitcode");
        assertThat(afterImport.exitCode()).as(afterImport.out()).isZero();
        assertThat(afterImport.out()).contains("No changes.");
    }

    @Test
    void itsKeysAreValidatedWithPositionsAndSuggestions() throws Exception {
        GitRepos git = GitRepos.create(Files.createDirectories(dir.resolve("typos")));
        git.write("nicsync.yaml", config(state));
        git.write("toys/toy-01.yaml", vm("""
                    - name: eth0
                      network: {segment: 5000}
                    - name: data
                      network: {segmnt: 42}
                """));
        git.write("toys/toy-02.yaml", vm("""
                    - name: odd
                      network: {segment: 7}
                      model: virtio
                """).replace("toy-01", "toy-02"));
        git.commitAndPush("typos");

        Cli typos = nicsync("validate", "--repo", git.url());
        assertThat(typos.exitCode()).isEqualTo(1);
        assertThat(typos.out()).contains(
                "toys/toy-01.yaml:9:26: error: spec.nics[0].network.segment must be at most 4094",
                "toys/toy-01.yaml:11:17: error: unknown key \"segmnt\" in spec.nics[1].network: did you mean \"segment\"?",
                "toys/toy-02.yaml:10:14: error: spec.nics[0].model must be one of: toynet (got \"virtio\") on target"
                        + " \"toys\" (toy)",
                "3 errors");

        git.write("nicsync.yaml", config(state) + "    context: prod-admin\n");
        git.commitAndPush("a setting of another kind of target");
        assertThat(nicsync("validate", "--repo", git.url()).out()).contains("nicsync.yaml:7:5: error: unknown key"
                + " \"context\" in targets[0] (allowed: name, kind, stateFile, slots)");

        git.write("nicsync.yaml", config(state).replace("stateFile:", "statefile:"));
        git.commitAndPush("a misspelt setting");
        assertThat(nicsync("validate", "--repo", git.url()).out()).contains("nicsync.yaml:6:5: error: unknown key"
                + " \"statefile\" in targets[0]: did you mean \"stateFile\"?");
    }

    @Test
    void theSchemasAndThePluginListSayWhatItDeclares() {
        Cli plugins = nicsync("plugins");
        assertThat(plugins.exitCode()).isZero();
        assertThat(plugins.out()).contains("toy (Toy): toy VMs kept in a state file",
                "stateFile (endpoint): the file the toy platform keeps its VMs in", "segment: a numbered toy segment [id]",
                "models: toynet", "nicsync-toy.jar");
        assertThat(nicsync("schema", "vmnics").out()).contains("\"segment\": {", "\"maximum\": 4094", "\"toynet\"");
        assertThat(nicsync("schema", "config").out()).contains("\"stateFile\": {", "\"const\": \"toy\"");
        assertThat(nicsync("schema", "plan").out()).contains("\"const\": \"segment\"");
    }

    private Cli nicsync(String... args) {
        return Launcher.run(env, dir.resolve("run-" + ++runs + ".log"), args);
    }

    private static String config(Path state) {
        return """
                apiVersion: nicsync.io/v1alpha1
                kind: Config
                targets:
                  - name: toys
                    kind: toy
                    stateFile: %s
                """.formatted(state);
    }

    private static String vm(String nics) {
        return """
                apiVersion: nicsync.io/v1alpha1
                kind: VmNics
                metadata:
                  name: toy-01
                  target: toys
                spec:
                  nics:
                %s""".formatted(nics);
    }

    /** The plugin's sources compiled against the SPI jar alone, as a third party builds it. */
    private static Path compile(Path classes) throws IOException {
        Files.createDirectories(classes);
        Path spi;
        try (Stream<Path> lib = Files.list(Project.root().resolve("dist/target/lib"))) {
            spi = lib.filter(p -> p.getFileName().toString().startsWith("nicsync-spi-")).findFirst().orElseThrow();
        }
        List<String> args = new ArrayList<>(List.of("--release", "21", "-d", classes.toString(), "-classpath",
                spi.toString()));
        try (Stream<Path> sources = Files.walk(SOURCES)) {
            sources.filter(p -> p.toString().endsWith(".java")).forEach(p -> args.add(p.toString()));
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertThat(javac.run(null, null, null, args.toArray(String[]::new))).as("javac " + args).isZero();
        Path services = Files.createDirectories(classes.resolve("META-INF/services"));
        Files.writeString(services.resolve("io.nicsync.spi.TargetPlugin"), "org.example.toy.ToyPlugin\n");
        return classes;
    }

    private static void jar(Path classes, Path jar) throws IOException {
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file);
                Stream<Path> all = Files.walk(classes)) {
            for (Path p : all.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(p).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(p));
                out.closeEntry();
            }
        }
    }
}

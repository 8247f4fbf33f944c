package io.nicsync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nicsync.e2e.kubevirt.DesiredState;
import io.nicsync.plugin.kubevirt.sim.RequestTap;
import io.nicsync.plugin.kubevirt.sim.SimConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code bin/nicsync} in a shell, as Terraform and kubectl users expect it to behave. */
class ShellIT extends KubevirtScenarioIT {
    private static final String ESC = "\u001b[";

    @BeforeEach
    void clusterWithAChange() {
        cluster(SimConfig.v1(6)).running().connect(dir);
        push(DesiredState.bridgeNic("red", "red"));
    }

    @Test
    void aPlanSavedAsTerraformSpellsItIsShownWithoutConnectingToAnything() throws Exception {
        Path equals = dir.resolve("equals.plan");
        Path spaced = dir.resolve("spaced.plan");
        assertThat(run("plan", "--repo", git.url(), "-out=" + equals).exitCode()).isZero();
        assertThat(run("plan", "--repo", git.url(), "-out", spaced.toString()).exitCode()).isZero();
        assertThat(equals).exists();
        assertThat(spaced).exists();

        kubevirt.close(); // nothing to connect to any more: show must not need it
        kubevirt = null;
        List<RequestTap.Request> requests = new CopyOnWriteArrayList<>();
        try (AutoCloseable tap = RequestTap.listen(requests::add)) {
            Cli text = run("show", equals.toString());
            assertThat(text.exitCode()).as(text.toString()).isZero();
            assertThat(text.out()).startsWith("Saved plan of ").contains("+ add red (multus prod/red")
                    .contains("Plan: 1 to add, 0 to unplug, 0 to change, 0 need restart.");
            Cli json = run("show", "-o", "json", spaced.toString());
            assertThat(json.exitCode()).as(json.toString()).isZero();
            JsonNode doc = new ObjectMapper().readTree(json.out());
            assertThat(doc.path("steps")).hasSize(1);
            assertThat(doc.path("steps").get(0).path("action").asText()).isEqualTo("add");
            assertThat(doc.path("steps").get(0).path("spec").path("name").asText()).isEqualTo("red");
        }
        assertThat(requests).isEmpty();
        Cli missing = run("show", dir.resolve("nope.plan").toString());
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.out()).isEqualTo("nicsync: error: " + dir.resolve("nope.plan") + ": no such plan file\n");
    }

    @Test
    void withJsonOutputErrorsAreJsonAndApplyAsksNoQuestion() throws Exception {
        Cli plan = run("plan", "-o", "json", "--repo", git.url(), "--target", "sin");
        assertThat(plan.exitCode()).isEqualTo(1);
        assertThat(new ObjectMapper().readTree(plan.out()).path("error").asText())
                .isEqualTo("no desired VM matches --target sin (targets: sim; did you mean sim?)");

        git.write("prod/broken.yaml", "kind: VmNics\n");
        git.commitAndPush("a broken file");
        JsonNode invalid = new ObjectMapper().readTree(run("plan", "-o", "json", "--repo", git.url()).out());
        assertThat(invalid.path("error").asText()).contains("is not valid");
        assertThat(invalid.path("diagnostics")).isNotEmpty()
                .allSatisfy(d -> assertThat(d.path("file").asText()).isEqualTo("prod/broken.yaml"));

        List<RequestTap.Request> requests = new CopyOnWriteArrayList<>();
        try (AutoCloseable tap = RequestTap.listen(requests::add)) {
            Cli apply = run("apply", "-o", "json", "--repo", git.url(), "--state-dir", dir.resolve("s").toString());
            assertThat(apply.exitCode()).isEqualTo(1);
            assertThat(new ObjectMapper().readTree(apply.out()).path("error").asText())
                    .startsWith("apply -o json asks no question inside its JSON: add --yes");
        }
        assertThat(requests).isEmpty();
    }

    @Test
    void stepSymbolsAreColouredOnATerminalOnly() throws Exception {
        String onTerminal = onTerminal(Map.of(), "plan", "--repo", git.url());
        assertThat(onTerminal).contains(ESC + "32m+" + ESC + "0m add red");
        assertThat(onTerminal(Map.of("NO_COLOR", "1"), "plan", "--repo", git.url())).contains("+ add red")
                .doesNotContain(ESC);
        assertThat(onTerminal(Map.of("TERM", "dumb"), "plan", "--repo", git.url())).contains("+ add red")
                .doesNotContain(ESC);
        assertThat(run("plan", "--repo", git.url()).out()).contains("+ add red").doesNotContain(ESC);
    }

    @Test
    void withoutRepoTheWorkingTreeYouStandInIsReadAndUncommittedChangesAreSaid() throws Exception {
        Path prod = git.work.resolve("prod");
        Cli clean = Launcher.start(prod, allowing(), dir.resolve("clean.log"), "validate").await();
        assertThat(clean.exitCode()).as(clean.toString()).isZero();
        assertThat(clean.out()).contains("1 VM(s) on 1 target(s)").doesNotContain("nicsync: warning");

        git.write("prod/web-01.yaml", "apiVersion: nicsync.io/v1alpha1\nkind: VmNics\nmetadata: {name: x}\n");
        Cli edited = Launcher.start(prod, allowing(), dir.resolve("edited.log"), "validate").await();
        assertThat(edited.exitCode()).as(edited.toString()).isZero();
        String warning = "nicsync: warning: 1 uncommitted change(s) to desired-state files are not part of this run"
                + " (nicsync reads commits): prod/web-01.yaml (modified); commit them, or check them as they are with"
                + " nicsync validate --working-tree\n";
        assertThat(edited.out()).contains(warning);
        // plan and apply read the commit, and say so too
        Cli plan = Launcher.start(prod, allowing(), dir.resolve("plan.log"), "plan").await();
        assertThat(plan.exitCode()).as(plan.toString()).isZero();
        assertThat(plan.out()).contains(warning).contains("+ add red");
        Cli dryRun = Launcher.start(prod, allowing(), dir.resolve("apply.log"), "apply", "--dry-run", "--state-dir",
                dir.resolve("state").toString()).await();
        assertThat(dryRun.exitCode()).as(dryRun.toString()).isZero();
        assertThat(dryRun.out()).contains(warning).contains("+ add red");
        assertThat(kubevirt.attached("red")).isFalse();

        Cli asOnDisk = Launcher.start(prod, allowing(), dir.resolve("disk.log"), "validate", "--working-tree").await();
        assertThat(asOnDisk.exitCode()).as(asOnDisk.toString()).isEqualTo(1);
        assertThat(asOnDisk.out()).contains("Desired state: the working tree as it is on disk")
                .contains("prod/web-01.yaml:3:11: error: metadata is missing required key \"target\"");
    }

    @Test
    void standingInASubdirectoryTheRepositoryAndThePathInItAreFound() throws Exception {
        // a repository that holds more than the desired state: it sits in infra/nics, and you stand in infra/nics/lab
        git.write("infra/nics/nicsync.yaml", DesiredState.config(kubevirt.kubeconfig()));
        git.write("infra/nics/lab/web-01.yaml", DesiredState.web01(DesiredState.bridgeNic("green", "green")));
        git.commitAndPush("the desired state of infra/nics");
        Path lab = git.work.resolve("infra/nics/lab");

        Cli validate = Launcher.start(lab, allowing(), dir.resolve("validate.log"), "validate").await();
        assertThat(validate.exitCode()).as(validate.toString()).isZero();
        assertThat(validate.out()).contains("(ref HEAD, path infra/nics)").contains("1 VM(s) on 1 target(s)");
        Cli plan = Launcher.start(lab, allowing(), dir.resolve("plan.log"), "plan").await();
        assertThat(plan.exitCode()).as(plan.toString()).isZero();
        // infra/nics's web-01, not the one of the repository's root (which adds red)
        assertThat(plan.out()).contains("(ref HEAD, path infra/nics)").contains("+ add green")
                .doesNotContain("add red");
    }

    @Test
    void terraformsOutIsTakenWhereAFileIsWrittenAndRefusedElsewhere() throws Exception {
        Path imported = dir.resolve("imported");
        Cli importing = run("import", "--kind", "kubevirt", "--target", "sim", "--uri", "sim-admin", "--setting",
                "kubeconfig=" + kubevirt.kubeconfig(), "-out=" + imported);
        assertThat(importing.exitCode()).as(importing.toString()).isZero();
        assertThat(imported.resolve("sim/prod/web-01.yaml")).exists();

        // every other command with -o refuses it, saying what -o takes: none reads it as -o ut=x.plan
        String refusal = " writes no file: -out=x.plan is not an option of it (-o takes text or json; nicsync plan"
                + " --out FILE saves a plan)\n";
        for (String command : List.of("validate", "show", "apply", "reconcile", "plugins")) {
            Cli refused = run(command, "-out=x.plan");
            assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(1);
            assertThat(refused.out()).as(command).startsWith("nicsync: error: " + command + refusal);
        }
        Cli spaced = run("apply", "-out", "x.plan");
        assertThat(spaced.out()).startsWith("nicsync: error: apply" + refusal);
    }

    @Test
    void withJsonOutputUsageErrorsAreJsonToo() throws Exception {
        Cli unknown = run("plan", "-o", "json", "--repo", git.url(), "--tagret", "sim");
        assertThat(unknown.exitCode()).as(unknown.toString()).isEqualTo(1);
        assertThat(onlyJson(unknown).path("error").asText())
                .startsWith("Unknown options: '--tagret', 'sim' (did you mean --target")
                .endsWith(". Try 'nicsync plan --help' for more information.");

        Cli missing = run("validate", "--repo", git.url(), "--output=json", "--ref");
        assertThat(missing.exitCode()).as(missing.toString()).isEqualTo(1);
        assertThat(onlyJson(missing).path("error").asText())
                .isEqualTo("Missing required parameter for option '--ref' (REF). Try 'nicsync validate --help' for"
                        + " more information.");

        Cli refused = run("show", "-ojson", "-out=x.plan");
        assertThat(onlyJson(refused).path("error").asText()).startsWith("show writes no file: -out=x.plan");
        // the same mistakes without -o json are lines for a person
        assertThat(run("validate", "--repo", git.url(), "--ref").out())
                .startsWith("nicsync: error: Missing required parameter for option '--ref' (REF)\n");
    }

    @Test
    void theCompletionScriptCompletesCommandsAndOptions() throws Exception {
        Path script = dir.resolve("nicsync.bash");
        Cli completion = run("completion", "bash");
        assertThat(completion.exitCode()).isZero();
        Files.writeString(script, completion.out());
        assertThat(complete(script, "nicsync", "pl")).contains("plan", "plugins").doesNotContain("apply");
        assertThat(complete(script, "nicsync", "plan", "--ta")).contains("--target", "--target-uri");

        // zsh, as its footer and the README say: sourced from ~/.zshrc, the script loads zsh's bash completion itself
        String zshrc = "source <(NICSYNC_NO_BUILD=1 " + Project.root().resolve("bin/nicsync") + " completion zsh)";
        assertThat(zshCompletes(zshrc, "nicsync", "pl")).containsExactlyInAnyOrder("plan", "plugins");
        assertThat(zshCompletes(zshrc, "nicsync", "plan", "--ta"))
                .containsExactlyInAnyOrder("--target", "--target-uri", "--target-setting");
    }

    @Test
    void importWritesFilesThatNameTheirSchemaForEditors() throws Exception {
        Path out = dir.resolve("imported");
        Cli imported = run("import", "--kind", "kubevirt", "--target", "sim", "--uri", "sim-admin", "--setting",
                "kubeconfig=" + kubevirt.kubeconfig(), "--out", out.toString());
        assertThat(imported.exitCode()).as(imported.toString()).isZero();
        assertThat(Files.readString(out.resolve("nicsync.yaml")))
                .startsWith("# yaml-language-server: $schema=schemas/config.schema.json\n");
        assertThat(Files.readString(out.resolve("sim/prod/web-01.yaml")))
                .startsWith("# yaml-language-server: $schema=../../schemas/vmnics.schema.json\n");
        Cli schema = run("schema", "vmnics");
        assertThat(out.resolve("schemas/vmnics.schema.json")).content().isEqualTo(schema.out());
    }

    @Test
    void aMisspeltTargetHidesNoOtherProblem() {
        git.write("prod/db.yaml", """
                apiVersion: nicsync.io/v1alpha1
                kind: VmNics
                metadata: {name: db-01, namespace: prod, target: simm}
                spec:
                  nics:
                    - name: red
                      network: {bridge: br0}
                      mac: "52:54:00:00:00:09"
                    - name: blue
                      network: {multus: blue}
                      binding: bridge
                      mac: "52:54:00:00:00:09"
                """);
        git.commitAndPush("a misspelt target");
        Cli validate = run("validate", "--repo", git.url());
        assertThat(validate.exitCode()).isEqualTo(1);
        assertThat(validate.out()).contains("prod/db.yaml:3:50: error: unknown target \"simm\": did you mean \"sim\"?"
                        + " (known: sim); its NICs were checked as kubevirt NICs, the kind of every declared target")
                .contains("prod/db.yaml:7:17: error: network kind \"bridge\" is not available on target \"simm\"")
                .contains("prod/db.yaml:12:12: error: MAC 52:54:00:00:00:09 is already used on target \"simm\" by NIC"
                        + " \"red\"");
    }

    /** The environment in which the operator allows what the test's nicsync.yaml names (its kubeconfig). */
    private Map<String, String> allowing() {
        return Map.of("NICSYNC_ALLOW_FILES", allowedFiles());
    }

    private Cli run(String... args) {
        return Launcher.run(allowing(),
                dir.resolve(args[0] + "-" + System.nanoTime() + ".log"), args);
    }

    /** The document a failed run printed, which must be all it printed. */
    private static JsonNode onlyJson(Cli cli) throws IOException {
        return new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(cli.out());
    }

    /** What bin/nicsync prints when its standard output is a terminal: run under script(1), which gives it one. */
    private String onTerminal(Map<String, String> env, String... args) throws Exception {
        StringBuilder line = new StringBuilder("NICSYNC_NO_BUILD=1 ").append(Project.root().resolve("bin/nicsync"));
        for (String arg : args) {
            line.append(" '").append(arg).append("'");
        }
        Path out = dir.resolve("terminal-" + System.nanoTime() + ".log");
        ProcessBuilder pb = new ProcessBuilder("script", "-qec", line.toString(), "/dev/null")
                .redirectErrorStream(true).redirectOutput(out.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
        pb.environment().putAll(env);
        pb.environment().put("NICSYNC_ALLOW_FILES", allowedFiles());
        Process process = pb.start();
        process.getOutputStream().close();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return Files.readString(out);
    }

    /** The words bash offers after {@code words}, with the script sourced. */
    private static List<String> complete(Path script, String... words) throws IOException, InterruptedException {
        String line = String.join(" ", words);
        String program = "source '" + script + "'; COMP_WORDS=(" + line + "); COMP_CWORD=" + (words.length - 1)
                + "; COMP_LINE='" + line + "'; COMP_POINT=" + line.length()
                + "; _complete_nicsync 2>/dev/null; printf '%s\\n' \"${COMPREPLY[@]}\"";
        Process bash = new ProcessBuilder("bash", "-c", program).redirectErrorStream(true).start();
        String out = new String(bash.getInputStream().readAllBytes());
        assertThat(bash.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new ArrayList<>(out.lines().map(String::strip).filter(s -> !s.isEmpty()).toList());
    }

    /**
     * The words zsh's own completion offers after {@code words}, typed into an interactive zsh that ran
     * {@code setup} (scripts/test-prereqs.d/zsh.sh installs zsh).
     */
    private List<String> zshCompletes(String setup, String... words) throws IOException, InterruptedException {
        Path offered = dir.resolve("zsh-" + System.nanoTime());
        List<String> command = new ArrayList<>(List.of("zsh", "-f",
                Project.root().resolve("src/test/resources/shell/zsh-complete.zsh").toString(), offered.toString(),
                setup));
        command.addAll(List.of(words));
        Process zsh = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("zsh.log").toFile()).start();
        assertThat(zsh.waitFor(150, TimeUnit.SECONDS)).isTrue();
        assertThat(zsh.exitValue()).as(Files.readString(dir.resolve("zsh.log"))).isZero();
        return Files.readAllLines(offered).stream().filter(s -> !s.isBlank()).toList();
    }
}

package io.nicsync.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.nicsync.apply.ExitCode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

class MainTest {
    private static final List<String> ALL =
            List.of("validate", "plan", "show", "apply", "recover", "reconcile", "serve", "import", "plugins", "schema",
                    "completion", "help");

    @Test
    void aNamedCommandIsTheOnlyOneBuilt() {
        assertThat(Main.commandLine("plan", "--repo", "r").getSubcommands()).containsOnlyKeys("plan");
        assertThat(Main.commandLine("serve").getSubcommands()).containsOnlyKeys("serve");
    }

    @Test
    void withoutACommandNameAllAreBuilt() {
        for (String[] args : List.of(new String[0], new String[] {"--help"}, new String[] {"help", "plan"},
                new String[] {"plna"}, new String[] {"--version"})) {
            assertThat(Main.commandLine(args).getSubcommands().keySet()).as(String.join(" ", args))
                    .containsExactlyElementsOf(ALL);
        }
    }

    @Test
    void helpListsEveryCommandAndAMistypedOneIsSuggested() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertThat(Main.run(new PrintWriter(out), new PrintWriter(err), "--help")).isZero();
        assertThat(out.toString()).contains(ALL);

        out.getBuffer().setLength(0);
        assertThat(Main.run(new PrintWriter(out), new PrintWriter(err), "help", "apply")).isZero();
        assertThat(out.toString()).contains("Usage: nicsync apply", "--dry-run");

        assertThat(Main.run(new PrintWriter(out), new PrintWriter(err), "plna")).isEqualTo(ExitCode.ERROR.code());
        assertThat(err.toString()).contains("Unmatched argument", "Did you mean", "plan", "Try 'nicsync --help'");
    }

    /** picocli formats help texts with String.format; one it cannot format is printed raw, after a warning. */
    @Test
    void everyHelpTextFormats() {
        CommandLine cli = Main.commandLine();
        List<String> texts = new ArrayList<>();
        for (CommandLine command : cli.getSubcommands().values()) {
            CommandSpec spec = command.getCommandSpec();
            texts.addAll(List.of(spec.usageMessage().description()));
            spec.options().forEach(o -> texts.addAll(List.of(o.description())));
            spec.positionalParameters().forEach(p -> texts.addAll(List.of(p.description())));
        }
        assertThat(texts).hasSizeGreaterThan(50).allSatisfy(text -> assertThatCode(() -> String.format(text))
                .as(text).doesNotThrowAnyException());
    }

    /** Each command: a summary that fits its line of the command list, examples, and every option listed once. */
    @Test
    void everyHelpHasASummaryExamplesAndEachOptionOnceUnderAHeading() {
        CommandLine cli = Main.commandLine();
        for (var entry : cli.getSubcommands().entrySet()) {
            if (entry.getKey().equals("help")) {
                continue;
            }
            CommandSpec spec = entry.getValue().getCommandSpec();
            assertThat(spec.usageMessage().header()).as(entry.getKey()).singleElement()
                    .satisfies(h -> assertThat(h.length()).as(h).isLessThanOrEqualTo(64));
            String help = entry.getValue().getUsageMessage();
            assertThat(help).as(entry.getKey()).contains("\nExamples:\n");
            assertThat(help.substring(help.indexOf("\nExamples:\n"))).as(entry.getKey())
                    .contains("nicsync " + entry.getKey() + " ");
            for (var option : spec.options().stream().filter(o -> !o.hidden()).toList()) {
                long times = help.lines().filter(l -> l.matches("^ {2,6}(-[a-zA-Z]+, )*" + java.util.regex.Pattern.quote(
                        option.longestName()) + "([=, ].*)?$")).count();
                assertThat(times).as("%s %s listed once", entry.getKey(), option.longestName()).isEqualTo(1);
            }
        }
        String apply = cli.getSubcommands().get("apply").getUsageMessage();
        assertThat(apply).contains("\nOptions:\n", "\nDesired state (Git):\n", "\nTargets and VMs:\n",
                "\nApplying:\n", "\nCommit signatures:\n");
        assertThat(apply.indexOf("Targets and VMs:")).isLessThan(apply.indexOf("      --target=T "));
        assertThat(apply.indexOf("      --target=T ")).isLessThan(apply.indexOf("Applying:"));
    }

    @Test
    void aCommandRunsWithTheSettingsOfTheWhole() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        // a usage error exits with the error code, not picocli's default 2 (plan's "changes")
        assertThat(Main.run(new PrintWriter(out), new PrintWriter(err), "plan", "--no-such-option"))
                .isEqualTo(ExitCode.ERROR.code());
        assertThat(err.toString()).isEqualTo("nicsync: error: Unknown option: '--no-such-option'\n"
                + "Try 'nicsync plan --help' for more information.\n");
    }

    /** Terraform's -out=FILE: --out where a command writes a file, else refused; never -o ut=FILE. */
    @Test
    void terraformsOutIsTheOutOfCommandsThatWriteAFileAndRefusedByTheOthers() {
        CommandLine cli = Main.commandLine();
        List<String> refusing = new ArrayList<>();
        for (var entry : cli.getSubcommands().entrySet()) {
            CommandSpec spec = entry.getValue().getCommandSpec();
            if (spec.findOption("--out") != null) {
                assertThat(spec.findOption("-out")).as(entry.getKey()).isSameAs(spec.findOption("--out"));
            } else if (spec.findOption("-o") != null) {
                StringWriter out = new StringWriter();
                StringWriter err = new StringWriter();
                assertThat(Main.run(new PrintWriter(out), new PrintWriter(err), entry.getKey(), "-out=x"))
                        .isEqualTo(ExitCode.ERROR.code());
                assertThat(err.toString()).as(entry.getKey())
                        .startsWith("nicsync: error: " + entry.getKey() + " writes no file: -out=x is not an option");
                refusing.add(entry.getKey());
            }
        }
        assertThat(refusing).containsExactlyInAnyOrder("validate", "show", "apply", "reconcile", "plugins");
    }

    @Test
    void aUsageErrorIsJsonWhenJsonWasAskedForInAnySpelling() {
        for (List<String> json : List.of(List.of("-o", "json"), List.of("-oJSON"), List.of("-o=json"),
                List.of("--output", "json"), List.of("--output=Json"))) {
            List<String> args = new ArrayList<>(List.of("plan", "--no-such-option"));
            args.addAll(json);
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            assertThat(Main.run(new PrintWriter(out), new PrintWriter(err), args.toArray(String[]::new)))
                    .isEqualTo(ExitCode.ERROR.code());
            assertThat(out.toString()).as(json.toString()).isEqualTo("""
                    {
                      "error" : "Unknown option: '--no-such-option'. Try 'nicsync plan --help' for more information."
                    }
                    """);
            assertThat(err.toString()).isEmpty();
        }
        // a command without -o has no JSON to give
        StringWriter err = new StringWriter();
        Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "serve", "-o", "json");
        assertThat(err.toString()).startsWith("nicsync: error: Unknown option").contains("'-o'");
    }

    /** Each example of every help is one line: picocli wraps a longer one, which cannot be copied. */
    @Test
    void everyExampleFitsItsLine() {
        for (var entry : Main.commandLine().getSubcommands().entrySet()) {
            for (String example : entry.getValue().getCommandSpec().usageMessage().footer()) {
                assertThat(example.length()).as(example).isLessThanOrEqualTo(80);
                assertThat(example).as(entry.getKey()).doesNotContain("${");
            }
        }
    }

    /** A run's failure is said in the user's words, not as the class that carried it. */
    @Test
    void aFailedRunSaysWhyWithoutAClassName(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String nowhere = dir.resolve("no-such-repository").toString();
        assertThat(Main.run(new PrintWriter(out), new PrintWriter(err), "plan", "--repo", nowhere))
                .isEqualTo(ExitCode.ERROR.code());
        assertThat(err.toString()).startsWith("nicsync: error: ").contains("no-such-repository")
                .doesNotContain("Git:", "RunFailure", "Exception");
    }

    @Test
    void serveRefusesARunTokenShortEnoughToBeGuessedBeforeItStartsAnything(@org.junit.jupiter.api.io.TempDir
            java.nio.file.Path dir) throws Exception {
        java.nio.file.Path token = java.nio.file.Files.writeString(dir.resolve("token"), "fifteen-bytes!!\n");
        StringWriter err = new StringWriter();

        int exit = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(60),
                () -> Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "serve", "--repo",
                        dir.resolve("repo").toString(), "--state-dir", dir.resolve("state").toString(), "--listen",
                        "127.0.0.1:0", "--run-token-file", token.toString()));

        assertThat(exit).isEqualTo(ExitCode.ERROR.code());
        assertThat(err.toString()).contains("nicsync: error: --run-token-file " + token
                + ": the run token has 15 bytes; it needs at least 16 (make one with: openssl rand -hex 16)");
        assertThat(dir.resolve("state")).doesNotExist();
    }

    @Test
    void serveListensOnThisMachineOnlyUnlessToldOtherwise() {
        CommandLine serve = Main.commandLine("serve").getSubcommands().get("serve");
        assertThat(serve.getCommandSpec().findOption("--listen").defaultValue()).isEqualTo("127.0.0.1:8080");
    }
}

package io.nicsync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command's {@code --help} through {@code bin/nicsync}, as kubectl and terraform users read theirs: the
 * one-line summary of the command list first, the options under headings, examples to copy at the end.
 */
class HelpIT {
    private static final String SHARED = "Options:|Desired state (Git):|Targets and VMs:";
    /** The headings of each command's help, in order. */
    private static final Map<String, String> HEADINGS = Map.ofEntries(
            Map.entry("validate", "Options:|Desired state (Git):"),
            Map.entry("plan", SHARED + "|Commit signatures:"),
            Map.entry("show", "Options:"),
            Map.entry("apply", SHARED + "|Applying:|Commit signatures:"),
            Map.entry("recover", "Options:|Targets and VMs:"),
            Map.entry("reconcile", SHARED + "|Applying:|Commit signatures:|Logging:"),
            Map.entry("serve", SHARED + "|Applying:|Commit signatures:|Logging:"),
            Map.entry("import", "Options:|Read the target from a desired-state repository:"),
            Map.entry("plugins", "Options:"),
            Map.entry("schema", "Options:"),
            Map.entry("completion", "Options:"));

    @TempDir
    Path dir;

    @Test
    void everyCommandsHelpHasItsSummaryHeadingsAndExamples() {
        Cli nicsync = Launcher.run(dir.resolve("nicsync.log"), "--help");
        assertThat(nicsync.exitCode()).as(nicsync.toString()).isZero();
        Map<String, String> summaries = summaries(nicsync.out());
        Set<String> commands = new TreeSet<>(HEADINGS.keySet());
        commands.add("help");
        assertThat(summaries.keySet()).containsExactlyInAnyOrderElementsOf(commands);

        for (String command : HEADINGS.keySet()) {
            Cli help = Launcher.run(dir.resolve(command + ".log"), command, "--help");
            assertThat(help.exitCode()).as(help.toString()).isZero();
            String text = help.out();
            // the summary the list shows is the help's first line, a whole sentence
            assertThat(summaries.get(command)).as(command).endsWith(".");
            assertThat(text).as(command).startsWith(summaries.get(command) + "\nUsage: nicsync " + command + " ");
            assertThat(String.join("|", text.lines().filter(l -> l.matches("[A-Z][A-Za-z ()-]*:")).toList()))
                    .as(command).isEqualTo(HEADINGS.get(command) + "|Examples:");
            // examples close the help, each one line to copy (none wrapped), running the command
            List<String> examples = text.substring(text.indexOf("\nExamples:\n") + "\nExamples:\n".length())
                    .lines().toList();
            assertThat(examples).as(command).isNotEmpty().allSatisfy(line -> assertThat(line).startsWith("  ")
                    .containsPattern("nicsync " + command + "( |$)"));
            // a ${...} picocli could not resolve is printed as null
            assertThat(text).as(command).doesNotContainPattern("\\bnull\\b");
        }
    }

    /** The command list of {@code nicsync --help}: each command and its summary. */
    private static Map<String, String> summaries(String help) {
        Map<String, String> summaries = new LinkedHashMap<>();
        help.substring(help.indexOf("\nCommands:\n") + "\nCommands:\n".length()).lines()
                .map(l -> l.strip().split("\\s+", 2)).forEach(w -> summaries.put(w[0], w[1]));
        return summaries;
    }
}

package io.nicsync.cli;

import io.nicsync.apply.ExitCode;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code nicsync completion bash|zsh}: a completion script for the shell, generated from the commands. */
@Command(name = "completion", mixinStandardHelpOptions = true,
        header = "Print a bash or zsh completion script.",
        description = "Prints a completion script of commands and options. One script serves bash and zsh: zsh runs "
                + "it through its bash completion emulation (bashcompinit), which the script loads itself. Source it "
                + "(in ~/.bashrc or ~/.zshrc); it is no zsh completion function, so it does not go into fpath.",
        footerHeading = "%nExamples:%n",
        footer = {"  source <(nicsync completion bash)  # bash: this shell, or in ~/.bashrc",
                "  nicsync completion bash > /etc/bash_completion.d/nicsync    # every bash",
                "  source <(nicsync completion zsh)   # zsh: in ~/.zshrc"})
final class CompletionCommand implements Callable<Integer> {
    enum Shell { BASH, ZSH }

    @Parameters(paramLabel = "SHELL", description = "bash or zsh (picocli's script serves both).")
    Shell shell;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        // picocli's script runs under zsh through bashcompinit, which it loads itself
        spec.commandLine().getOut().print(AutoComplete.bash("nicsync", spec.root().commandLine()));
        spec.commandLine().getOut().flush();
        return ExitCode.OK.code();
    }
}

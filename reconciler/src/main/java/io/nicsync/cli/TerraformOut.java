package io.nicsync.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Terraform spells its plan file {@code -out=FILE}. picocli reads a word it does not know as short options clustered,
 * so a command with {@code -o} would take {@code -out=x} as {@code -o ut=x}. Commands that write a file ({@code plan},
 * {@code import}) take {@code -out} as their {@code --out}; every other command with {@code -o} refuses it, saying
 * what {@code -o} is, instead of reading it as something else.
 */
final class TerraformOut {
    private TerraformOut() {
    }

    /** Gives each command of {@code cli} that has {@code -o} but no {@code -out} a hidden {@code -out} that refuses. */
    static void refuseWhereUnknown(CommandLine cli) {
        CommandSpec spec = cli.getCommandSpec();
        if (spec.findOption("-o") != null && spec.findOption("-out") == null) {
            spec.addOption(OptionSpec.builder("-out").hidden(true).arity("0..1").type(String.class)
                    .setter(new Refusal(spec)).build());
        }
        cli.getSubcommands().values().forEach(TerraformOut::refuseWhereUnknown);
    }

    /** Refuses every value it is given; the initial null is the option's absence. */
    private record Refusal(CommandSpec spec) implements CommandLine.Model.ISetter {
        @Override
        public <T> T set(T value) {
            if (value == null) {
                return null;
            }
            String given = value.toString().isEmpty() ? "-out" : "-out=" + value;
            throw new CommandLine.ParameterException(spec.commandLine(), spec.name() + " writes no file: " + given
                    + " is not an option of it (-o takes text or json; nicsync plan --out FILE saves a plan)");
        }
    }
}

package io.nicsync.cli;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * A command's options in its {@code --help} under headings: its own first, then each shared group (where the desired
 * state comes from, which targets and VMs, signatures, applying, logging) under a heading of its own, as
 * {@code kubectl} and {@code terraform} group theirs.
 */
final class GroupedOptions implements CommandLine.IHelpSectionRenderer {
    private static final Map<Class<?>, String> HEADINGS = Map.of(
            SourceOptions.class, "Desired state (Git)",
            TargetOptions.class, "Targets and VMs",
            SignatureOptions.class, "Commit signatures",
            RunOptions.class, "Applying",
            LogOptions.class, "Logging");

    /** Lists the options of {@code cli}'s commands (and theirs) under headings. */
    static void install(CommandLine cli) {
        UsageMessageSpec usage = cli.getCommandSpec().usageMessage();
        usage.sectionMap().put(UsageMessageSpec.SECTION_KEY_OPTION_LIST_HEADING, help -> "");
        usage.sectionMap().put(UsageMessageSpec.SECTION_KEY_OPTION_LIST, new GroupedOptions());
        cli.getSubcommands().values().forEach(GroupedOptions::install);
    }

    @Override
    public String render(CommandLine.Help help) {
        CommandSpec spec = help.commandSpec();
        Set<OptionSpec> shared = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        StringBuilder groups = new StringBuilder();
        for (CommandSpec mixin : spec.mixins().values()) {
            List<OptionSpec> options = visible(mixin.options());
            shared.addAll(mixin.options());
            String heading = HEADINGS.get(mixin.userObject().getClass());
            if (heading != null && !options.isEmpty()) {
                groups.append(String.format("%n%s:%n", heading)).append(help.optionListExcludingGroups(options));
            } else {
                shared.removeAll(mixin.options()); // a mixin without a heading (help, version) is the command's own
            }
        }
        List<OptionSpec> own = new ArrayList<>(visible(spec.options()));
        own.removeIf(o -> shared.contains(o) || o.group() != null);
        String ownList = own.isEmpty() ? "" : String.format("%nOptions:%n") + help.optionListExcludingGroups(own);
        return ownList + groups + help.optionListGroupSections();
    }

    private static List<OptionSpec> visible(List<OptionSpec> options) {
        return options.stream().filter(o -> !o.hidden()).toList();
    }
}

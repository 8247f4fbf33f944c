package io.nicsync.validate;

import io.nicsync.spi.TargetConfig;
import io.nicsync.spi.TargetPlugin;
import java.util.List;
import java.util.Optional;

/**
 * The platforms a VM's NICs are checked as, and, for a VM whose target {@code nicsync.yaml} does not declare, how
 * that was decided (a clause of the unknown-target message). So that a typo in the target hides no other problem:
 * <ol>
 *   <li>the one kind every declared target has;</li>
 *   <li>else the kind of the declared target closest in spelling;</li>
 *   <li>else every declared kind that takes the VM's NICs as written (their network kinds and bindings): whichever
 *       of them the target turns out to be, what they all find is a problem. Only what one kind alone finds waits
 *       until the target is declared; with one such kind, that kind's rules all run.</li>
 * </ol>
 *
 * @param plugins the platforms whose rules the VM's NICs are checked against; empty when none can be
 * @param clause for an undeclared target, what its NICs were checked as; empty for a declared one
 */
record CheckedAs(List<TargetPlugin> plugins, String clause) {
    private static final String LATER = " checked against a platform's rules once its target is declared";

    static CheckedAs of(Declared vm, Declarations d) {
        String target = vm.vm().ref().target();
        if (d.target(target).isPresent()) {
            return new CheckedAs(d.pluginOf(target).stream().toList(), "");
        }
        if (d.config() == null || d.config().targets().isEmpty()) {
            return new CheckedAs(List.of(), "; its NICs are" + LATER);
        }
        List<TargetConfig> declared = d.config().targets();
        List<String> kinds = declared.stream().map(TargetConfig::kind).distinct().sorted().toList();
        if (kinds.size() == 1) {
            return as(d, kinds.getFirst(), "the kind of every declared target");
        }
        Optional<TargetConfig> closest = Suggestions.closest(target, declared.stream().map(TargetConfig::name).toList())
                .flatMap(d::target);
        if (closest.isPresent()) {
            return as(d, closest.get().kind(), "the kind of target \"" + closest.get().name() + "\"");
        }
        List<TargetPlugin> taking = kinds.stream().flatMap(k -> d.plugins().get(k).stream())
                .filter(p -> vm.vm().nics().stream().allMatch(nic -> NicVocabulary.takes(p, nic))).toList();
        String names = String.join(", ", taking.stream().map(TargetPlugin::kind).toList());
        return switch (taking.size()) {
            case 0 -> new CheckedAs(taking, "; no declared kind (" + String.join(", ", kinds) + ") takes its NICs as"
                    + " written, so they are" + LATER);
            case 1 -> new CheckedAs(taking, "; its NICs were checked as " + names + " NICs, the only declared kind"
                    + " that takes them as written");
            default -> new CheckedAs(taking, "; its NICs were checked against every declared kind that takes them as"
                    + " written (" + names + "): what all of them find is reported, what only one finds waits until"
                    + " its target is declared");
        };
    }

    /** The one platform the NICs were checked as, if it was one. */
    Optional<TargetPlugin> single() {
        return plugins.size() == 1 ? Optional.of(plugins.getFirst()) : Optional.empty();
    }

    private static CheckedAs as(Declarations d, String kind, String because) {
        return new CheckedAs(d.plugins().get(kind).stream().toList(),
                "; its NICs were checked as " + kind + " NICs, " + because);
    }
}

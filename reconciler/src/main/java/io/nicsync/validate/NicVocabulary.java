package io.nicsync.validate;

import com.fasterxml.jackson.databind.JsonNode;
import io.nicsync.platforms.Plugins;
import io.nicsync.spi.DesiredNic;
import io.nicsync.spi.TargetPlugin;
import io.nicsync.spi.Vocabulary;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Each NIC uses only what its target's plugin declares: a network kind it has (no multus on libvirt, no bridge on
 * KubeVirt), and a {@code model} and {@code binding} it accepts. A key the platform does not have at all is an
 * error too: a libvirt NIC would silently ignore a binding, and whoever wrote one expects an effect that never
 * comes.
 *
 * <p>A model is checked in every {@code VmNics} document, also one that failed its schema, so that it is reported
 * with the document's other problems; where the target's plugin is not known (the target or its kind is unknown,
 * or {@code nicsync.yaml} does not validate), against the models of the platforms it may be ({@link CheckedAs}), else
 * of every installed plugin.
 */
final class NicVocabulary implements Rule {

    /** What a plugin lets a NIC say, asked of it once per validation rather than once per NIC. */
    private record Words(List<String> kinds, Vocabulary models, Vocabulary bindings) {
        static Words of(TargetPlugin plugin) {
            return new Words(Plugins.declarableKeys(plugin), plugin.models(), plugin.bindings());
        }
    }

    @Override
    public void check(Declarations d, Diagnostics out) {
        Map<TargetPlugin, Words> words = new IdentityHashMap<>();
        for (Declared vm : d.vms()) {
            CheckedAs as = d.checkedAs(vm);
            Optional<TargetPlugin> plugin = as.single();
            Collection<TargetPlugin> among = as.plugins().isEmpty() ? d.plugins().all() : as.plugins();
            List<DesiredNic> nics = vm.vm().nics();
            for (int i = 0; i < nics.size(); i++) {
                model(d, vm.doc(), i, nics.get(i).model(), plugin, words, among, vm.vm().ref().target(), out);
                if (plugin.isEmpty()) {
                    continue;
                }
                Words its = words.computeIfAbsent(plugin.get(), Words::of);
                String kind = nics.get(i).network().kind();
                if (!its.kinds().contains(kind)) {
                    out.errorAtKey(vm.doc(), Declared.nic(i) + "/network/" + kind, "network kind \"" + kind
                            + "\" is not available on target \"" + vm.vm().ref().target() + "\" ("
                            + plugin.get().kind() + " has: " + String.join(", ", its.kinds()) + ")");
                }
                binding(d, vm, i, plugin.get(), its.bindings(), out);
            }
        }
        for (YamlDocument doc : d.unbound()) {
            String target = doc.root().path("metadata").path("target").asText(null);
            JsonNode nics = doc.root().path("spec").path("nics");
            // a document that failed its schema may hold anything here: only a list has NICs to look at
            for (int i = 0; nics.isArray() && i < nics.size(); i++) {
                JsonNode model = nics.get(i).path("model");
                if (model.isTextual()) {
                    model(d, doc, i, model.textValue(), target == null ? Optional.empty() : d.pluginOf(target),
                            words, d.plugins().all(), target, out);
                }
            }
        }
    }

    /** A model {@code plugin} takes; without one, a model one of {@code among} takes. */
    private static void model(Declarations d, YamlDocument doc, int nic, String model, Optional<TargetPlugin> plugin,
            Map<TargetPlugin, Words> words, Collection<TargetPlugin> among, String target, Diagnostics out) {
        if (model == null) {
            return;
        }
        String at = Declared.nic(nic) + "/model";
        if (plugin.isPresent()) {
            Vocabulary models = words.computeIfAbsent(plugin.get(), Words::of).models();
            if (!models.exists()) {
                out.error(doc, at, none("model", plugin.get(), d.plugins(), TargetPlugin::models));
            } else if (!models.accepts(model)) {
                out.error(doc, at, oneOf(at, models.known(), model) + " on target \"" + target + "\" ("
                        + plugin.get().kind() + ")");
            }
            return;
        }
        Set<String> known = new LinkedHashSet<>();
        for (TargetPlugin any : among) {
            if (any.models().open()) {
                return;
            }
            known.addAll(any.models().known());
        }
        if (!known.contains(model)) {
            out.error(doc, at, oneOf(at, List.copyOf(known), model));
        }
    }

    /** Whether {@code plugin} has the NIC's network kind and takes its binding: whether it can be its platform. */
    static boolean takes(TargetPlugin plugin, DesiredNic nic) {
        return Plugins.declarableKeys(plugin).contains(nic.network().kind())
                && (nic.binding() == null || plugin.bindings().accepts(nic.binding()));
    }

    private static void binding(Declarations d, Declared vm, int nic, TargetPlugin plugin, Vocabulary bindings,
            Diagnostics out) {
        String binding = vm.vm().nics().get(nic).binding();
        if (binding == null) {
            return;
        }
        String at = Declared.nic(nic) + "/binding";
        if (!bindings.exists()) {
            out.error(vm.doc(), at, none("binding", plugin, d.plugins(), TargetPlugin::bindings));
        } else if (!bindings.accepts(binding)) {
            out.error(vm.doc(), at, oneOf(at, bindings.known(), binding) + " on target \"" + vm.vm().ref().target()
                    + "\" (" + plugin.kind() + ")");
        }
    }

    /** {@code binding is a KubeVirt setting; libvirt NICs have none, remove it}. */
    private static String none(String key, TargetPlugin plugin, Plugins plugins,
            Function<TargetPlugin, Vocabulary> vocabulary) {
        List<String> having = plugins.all().stream().filter(p -> vocabulary.apply(p).exists())
                .map(TargetPlugin::platform).toList();
        return key + (having.isEmpty() ? " is not a " + plugin.platform() + " setting"
                : " is a " + String.join(" and ", having) + " setting") + "; " + plugin.platform()
                + " NICs have none, remove it";
    }

    /** As the schema's enum messages read: {@code spec.nics[0].model must be one of: a, b (got "c")}. */
    private static String oneOf(String at, List<String> known, String value) {
        return Pointers.human(at) + " must be one of: " + String.join(", ", known) + " (got \"" + value + "\")";
    }
}

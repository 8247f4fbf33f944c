package io.nicsync.platforms;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nicsync.spi.NetworkKind;
import io.nicsync.spi.TargetPlugin;
import io.nicsync.spi.TargetSetting;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * The platform plugins nicsync runs with, and the vocabulary they declare: network kinds, target settings, NIC
 * models and bindings. Schemas, validation, plan files, the importer and {@code nicsync plugins} are all composed
 * from one of these. Checked when made: every kind opened by one plugin; a network key declared by several plugins
 * only alike (same attributes, same value schema); at most one endpoint setting per plugin; every schema fragment
 * JSON. A plugin that breaks one of these is an installation error, named with its class.
 */
public final class Plugins {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, TargetPlugin> byKind;
    private final Map<String, NetworkKind> networkKinds;
    private final Map<String, String> networkKindOwners;

    private Plugins(Map<String, TargetPlugin> byKind) {
        this.byKind = byKind;
        this.networkKinds = new LinkedHashMap<>();
        this.networkKindOwners = new LinkedHashMap<>();
        byKind.values().forEach(this::check);
    }

    /** The plugins on the class path (bin/nicsync adds the jars of the plugins directory to it). */
    public static Plugins installed() {
        List<TargetPlugin> found = new ArrayList<>();
        ServiceLoader.load(TargetPlugin.class).forEach(found::add);
        return of(found);
    }

    /**
     * These plugins, in this order: the order of their network kinds in schemas and messages. The installed ones
     * come in class-path order, the distribution's bundled plugins (libvirt, then KubeVirt) before those of the
     * plugins directory.
     */
    public static Plugins of(Collection<? extends TargetPlugin> plugins) {
        Map<String, TargetPlugin> byKind = new LinkedHashMap<>();
        for (TargetPlugin plugin : plugins) {
            TargetPlugin other = byKind.putIfAbsent(plugin.kind(), plugin);
            if (other != null && other != plugin) {
                throw new PluginException("two plugins claim the target kind '" + plugin.kind() + "': "
                        + other.getClass().getName() + " and " + plugin.getClass().getName());
            }
        }
        return new Plugins(byKind);
    }

    /** These plugins with {@code replacement} instead of the one of its kind (or added). */
    public Plugins with(TargetPlugin replacement) {
        Map<String, TargetPlugin> copy = new LinkedHashMap<>(byKind);
        copy.put(replacement.kind(), replacement);
        return new Plugins(copy);
    }

    public Optional<TargetPlugin> get(String kind) {
        return Optional.ofNullable(byKind.get(kind));
    }

    /** The plugin of {@code kind}, or an error naming the installed ones. */
    public TargetPlugin require(String kind) throws UnknownKindException {
        TargetPlugin plugin = byKind.get(kind);
        if (plugin == null) {
            throw new UnknownKindException(kind, kinds());
        }
        return plugin;
    }

    public Set<String> kinds() {
        return byKind.keySet();
    }

    public Collection<TargetPlugin> all() {
        return byKind.values();
    }

    /** Every network kind by key, each once, in the order of the plugins and their declarations. */
    public Map<String, NetworkKind> networkKinds() {
        return java.util.Collections.unmodifiableMap(networkKinds);
    }

    /** The kinds a NIC can be declared on, by key. */
    public Map<String, NetworkKind> declarableNetworkKinds() {
        Map<String, NetworkKind> out = new LinkedHashMap<>();
        networkKinds.forEach((key, kind) -> {
            if (kind.declarable()) {
                out.put(key, kind);
            }
        });
        return out;
    }

    /** The network kind of {@code key} that a NIC can be declared on. */
    public Optional<NetworkKind> declarable(String key) {
        return Optional.ofNullable(networkKinds.get(key)).filter(NetworkKind::declarable);
    }

    /** The keys of the network kinds {@code plugin} lets a NIC be declared on. */
    public static List<String> declarableKeys(TargetPlugin plugin) {
        return plugin.networkKinds().stream().filter(NetworkKind::declarable).map(NetworkKind::key).toList();
    }

    private void check(TargetPlugin plugin) {
        String who = "plugin " + plugin.kind() + " (" + plugin.getClass().getName() + ")";
        for (NetworkKind kind : plugin.networkKinds()) {
            if (kind.declarable()) {
                requireJson(who + ", network kind " + kind.key(), kind.schema());
            }
            NetworkKind earlier = networkKinds.putIfAbsent(kind.key(), kind);
            if (earlier != null && !alike(earlier, kind)) {
                throw new PluginException(who + " declares the network kind '" + kind.key() + "' otherwise than plugin "
                        + networkKindOwners.get(kind.key()) + ": a key means one thing (same attributes, same schema)");
            }
            networkKindOwners.putIfAbsent(kind.key(), plugin.kind());
        }
        long endpoints = plugin.settings().stream().filter(TargetSetting::endpoint).count();
        if (endpoints > 1) {
            throw new PluginException(who + " declares " + endpoints + " endpoint settings; --target-uri replaces one");
        }
        for (TargetSetting setting : plugin.settings()) {
            requireJson(who + ", setting " + setting.name(), setting.schema());
        }
    }

    private static boolean alike(NetworkKind a, NetworkKind b) {
        return a.attributes().stream().map(NetworkKind.Attribute::name).toList()
                        .equals(b.attributes().stream().map(NetworkKind.Attribute::name).toList())
                && Objects.equals(a.declarable(), b.declarable())
                && (!a.declarable() || Objects.equals(tree(a.schema()), tree(b.schema())));
    }

    private static void requireJson(String what, String schema) {
        if (tree(schema) == null || !tree(schema).isObject()) {
            throw new PluginException(what + ": its schema is not a JSON object: " + schema);
        }
    }

    private static com.fasterxml.jackson.databind.JsonNode tree(String json) {
        try {
            return json == null ? null : JSON.readTree(json);
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}

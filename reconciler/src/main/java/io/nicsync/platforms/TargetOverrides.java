package io.nicsync.platforms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import io.nicsync.schemas.SchemaDialect;
import io.nicsync.spi.TargetConfig;
import io.nicsync.spi.TargetException;
import io.nicsync.spi.TargetPlugin;
import io.nicsync.spi.TargetSetting;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The target settings one run replaces, so that one repository serves a lab and production:
 * {@code --target-uri lab=qemu+ssh://hv1/system} replaces the endpoint setting of the target's plugin (libvirt's
 * {@code uri}), {@code --target-setting prod.context=admin} any setting the plugin declares. Applied to a target
 * when it is opened, each override is checked first against what its plugin declares: a target that the
 * repository does not declare, a setting the plugin does not have, or a value its schema refuses is an error
 * before any target is opened. What the command line does not replace comes from the repository, and a guarded
 * setting's value from there must be one the operator allows ({@link OperatorAllows}).
 */
public final class TargetOverrides {
    public static final TargetOverrides NONE = new TargetOverrides(Map.of(), Map.of(), OperatorAllows.NOTHING);

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Target name to the value of its endpoint setting. */
    private final Map<String, String> endpoints;
    /** Target name to setting name to value. */
    private final Map<String, Map<String, String>> settings;
    private final OperatorAllows allows;

    private TargetOverrides(Map<String, String> endpoints, Map<String, Map<String, String>> settings,
            OperatorAllows allows) {
        this.endpoints = Map.copyOf(endpoints);
        Map<String, Map<String, String>> copy = new LinkedHashMap<>();
        settings.forEach((target, values) -> copy.put(target, Map.copyOf(values)));
        this.settings = Map.copyOf(copy);
        this.allows = allows;
    }

    /**
     * From the command line.
     *
     * @param endpoints {@code --target-uri NAME=VALUE}, by target name
     * @param settings {@code --target-setting NAME.KEY=VALUE}, each as written
     * @throws IllegalArgumentException a setting not written {@code NAME.KEY=VALUE}
     */
    public static TargetOverrides of(Map<String, String> endpoints, Collection<String> settings) {
        Map<String, Map<String, String>> byTarget = new LinkedHashMap<>();
        for (String written : settings) {
            int eq = written.indexOf('=');
            int dot = eq < 0 ? -1 : written.lastIndexOf('.', eq);
            if (dot <= 0 || dot == eq - 1) {
                throw new IllegalArgumentException("--target-setting " + written
                        + ": expected TARGET.SETTING=VALUE, such as prod.context=admin");
            }
            byTarget.computeIfAbsent(written.substring(0, dot), t -> new LinkedHashMap<>())
                    .put(written.substring(dot + 1, eq), written.substring(eq + 1));
        }
        return new TargetOverrides(endpoints, byTarget, OperatorAllows.NOTHING);
    }

    /** {@code --target-uri target=value}. */
    public static TargetOverrides endpoint(String target, String value) {
        return new TargetOverrides(Map.of(target, value), Map.of(), OperatorAllows.NOTHING);
    }

    /** These overrides, the repository's guarded settings allowed within {@code operatorAllows}. */
    public TargetOverrides allowing(OperatorAllows operatorAllows) {
        return new TargetOverrides(endpoints, settings, operatorAllows);
    }

    /** These overrides and {@code key=value} on {@code target}. */
    public TargetOverrides withSetting(String target, String key, String value) {
        Map<String, Map<String, String>> copy = new LinkedHashMap<>();
        settings.forEach((t, values) -> copy.put(t, new LinkedHashMap<>(values)));
        copy.computeIfAbsent(target, t -> new LinkedHashMap<>()).put(key, value);
        return new TargetOverrides(endpoints, copy, allows);
    }

    public boolean isEmpty() {
        return endpoints.isEmpty() && settings.isEmpty();
    }

    /** Every target an override names must be one the repository declares. */
    public void requireDeclared(Collection<TargetConfig> declared) throws TargetException {
        TreeSet<String> names = new TreeSet<>();
        declared.forEach(t -> names.add(t.name()));
        TreeSet<String> unknown = new TreeSet<>(endpoints.keySet());
        unknown.addAll(settings.keySet());
        unknown.removeAll(names);
        if (!unknown.isEmpty()) {
            throw new TargetException(TargetException.Reason.NOT_FOUND, "overrides name target(s) "
                    + String.join(", ", unknown) + ", which nicsync.yaml does not declare (targets: "
                    + String.join(", ", names) + ")");
        }
    }

    /**
     * {@code config} with its overrides, checked against its plugin's declarations; unchanged when none name it.
     * A target whose kind no plugin opens is returned as it is: opening it says so.
     */
    public TargetConfig applyTo(TargetConfig config, Plugins plugins) throws TargetException {
        String endpoint = endpoints.get(config.name());
        Map<String, String> values = settings.getOrDefault(config.name(), Map.of());
        TargetPlugin plugin = plugins.get(config.kind()).orElse(null);
        if (plugin == null) {
            return config;
        }
        Map<String, String> merged = new LinkedHashMap<>(config.settings());
        Set<String> fromCommandLine = new HashSet<>(values.keySet());
        if (endpoint != null) {
            TargetSetting setting = plugin.endpoint().orElseThrow(() -> refused(config,
                    "--target-uri: " + config.kind() + " targets have no endpoint setting; use --target-setting "
                            + config.name() + ".SETTING=VALUE" + settingsOf(plugin)));
            check(config, plugin, setting, endpoint, "--target-uri " + config.name());
            merged.put(setting.name(), endpoint);
            fromCommandLine.add(setting.name());
        }
        for (Map.Entry<String, String> e : values.entrySet()) {
            String option = "--target-setting " + config.name() + "." + e.getKey();
            TargetSetting setting = plugin.settings().stream().filter(s -> s.name().equals(e.getKey())).findFirst()
                    .orElseThrow(() -> refused(config, option + ": " + config.kind() + " targets have no setting \""
                            + e.getKey() + "\"" + settingsOf(plugin)));
            check(config, plugin, setting, e.getValue(), option);
            merged.put(setting.name(), e.getValue());
        }
        TargetConfig applied = fromCommandLine.isEmpty() ? config
                : new TargetConfig(config.name(), config.kind(), merged);
        allows.check(applied, plugin, fromCommandLine);
        return applied;
    }

    private static void check(TargetConfig config, TargetPlugin plugin, TargetSetting setting, String value,
            String option) throws TargetException {
        JsonNode schema;
        try {
            schema = JSON.readTree(setting.schema());
        } catch (java.io.IOException e) {
            throw new PluginException("plugin " + plugin.kind() + ", setting " + setting.name() + ": " + e.getMessage());
        }
        List<Error> errors = SchemaDialect.registry().getSchema(schema)
                .validate(JSON.getNodeFactory().textNode(value));
        if (!errors.isEmpty()) {
            List<String> messages = new ArrayList<>();
            errors.forEach(err -> messages.add(err.getMessage()));
            throw refused(config, option + "=" + value + ": " + String.join("; ", messages));
        }
    }

    private static String settingsOf(TargetPlugin plugin) {
        List<String> names = plugin.settings().stream().map(TargetSetting::name).toList();
        return " (settings: " + (names.isEmpty() ? "none" : String.join(", ", names)) + ")";
    }

    private static TargetException refused(TargetConfig config, String message) {
        return new TargetException(TargetException.Reason.UNSUPPORTED, "target " + config.name() + ": " + message);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TargetOverrides other && endpoints.equals(other.endpoints) && settings.equals(other.settings)
                && allows.equals(other.allows);
    }

    @Override
    public int hashCode() {
        return Objects.hash(endpoints, settings, allows);
    }

    @Override
    public String toString() {
        return "TargetOverrides" + endpoints + settings + allows;
    }
}

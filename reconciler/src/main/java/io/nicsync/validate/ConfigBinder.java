package io.nicsync.validate;

import com.fasterxml.jackson.databind.JsonNode;
import io.nicsync.spi.TargetConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A {@code Config} document that passed its schema, as a {@link Config}, with policy defaults filled in. */
final class ConfigBinder {
    private ConfigBinder() {
    }

    static Config bind(JsonNode doc) {
        List<TargetConfig> targets = new ArrayList<>();
        doc.get("targets").forEach(t -> targets.add(target(t)));
        return new Config(targets, policy(doc.path("policy")));
    }

    /** {@code name} and {@code kind} are the target's identity; every other key is a plugin setting. */
    private static TargetConfig target(JsonNode target) {
        Map<String, String> settings = new LinkedHashMap<>();
        target.fields().forEachRemaining(e -> {
            if (!e.getKey().equals("name") && !e.getKey().equals("kind")) {
                settings.put(e.getKey(), e.getValue().asText());
            }
        });
        return new TargetConfig(target.get("name").textValue(), target.get("kind").textValue(), settings);
    }

    private static Policy policy(JsonNode policy) {
        Policy d = Policy.defaults();
        return new Policy(
                policy.path("parallelism").asInt(d.parallelism()),
                policy.path("maxFailedVms").asInt(d.maxFailedVms()),
                policy.has("onFailure") ? Policy.OnFailure.valueOf(upper(policy.get("onFailure"))) : d.onFailure(),
                policy.has("stepTimeout") ? Durations.parse(policy.get("stepTimeout").textValue()) : d.stepTimeout(),
                policy.path("allowRestart").asBoolean(d.allowRestart()),
                policy.has("drift") ? Policy.Drift.valueOf(upper(policy.get("drift"))) : d.drift(),
                policy.path("autoApply").asBoolean(d.autoApply()));
    }

    private static String upper(JsonNode value) {
        return value.textValue().toUpperCase(Locale.ROOT);
    }
}

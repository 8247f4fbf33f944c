package io.nicsync.plugin.ganeti;

import com.fasterxml.jackson.databind.JsonNode;
import io.nicsync.spi.MacAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A finished Ganeti job as {@code GET /2/jobs/ID} reports it. Every job nicsync submits holds one opcode, so the
 * first op's status, result and log are the job's.
 *
 * <p>The result of OP_INSTANCE_SET_PARAMS is the list of changes it made, as {@code [key, value]} pairs. A hotplug
 * adds a pair whose value is {@code hotplug:done} or {@code hotplug:failed}, and <em>a failed hotplug does not
 * fail the job</em>: the configuration is changed all the same and the job ends {@code success}, with the reason
 * only in a WARNING line of the op log. So {@link #hotplug()} must be read before a live step is called done.
 *
 * @param error Ganeti's error for a job that ended {@code error}: type, message and error code
 *     ({@code ["OpPrereqError", ["Hotplug is not possible: ...", "wrong_state"]]})
 */
record JobResult(long id, String status, List<Change> changes, List<String> log, Error error) {
    private static final Pattern HOTPLUG = Pattern.compile("hotplug:(done|failed)");
    private static final String WARNING = " - WARNING: ";
    private static final String ADDED = "add:mac=";

    /** One {@code [key, value]} pair of the result, such as {@code ["nic.1", "hotplug:done"]}. */
    record Change(String key, String value) {
    }

    /** @param code Ganeti's error code ({@code wrong_state}, {@code unknown_entity}, ...); null when none */
    record Error(String type, String message, String code) {
        @Override
        public String toString() {
            return message + (code == null ? "" : " (" + type + ", " + code + ")");
        }
    }

    JobResult {
        changes = List.copyOf(changes);
        log = List.copyOf(log);
    }

    static JobResult of(JsonNode job) {
        long id = job.path("id").asLong();
        String status = Json.text(job.get("status"));
        JsonNode result = job.path("opresult").path(0);
        List<Change> changes = new ArrayList<>();
        if (result.isArray()) {
            for (JsonNode pair : result) {
                if (pair.isArray() && pair.size() == 2 && pair.get(0).isTextual()) {
                    changes.add(new Change(pair.get(0).asText(), Json.text(pair.get(1))));
                }
            }
        }
        List<String> log = new ArrayList<>();
        for (JsonNode entry : job.path("oplog").path(0)) {
            // [serial, [seconds, microseconds], "message", text]
            if (entry.isArray() && entry.size() >= 4) {
                log.add(entry.get(3).asText());
            }
        }
        Error error = "error".equals(status) || "canceled".equals(status) ? error(job.path("opresult")) : null;
        return new JobResult(id, status, changes, log, error);
    }

    private static Error error(JsonNode results) {
        for (JsonNode result : results) {
            if (result.isArray() && result.size() == 2 && result.get(0).isTextual()) {
                JsonNode args = result.get(1);
                String message = args.isArray() ? Json.text(args.path(0)) : Json.text(args);
                String code = args.isArray() && args.size() > 1 ? Json.text(args.get(1)) : null;
                return new Error(result.get(0).asText(), message, code);
            }
            if (result.isTextual()) {
                return new Error("error", result.asText(), null);
            }
        }
        return new Error("error", "the job ended without saying why", null);
    }

    boolean succeeded() {
        return "success".equals(status);
    }

    /** {@code done} or {@code failed} when the op tried a hotplug; empty when it did not. */
    Optional<String> hotplug() {
        for (Change c : changes) {
            Matcher m = c.value() == null ? null : HOTPLUG.matcher(c.value());
            if (m != null && m.matches()) {
                return Optional.of(m.group(1));
            }
        }
        return Optional.empty();
    }

    boolean hotplugDone() {
        return hotplug().filter("done"::equals).isPresent();
    }

    /** The op log's warnings, without their prefix; why a hotplug failed is one of them. */
    List<String> warnings() {
        return log.stream().filter(l -> l.startsWith(WARNING)).map(l -> l.substring(WARNING.length())).toList();
    }

    /** What the job's warnings say, for a message; empty when it has none. */
    String warningText() {
        return String.join("; ", warnings());
    }

    /** The MAC of the NIC an add gave: {@code ["nic.2", "add:mac=aa:00:00:71:2f:16,ip=None,..."]}. */
    Optional<MacAddress> addedMac() {
        return changes.stream().map(Change::value).filter(v -> v != null && v.startsWith(ADDED))
                .map(v -> v.substring(ADDED.length()).split(",")[0]).filter(MacAddress::isWellFormed)
                .map(MacAddress::parse).findFirst();
    }
}

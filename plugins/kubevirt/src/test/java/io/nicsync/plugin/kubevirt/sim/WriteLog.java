package io.nicsync.plugin.kubevirt.sim;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Every object the plugin wrote (results of its patches, the migrations it created, the bodies it sent to
 * subresources), each checked against KubeVirt's OpenAPI definitions of the simulated release.
 */
public final class WriteLog {
    /** One write: what was sent where, the definition it must satisfy, and how it does not. */
    public record Write(String method, String path, String definition, JsonNode object, List<String> problems) {
    }

    private final KubevirtSchemas schemas;
    /** A write the server refused, with its status code and message. */
    public record Refusal(String method, String path, int code, String message) {
    }

    private final List<Write> writes = new ArrayList<>();
    private final List<Refusal> refusals = new ArrayList<>();

    WriteLog(KubevirtSchemas schemas) {
        this.schemas = schemas;
    }

    synchronized void record(String method, String path, String definition, JsonNode object) {
        writes.add(new Write(method, path, definition, object, schemas.problems(definition, object)));
    }

    synchronized void refused(String method, String path, int code, String message) {
        refusals.add(new Refusal(method, path, code, message));
    }

    public synchronized List<Refusal> refusals() {
        return List.copyOf(refusals);
    }

    public synchronized List<Write> all() {
        return List.copyOf(writes);
    }

    /** Throws when any write broke its definition, naming each problem. */
    public synchronized void assertAllValid() {
        List<String> broken = writes.stream()
                .filter(w -> !w.problems().isEmpty())
                .map(w -> w.method() + " " + w.path() + " (" + w.definition() + "): " + w.problems())
                .toList();
        if (!broken.isEmpty()) {
            throw new AssertionError("writes that break KubeVirt's OpenAPI definitions:\n" + String.join("\n", broken));
        }
    }
}

package io.nicsync.plugin.ganeti;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Answers of the lab's real cluster, recorded with {@code plugins/ganeti/lab/ganeti.sh rapi} on throwaway instances
 * (rec1: one NIC, then four; rec2: kvm_pci_reservations 31, no slot left; rec3: no OS, never releases a device).
 */
final class Fixtures {
    private Fixtures() {
    }

    static JsonNode json(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/rapi/" + name + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture rapi/" + name + ".json");
            }
            return Json.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The one instance of a recorded query answer. */
    static Instance instance(String name) {
        return Instance.of(json(name).path("data").path(0));
    }

    /** A recorded query answer with the instance's tags replaced. */
    static JsonNode withTags(String name, List<String> tags) {
        JsonNode answer = json(name).deepCopy();
        ArrayNode row = (ArrayNode) answer.path("data").path(0);
        ArrayNode cell = Json.array().add(0);
        ArrayNode values = cell.addArray();
        tags.forEach(values::add);
        row.set(Instance.FIELDS.indexOf("tags"), cell);
        return answer;
    }

    /** A recorded query answer for an instance of another name. */
    static JsonNode renamed(String name, String instance) {
        JsonNode answer = json(name).deepCopy();
        ArrayNode row = (ArrayNode) answer.path("data").path(0);
        row.set(Instance.FIELDS.indexOf("name"), Json.array().add(0).add(instance));
        return answer;
    }

    static Instance instance(JsonNode answer) {
        return Instance.of(answer.path("data").path(0));
    }

    /** A recorded job renumbered, as another submission of the same request would come back. */
    static JsonNode job(String name, long id) {
        ObjectNode job = (ObjectNode) json(name).deepCopy();
        return job.put("id", id);
    }

    static ClusterFacts facts() {
        return ClusterFacts.of(json("info"), json("networks"), json("groups"));
    }
}

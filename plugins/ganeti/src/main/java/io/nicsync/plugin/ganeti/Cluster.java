package io.nicsync.plugin.ganeti;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nicsync.spi.TargetException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The RAPI resources nicsync uses, typed. Reads are plain requests; every change is a job, submitted and followed
 * to its end here, so that callers see only finished jobs.
 */
final class Cluster {
    private final Rapi rapi;
    private final Jobs jobs;
    private final String target;

    Cluster(Rapi rapi, Jobs jobs, String target) {
        this.rapi = rapi;
        this.jobs = jobs;
        this.target = target;
    }

    String target() {
        return target;
    }

    ClusterFacts facts() throws TargetException {
        try {
            return ClusterFacts.of(rapi.get("/2/info"), rapi.get("/2/networks?bulk=1"), rapi.get("/2/groups?bulk=1"));
        } catch (RapiException e) {
            throw Failures.of("target " + target, e);
        }
    }

    /** Every instance, in one request. */
    List<Instance> instances() throws TargetException {
        return query(null);
    }

    /**
     * The instance of exactly this name. Ganeti's own lookups expand a unique short name ({@code web1} for
     * {@code web1.example.org}); nicsync does not, so that one desired VM never stands for two names.
     */
    Optional<Instance> instance(String name) throws TargetException {
        return query(name).stream().filter(i -> name.equals(i.name())).findFirst();
    }

    private List<Instance> query(String name) throws TargetException {
        ObjectNode body = Json.object();
        ArrayNode fields = body.putArray("fields");
        Instance.FIELDS.forEach(fields::add);
        if (name != null) {
            body.putArray("qfilter").add("=").add("name").add(name);
        }
        JsonNode answer;
        try {
            answer = rapi.put("/2/query/instance", body);
        } catch (RapiException e) {
            // a filter on a name Ganeti does not know fails the whole query: HTTP 500, ('Instance name X not
            // found', 'unknown_entity')
            if (name != null && e.status() == 500 && String.valueOf(e.getMessage()).contains("unknown_entity")) {
                return List.of();
            }
            throw Failures.of(name == null ? "target " + target : name, e);
        }
        List<Instance> out = new ArrayList<>();
        for (JsonNode row : answer.path("data")) {
            out.add(Instance.of(row));
        }
        return out;
    }

    /** {@code PUT /2/instances/NAME/modify}: OpInstanceSetParams with {@code body}'s fields. */
    JobResult modify(String instance, JsonNode body, Instant deadline, String what) throws TargetException {
        return run("PUT", "/2/instances/" + encode(instance) + "/modify", body, deadline, what);
    }

    /** A hard reboot: the hypervisor stops the VM and starts it again from Ganeti's configuration. */
    JobResult rebootHard(String instance, long shutdownSeconds, Instant deadline, String what) throws TargetException {
        ObjectNode body = Json.object().put("shutdown_timeout", shutdownSeconds);
        return run("POST", "/2/instances/" + encode(instance) + "/reboot?type=hard", body, deadline, what);
    }

    JobResult startup(String instance, Instant deadline, String what) throws TargetException {
        return run("PUT", "/2/instances/" + encode(instance) + "/startup", Json.object(), deadline, what);
    }

    JobResult addTags(String instance, Collection<String> tags, Instant deadline, String what)
            throws TargetException {
        return run("PUT", "/2/instances/" + encode(instance) + "/tags?" + tagQuery(tags), null, deadline, what);
    }

    JobResult removeTags(String instance, Collection<String> tags, Instant deadline, String what)
            throws TargetException {
        return run("DELETE", "/2/instances/" + encode(instance) + "/tags?" + tagQuery(tags), null, deadline, what);
    }

    /** OpTagsSet as a dry run: checks that the user may change the instance, and changes nothing. */
    JobResult tagDryRun(String instance, Instant deadline, String what) throws TargetException {
        return run("PUT", "/2/instances/" + encode(instance) + "/tags?tag=" + encode(Ledger.PREFIX + "preflight")
                + "&dry-run=1", null, deadline, what);
    }

    /**
     * The jobs not finished yet that work on {@code instance}: queued, waiting for locks, running or being
     * canceled.
     */
    List<Long> unfinishedJobsOf(String instance) throws TargetException {
        ObjectNode body = Json.object();
        body.putArray("fields").add("id").add("ops");
        ArrayNode or = body.putArray("qfilter").add("|");
        for (String status : List.of("queued", "waiting", "running", "canceling")) {
            or.addArray().add("=").add("status").add(status);
        }
        List<Long> out = new ArrayList<>();
        try {
            for (JsonNode row : rapi.put("/2/query/job", body).path("data")) {
                for (JsonNode op : row.path(1).path(1)) {
                    if (instance.equals(op.path("instance_name").asText())) {
                        out.add(row.path(0).path(1).asLong());
                        break;
                    }
                }
            }
        } catch (RapiException e) {
            throw Failures.of(instance + ": the job list", e);
        }
        return out;
    }

    /** Jobs with an id above {@code after}, with their opcodes: what happened to instances since. */
    JsonNode jobsAfter(long after) throws TargetException {
        ObjectNode body = Json.object();
        body.putArray("fields").add("id").add("status").add("ops");
        body.putArray("qfilter").add(">").add("id").add(after);
        try {
            return rapi.put("/2/query/job", body).path("data");
        } catch (RapiException e) {
            throw Failures.of("target " + target + ": the job list", e);
        }
    }

    private JobResult run(String method, String path, JsonNode body, Instant deadline, String what)
            throws TargetException {
        long id;
        try {
            id = Jobs.id(rapi.call(method, path, body), what);
        } catch (RapiException e) {
            throw Failures.of(what, e);
        }
        return jobs.await(id, deadline, what);
    }

    private static String tagQuery(Collection<String> tags) {
        return String.join("&", tags.stream().map(t -> "tag=" + encode(t)).toList());
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}

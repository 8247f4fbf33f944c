package io.nicsync.plugin.ganeti;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;

/**
 * RAPI behind the seam, for unit tests: answers from recorded fixtures, in the order a test scripts them, and
 * every request kept so that tests can check what the plugin asked Ganeti to do. A request nothing answers fails
 * the test.
 */
final class FakeRapi implements Rapi {
    record Request(String method, String path, JsonNode body) {
        String line() {
            return method + " " + path;
        }
    }

    private record Route(String method, String pathPattern, Deque<Function<Request, JsonNode>> answers) {
        boolean matches(Request r) {
            return r.method().equals(method) && r.path().matches(pathPattern);
        }
    }

    private final List<Route> routes = new ArrayList<>();
    private final List<Request> requests = new ArrayList<>();
    private long nextJob = 1000;
    private JsonNode jobHistory = Json.object().set("data", Json.array());

    /**
     * The job queue: no job of another client is unfinished (the query for queued, waiting or running jobs is a
     * filter of alternatives), and the finished ones are those of {@link #jobHistory}.
     */
    FakeRapi() {
        on("PUT", "/2/query/job", r -> r.body().path("qfilter").path(0).asText().equals("|")
                ? Json.object().set("data", Json.array()) : jobHistory);
    }

    /** The jobs the queue answers with for jobs after an id. */
    FakeRapi jobHistory(JsonNode answer) {
        this.jobHistory = answer;
        return this;
    }

    /** Answers requests matching {@code method} and {@code pathPattern} with these, one each, the last one again. */
    FakeRapi on(String method, String pathPattern, List<Function<Request, JsonNode>> answers) {
        routes.add(new Route(method, pathPattern, new ArrayDeque<>(answers)));
        return this;
    }

    FakeRapi on(String method, String pathPattern, Function<Request, JsonNode> answer) {
        return on(method, pathPattern, List.of(answer));
    }

    FakeRapi answer(String method, String pathPattern, JsonNode... answers) {
        List<Function<Request, JsonNode>> fns = new ArrayList<>();
        for (JsonNode a : answers) {
            fns.add(r -> a);
        }
        return on(method, pathPattern, fns);
    }

    /** The instance query answers these, one per query, the last one again. */
    FakeRapi instances(JsonNode... answers) {
        return answer("PUT", "/2/query/instance", answers);
    }

    /** The instance query answers for the instance it asks for: one of these, or none. */
    FakeRapi instancesByName(java.util.Map<String, JsonNode> answers) {
        return on("PUT", "/2/query/instance", r -> {
            JsonNode known = answers.get(r.body().path("qfilter").path(2).asText());
            return known != null ? known : Json.object().set("data", Json.array());
        });
    }

    /** The answers of a cluster with the lab's networks and groups, for opening a target. */
    FakeRapi facts() {
        return answer("GET", "/2/info", Fixtures.json("info"))
                .answer("GET", "/2/networks\\?bulk=1", Fixtures.json("networks"))
                .answer("GET", "/2/groups\\?bulk=1", Fixtures.json("groups"));
    }

    /** Requests matching submit a job that ends as the recorded one, one per submission, the last one again. */
    FakeRapi jobs(String method, String pathPattern, String... recorded) {
        List<Function<Request, JsonNode>> fns = new ArrayList<>();
        for (String name : recorded) {
            fns.add(r -> {
                long id = nextJob++;
                on("GET", "/2/jobs/" + id, q -> Fixtures.job(name, id));
                return Json.MAPPER.getNodeFactory().numberNode(id);
            });
        }
        return on(method, pathPattern, fns);
    }

    @Override
    public JsonNode call(String method, String path, JsonNode body) throws RapiException {
        Request request = new Request(method, path, body);
        requests.add(request);
        // the latest route added wins, so a test can answer differently from some point on
        for (int i = routes.size() - 1; i >= 0; i--) {
            Route route = routes.get(i);
            if (route.matches(request)) {
                Function<Request, JsonNode> answer = route.answers().size() > 1 ? route.answers().poll()
                        : route.answers().peek();
                return answer.apply(request);
            }
        }
        throw new AssertionError("nothing answers " + request.line() + " " + body);
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    /** The requests that changed something: submissions, not reads or job polls. */
    List<Request> writes() {
        return requests.stream().filter(r -> !r.method().equals("GET") && !r.path().startsWith("/2/query/"))
                .toList();
    }
}

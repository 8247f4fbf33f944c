package io.nicsync.plugin.kubevirt.sim;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Every request the client under test sends to any simulated cluster of this JVM (the simulated controllers'
 * own requests left out), for a listener that checks them as a whole: deploy/'s RBAC rules must allow each
 * and grant nothing more.
 */
public final class RequestTap {
    /** One request: its HTTP method and its path with the query. */
    public record Request(String method, String path) {
    }

    private static final List<Consumer<Request>> LISTENERS = new CopyOnWriteArrayList<>();

    private RequestTap() {
    }

    /** Tells {@code listener} of every request from now until the returned handle is closed. */
    public static AutoCloseable listen(Consumer<Request> listener) {
        LISTENERS.add(listener);
        return () -> LISTENERS.remove(listener);
    }

    static void seen(String method, String path) {
        Request request = new Request(method, path);
        LISTENERS.forEach(listener -> listener.accept(request));
    }
}

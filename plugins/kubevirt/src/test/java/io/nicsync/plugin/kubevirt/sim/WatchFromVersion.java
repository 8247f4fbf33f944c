package io.nicsync.plugin.kubevirt.sim;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.mockwebserver.http.ByteString;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.http.Response;
import io.fabric8.mockwebserver.http.WebSocket;
import io.fabric8.mockwebserver.http.WebSocketListener;
import java.util.List;

/**
 * A WATCH from a resourceVersion as kube-apiserver serves it: only what happened after that version. fabric8's
 * CRUD dispatcher opens every watch with an ADDED event for each object there is; those of objects not changed
 * since the version asked for are left out here (an informer that listed 10,000 objects would otherwise receive
 * them all again). Objects deleted since that version are told as DELETED events, which the CRUD dispatcher,
 * keeping no history, would not send.
 */
final class WatchFromVersion extends WebSocketListener {
    private final WebSocketListener events;
    private final long from;
    private final List<String> deletedSince;

    /** @param deletedSince the objects of the watch deleted after {@code from}: told first, as DELETED events */
    WatchFromVersion(WebSocketListener events, long from, List<String> deletedSince) {
        this.events = events;
        this.from = from;
        this.deletedSince = deletedSince;
    }

    @Override
    public void onBeforeAccept(WebSocket socket, Response response) {
        events.onBeforeAccept(socket, response);
    }

    @Override
    public void onOpen(WebSocket socket, Response response) {
        deletedSince.forEach(object -> socket.send("{\"type\":\"DELETED\",\"object\":" + object + "}"));
        events.onOpen(new Since(socket), response);
    }

    @Override
    public void onMessage(WebSocket socket, String text) {
        events.onMessage(socket, text);
    }

    @Override
    public void onMessage(WebSocket socket, ByteString bytes) {
        events.onMessage(socket, bytes);
    }

    @Override
    public void onMessage(WebSocket socket, byte[] bytes) {
        events.onMessage(socket, bytes);
    }

    @Override
    public void onClosing(WebSocket socket, int code, String reason) {
        events.onClosing(socket, code, reason);
    }

    @Override
    public void onClosed(WebSocket socket, int code, String reason) {
        events.onClosed(socket, code, reason);
    }

    @Override
    public void onFailure(WebSocket socket, Throwable failure, Response response) {
        events.onFailure(socket, failure, response);
    }

    /** The socket the events are sent on, leaving out ADDED events of objects at or before the version. */
    private final class Since implements WebSocket {
        private final WebSocket socket;

        Since(WebSocket socket) {
            this.socket = socket;
        }

        @Override
        public RecordedRequest request() {
            return socket.request();
        }

        @Override
        public boolean send(String text) {
            JsonNode event = SimDispatcher.tree(text);
            if ("ADDED".equals(event.path("type").asText())
                    && event.path("object").path("metadata").path("resourceVersion").asLong(Long.MAX_VALUE) <= from) {
                return true;
            }
            return socket.send(text);
        }

        @Override
        public boolean send(byte[] bytes) {
            return socket.send(bytes);
        }

        @Override
        public boolean close(int code, String reason) {
            return socket.close(code, reason);
        }
    }
}

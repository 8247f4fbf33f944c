package io.nicsync.serve;

import java.time.Duration;

/**
 * The JDK HTTP server's own bounds, which it reads once per process from system properties when the first server
 * starts: set here to nicsync's values unless the operator set them ({@code JAVA_TOOL_OPTIONS=-D...}). They back up
 * {@link Exchanges}' deadline for what happens before a request reaches a thread: a connection that sends nothing is
 * closed after {@code maxReqTime}, there are at most {@code maxConnections} at once, and headers are bounded in
 * number and size.
 */
final class JdkHttpLimits {
    static final int MAX_CONNECTIONS = 256;
    static final int MAX_HEADERS = 64;
    static final int MAX_HEADER_BYTES = 64 * 1024;
    /** How long a response may take to write: ours are small, a client that does not read them is let go. */
    static final Duration MAX_RESPONSE_TIME = Duration.ofSeconds(30);

    private JdkHttpLimits() {
    }

    /** Before the first server of the process is created. */
    static synchronized void apply(Duration requestTimeout) {
        long seconds = Math.max(1, (requestTimeout.toMillis() + 999) / 1000);
        setIfAbsent("jdk.httpserver.maxConnections", MAX_CONNECTIONS);
        setIfAbsent("sun.net.httpserver.maxReqHeaders", MAX_HEADERS);
        setIfAbsent("sun.net.httpserver.maxReqHeaderSize", MAX_HEADER_BYTES);
        setIfAbsent("sun.net.httpserver.maxReqTime", seconds);
        setIfAbsent("sun.net.httpserver.maxRspTime", MAX_RESPONSE_TIME.toSeconds());
    }

    private static void setIfAbsent(String property, long value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, String.valueOf(value));
        }
    }
}

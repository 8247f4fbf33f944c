package io.nicsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class EventLogTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T21:12:00.123Z"), ZoneOffset.UTC);
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private EventLog log(EventLog.Format format) {
        return new EventLog(format, CLOCK, new PrintWriter(out), new PrintWriter(err));
    }

    @AfterEach
    void quiet() {
        EventLog.quietLibraries();
    }

    @Test
    void everyLineIsAnEventWithItsTimeAndLevel() {
        EventLog log = log(EventLog.Format.TEXT);
        log.info("Serving on 127.0.0.1:8080");
        log.infoWriter().print("# lab/web-01\n  + add red\n\n");
        PrintWriter problems = log.problemWriter();
        problems.println("nicsync: warning: the lease was lost");
        problems.println("lab/web-01.yaml:3:5: error: unknown key");
        problems.println("nicsync: error: target lab: unreachable");

        assertThat(out.toString().lines()).containsExactly(
                "2026-12-02T21:12:00.123Z INFO  Serving on 127.0.0.1:8080",
                "2026-12-02T21:12:00.123Z INFO  # lab/web-01",
                "2026-12-02T21:12:00.123Z INFO    + add red");
        assertThat(err.toString().lines()).containsExactly(
                "2026-12-02T21:12:00.123Z WARN  the lease was lost",
                "2026-12-02T21:12:00.123Z ERROR lab/web-01.yaml:3:5: error: unknown key",
                "2026-12-02T21:12:00.123Z ERROR target lab: unreachable");
    }

    @Test
    void asJsonEachLineIsAnObject() throws Exception {
        EventLog log = log(EventLog.Format.JSON);
        log.infoWriter().println("Reconcile: \"applied\"");
        log.problemWriter().println("nicsync: warning: slow");

        JsonNode info = new ObjectMapper().readTree(out.toString());
        assertThat(info.path("time").asText()).isEqualTo("2026-12-02T21:12:00.123Z");
        assertThat(info.path("level").asText()).isEqualTo("info");
        assertThat(info.path("msg").asText()).isEqualTo("Reconcile: \"applied\"");
        assertThat(new ObjectMapper().readTree(err.toString()).path("level").asText()).isEqualTo("warn");
    }

    @Test
    void theLibrariesWarningsAreKeptAndTheirChatterIsNot() {
        EventLog log = log(EventLog.Format.TEXT);
        log.keepLibraryWarnings();
        // fabric8 and jgit log through SLF4J, which the distribution binds to java.util.logging
        LoggerFactory.getLogger("io.fabric8.kubernetes.client.Watcher").warn("watch closed: {}", "410 Gone");
        LoggerFactory.getLogger("org.eclipse.jgit.transport").info("negotiating");
        LoggerFactory.getLogger("org.eclipse.jgit.transport").error("pack corrupt", new IllegalStateException("x"));

        List<String> lines = err.toString().lines().toList();
        assertThat(lines).containsExactly(
                "2026-12-02T21:12:00.123Z WARN  [io.fabric8.kubernetes.client.Watcher] watch closed: 410 Gone",
                "2026-12-02T21:12:00.123Z ERROR [org.eclipse.jgit.transport] pack corrupt: "
                        + "java.lang.IllegalStateException: x");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void aLibrarysMessageOfSeveralLinesIsOneEvent() {
        EventLog log = log(EventLog.Format.TEXT);
        log.keepLibraryWarnings();
        // as jgit quotes the output of a git command it ran
        LoggerFactory.getLogger("org.eclipse.jgit.util.FS").warn("error message 'fatal: bad config line 1\n'\n");

        assertThat(err.toString()).isEqualTo("2026-12-02T21:12:00.123Z WARN  [org.eclipse.jgit.util.FS] error message"
                + " 'fatal: bad config line 1 '\n");
    }

    @Test
    void withoutALogTheLibrariesSayNothing() {
        EventLog.quietLibraries();
        java.util.logging.Logger.getLogger("io.fabric8").warning("unheard");
        assertThat(java.util.logging.Logger.getLogger("").getHandlers()).isEmpty();
    }
}

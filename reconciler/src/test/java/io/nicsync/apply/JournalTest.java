package io.nicsync.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nicsync.apply.JournalEvent.Kind;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {
    @TempDir
    Path dir;

    static JournalEvent event(Kind kind, int step) {
        return new JournalEvent(Instant.parse("2026-11-22T10:00:00Z"), kind, "lab/web-01", step, null);
    }

    @Test
    void aRunWithoutItsFinishLineIsInterruptedAndSaysWhichStepsMayHaveTakenEffect() throws Exception {
        try (Journal j = Journal.create(dir, "run-1", "{\"plan\":1}".getBytes(StandardCharsets.UTF_8))) {
            j.record(event(Kind.RUN_STARTED, -1));
            j.record(event(Kind.STEP_STARTED, 0));
            j.record(event(Kind.STEP_DONE, 0));
            j.record(event(Kind.STEP_STARTED, 1));
            j.record(event(Kind.STEP_DONE, 1));
            j.record(event(Kind.STEP_STARTED, 2));
        }
        try (Journal j = Journal.create(dir, "run-2", new byte[0])) {
            j.record(event(Kind.RUN_STARTED, -1));
            j.record(event(Kind.RUN_FINISHED, -1));
        }

        var runs = JournalReader.interrupted(dir);

        assertThat(runs).extracting(InterruptedRun::runId).containsExactly("run-1");
        InterruptedRun run = runs.getFirst();
        assertThat(run.done()).containsExactly(0, 1);
        assertThat(run.possiblyApplied()).containsExactly(0, 1, 2);
        assertThat(Files.readString(run.plan())).isEqualTo("{\"plan\":1}");
    }

    @Test
    void undoneStepsNoLongerCountAndATornLastLineIsIgnored() throws Exception {
        try (Journal j = Journal.create(dir, "run-1", new byte[0])) {
            j.record(event(Kind.STEP_STARTED, 0));
            j.record(event(Kind.STEP_DONE, 0));
            j.record(event(Kind.STEP_STARTED, 1));
            j.record(event(Kind.STEP_FAILED, 1));
            j.record(event(Kind.STEP_UNDONE, 1));
            j.record(event(Kind.UNDO_STARTED, 0));
        }
        Files.writeString(dir.resolve("run-1.jsonl"), "{\"at\":\"2026-11-22T1", StandardOpenOption.APPEND);

        InterruptedRun run = JournalReader.interrupted(dir).getFirst();

        assertThat(run.events()).hasSize(6);
        assertThat(run.possiblyApplied()).containsExactly(0);
        assertThat(run.done()).containsExactly(0);
    }

    @Test
    void aLineCutInsideAMultiByteCharacterIsSkippedAndTheLinesAfterItAreRead() throws Exception {
        try (Journal j = Journal.create(dir, "run-1", new byte[0])) {
            j.record(event(Kind.STEP_STARTED, 0));
        }
        byte[] torn = "{\"at\":\"2026-11-22T10:00:00Z\",\"event\":\"step-failed\",\"detail\":\"caf\u00e9\"}"
                .getBytes(StandardCharsets.UTF_8);
        Files.write(dir.resolve("run-1.jsonl"), Arrays.copyOf(torn, torn.length - 3), StandardOpenOption.APPEND);
        Files.write(dir.resolve("run-1.jsonl"), "\n".getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);
        try (Journal j = Journal.reopen(dir.resolve("run-1.jsonl"))) {
            assertThat(j.repaired()).isEmpty(); // the torn line has its newline: it is only skipped
            j.record(event(Kind.RUN_FINISHED, -1));
        }

        JournalReader.Lines lines = JournalReader.lines(dir.resolve("run-1.jsonl"));

        assertThat(lines.events()).extracting(JournalEvent::kind).containsExactly(Kind.STEP_STARTED, Kind.RUN_FINISHED);
        assertThat(lines.unreadable()).isEqualTo(1);
        assertThat(JournalReader.interrupted(dir)).isEmpty();
    }

    @Test
    void reopeningCutsATornLastLineBackToTheLastNewlineAndSaysSo() throws Exception {
        try (Journal j = Journal.create(dir, "run-1", new byte[0])) {
            j.record(event(Kind.STEP_STARTED, 0));
        }
        String whole = Files.readString(dir.resolve("run-1.jsonl"));
        Files.writeString(dir.resolve("run-1.jsonl"), "{\"at\":\"2026-11-22T1", StandardOpenOption.APPEND);

        try (Journal j = Journal.reopen(dir.resolve("run-1.jsonl"))) {
            assertThat(j.repaired()).hasValueSatisfying(m -> assertThat(m).contains("cut a torn last line of 19 byte(s)"));
            j.record(event(Kind.RUN_FINISHED, -1));
        }

        assertThat(Files.readString(dir.resolve("run-1.jsonl"))).startsWith(whole)
                .doesNotContain("2026-11-22T1{").endsWith("\"event\":\"run-finished\",\"vm\":\"lab/web-01\"}\n");
        assertThat(JournalReader.interrupted(dir)).isEmpty();
    }

    @Test
    void journalsAndTheirPlansAreTheOwnersAlone() throws Exception {
        try (Journal j = Journal.create(dir.resolve("journal"), "run-1", new byte[] {'{', '}'})) {
            j.record(event(Kind.RUN_STARTED, -1));
        }

        assertThat(Files.getPosixFilePermissions(dir.resolve("journal/run-1.jsonl")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.getPosixFilePermissions(dir.resolve("journal/run-1.plan.json")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.getPosixFilePermissions(dir.resolve("journal")))
                .isEqualTo(PosixFilePermissions.fromString("rwx------"));
    }

    @Test
    void aShortWriteIsWrittenOnAndAWriteWithoutProgressFailsLoudly() throws Exception {
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        WritableByteChannel threeAtATime = new WritableByteChannel() {
            @Override
            public int write(ByteBuffer src) {
                int n = Math.min(3, src.remaining());
                for (int i = 0; i < n; i++) {
                    written.write(src.get());
                }
                return n;
            }

            @Override
            public boolean isOpen() {
                return true;
            }

            @Override
            public void close() {
            }
        };
        StateFiles.appendFully(threeAtATime, ByteBuffer.wrap("a whole line\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(written.toString(StandardCharsets.UTF_8)).isEqualTo("a whole line\n");

        WritableByteChannel stuck = new WritableByteChannel() {
            @Override
            public int write(ByteBuffer src) {
                return 0;
            }

            @Override
            public boolean isOpen() {
                return true;
            }

            @Override
            public void close() {
            }
        };
        assertThatThrownBy(() -> StateFiles.appendFully(stuck,
                ByteBuffer.wrap(new byte[] {1, 2}))).isInstanceOf(IOException.class)
                .hasMessageContaining("no progress writing 2 byte(s)");
    }

    @Test
    void aJournalWhoseWriteFailedRefusesEveryLaterLine() throws Exception {
        Journal j = Journal.create(dir, "run-1", new byte[0]);
        j.close(); // the next write fails as a full disk would: the channel takes nothing more

        assertThatThrownBy(() -> j.record(event(Kind.STEP_STARTED, 0)))
                .isInstanceOf(IOException.class).hasMessageContaining("cannot write journal");
        assertThatThrownBy(() -> j.record(event(Kind.STEP_DONE, 0)))
                .isInstanceOf(IOException.class).hasMessageContaining("is broken since a write failed");
    }
}

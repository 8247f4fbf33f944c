package io.nicsync.apply;

import static org.assertj.core.api.Assertions.assertThat;

import io.nicsync.apply.JournalEvent.Kind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
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
}

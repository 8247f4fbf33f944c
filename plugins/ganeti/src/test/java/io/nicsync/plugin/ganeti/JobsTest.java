package io.nicsync.plugin.ganeti;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.nicsync.spi.TargetException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class JobsTest {
    private final FakeTime time = new FakeTime();

    @Test
    void followsAJobThroughQueuedAndRunningToItsEnd() throws Exception {
        JsonNode queued = Json.object().put("id", 7).put("status", "queued");
        JsonNode running = Json.object().put("id", 7).put("status", "running");
        FakeRapi rapi = new FakeRapi().answer("GET", "/2/jobs/7", queued, running, running,
                Fixtures.job("job-add-hotplug-done", 7));

        JobResult job = new Jobs(rapi, time, time).await(7, time.instant().plusSeconds(30), "vm/nic");

        assertThat(job.hotplugDone()).isTrue();
        assertThat(rapi.requests()).hasSize(4);
        assertThat(time.slept()).isEqualTo(Duration.ofMillis(100 + 200 + 400));
    }

    @Test
    void aJobStillRunningAtTheDeadlineIsATimeoutNamingTheJob() {
        FakeRapi rapi = new FakeRapi().answer("GET", "/2/jobs/7", Json.object().put("id", 7).put("status", "running"));

        assertThatThrownBy(() -> new Jobs(rapi, time, time).await(7, time.instant().plusSeconds(5), "vm/nic"))
                .isInstanceOf(TargetException.class)
                .hasMessage("vm/nic: Ganeti job 7 is still running at the step's deadline; it goes on in Ganeti"
                        + " (gnt-job info 7)")
                .extracting(e -> ((TargetException) e).reason()).isEqualTo(TargetException.Reason.TIMEOUT);
        assertThat(time.slept()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void aSubmissionIsAnsweredWithAJobId() throws Exception {
        assertThat(Jobs.id(Json.MAPPER.readTree("8"), "x")).isEqualTo(8);
        assertThatThrownBy(() -> Jobs.id(Json.MAPPER.readTree("{\"a\": 1}"), "vm"))
                .hasMessageContaining("instead of a job id");
    }
}

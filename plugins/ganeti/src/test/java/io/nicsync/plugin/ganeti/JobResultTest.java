package io.nicsync.plugin.ganeti;

import static org.assertj.core.api.Assertions.assertThat;

import io.nicsync.spi.MacAddress;
import org.junit.jupiter.api.Test;

/** Ganeti's job results, as the lab's cluster returned them. */
class JobResultTest {

    @Test
    void aHotAddThatWorkedSaysDone() {
        JobResult job = JobResult.of(Fixtures.json("job-add-hotplug-done"));

        assertThat(job.succeeded()).isTrue();
        assertThat(job.hotplug()).contains("done");
        assertThat(job.addedMac()).contains(MacAddress.parse("aa:00:00:ae:02:5c"));
        assertThat(job.warnings()).isEmpty();
    }

    @Test
    void aHotAddWithoutAFreeSlotIsASuccessfulJobWhoseHotplugFailed() {
        JobResult job = JobResult.of(Fixtures.json("job-add-no-slot"));

        assertThat(job.succeeded()).isTrue();
        assertThat(job.hotplugDone()).isFalse();
        assertThat(job.hotplug()).contains("failed");
        assertThat(job.warningText()).isEqualTo("Could not hotplug device: Error while executing backend function:"
                + " All slots occupied");
    }

    @Test
    void anUnplugTheGuestIgnoredIsASuccessfulJobWhoseHotplugFailed() {
        JobResult job = JobResult.of(Fixtures.json("job-remove-not-released"));

        assertThat(job.succeeded()).isTrue();
        assertThat(job.hotplug()).contains("failed");
        assertThat(job.warningText()).contains("should have been removed but is still there");
    }

    @Test
    void aModifyOfTheLinkHotplugsUnderItsOwnKey() {
        JobResult job = JobResult.of(Fixtures.json("job-modify-link-done"));

        assertThat(job.changes()).extracting(JobResult.Change::key).contains("nic.link/1", "nic/1");
        assertThat(job.hotplug()).contains("done");
    }

    @Test
    void aChangeWithoutHotplugHasNoHotplugOutcome() {
        assertThat(JobResult.of(Fixtures.json("job-add-config-only")).hotplug()).isEmpty();
        assertThat(JobResult.of(Fixtures.json("job-reboot-hard")).hotplug()).isEmpty();
    }

    @Test
    void aFailedJobCarriesGanetisMessageAndCode() {
        JobResult job = JobResult.of(Fixtures.json("job-error-hotplug-stopped"));

        assertThat(job.succeeded()).isFalse();
        assertThat(job.error().type()).isEqualTo("OpPrereqError");
        assertThat(job.error().code()).isEqualTo("wrong_state");
        assertThat(job.error().message()).startsWith("Hotplug is not possible").contains("Instance is probably down");
        assertThat(Failures.reason(job.error())).isEqualTo(io.nicsync.spi.TargetException.Reason.UNSUPPORTED);
    }

    @Test
    void errorCodesBecomeReasons() {
        assertThat(Failures.reason(JobResult.of(Fixtures.json("job-error-missing-bridge")).error()))
                .isEqualTo(io.nicsync.spi.TargetException.Reason.NOT_FOUND);
        assertThat(Failures.reason(JobResult.of(Fixtures.json("job-error-unknown-nic")).error()))
                .isEqualTo(io.nicsync.spi.TargetException.Reason.NOT_FOUND);
    }
}

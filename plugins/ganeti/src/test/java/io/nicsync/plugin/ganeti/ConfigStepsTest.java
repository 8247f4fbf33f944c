package io.nicsync.plugin.ganeti;

import static io.nicsync.plugin.ganeti.Targets.REC1;
import static io.nicsync.plugin.ganeti.Targets.bridged;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nicsync.spi.AddNic;
import io.nicsync.spi.LinkState;
import io.nicsync.spi.PersistNic;
import io.nicsync.spi.RestartRequired;
import io.nicsync.spi.SetLink;
import io.nicsync.spi.TargetException;
import io.nicsync.spi.UnpersistNic;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Configuration-only steps, restarts, and the ledger they keep. */
class ConfigStepsTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String MODIFY = "/2/instances/rec1\\.ganeti\\.test/modify";
    private static final String TAGS = "/2/instances/rec1\\.ganeti\\.test/tags\\?.*";
    private final FakeTime time = new FakeTime();

    @Test
    void onAStoppedInstanceAPersistIsAConfigurationChangeAndNothingElse() throws Exception {
        FakeRapi rapi = new FakeRapi().instances(Fixtures.json("instance-stopped"))
                .jobs("PUT", MODIFY, "job-add-config-only");

        Targets.over(rapi, time).execute(new PersistNic(REC1, bridged("later", "gnt-br1"), null, "test"), TIMEOUT);

        assertThat(rapi.writes()).singleElement().satisfies(w -> assertThat(w.body().path("hotplug").asBoolean())
                .isFalse());
    }

    @Test
    void onARunningInstanceAPersistRecordsThatTheVmLacksTheNic() throws Exception {
        FakeRapi rapi = new FakeRapi().instances(Fixtures.json("instance-running"), Fixtures.json("instance-four-nics"))
                .jobs("PUT", MODIFY, "job-add-config-only")
                .jobs("PUT", TAGS, "job-reboot-hard");
        String later = Fixtures.instance("instance-four-nics").nics().get(3).uuid();

        Targets.over(rapi, time).execute(new PersistNic(REC1, bridged("later", "gnt-br1"), null, "test"), TIMEOUT);

        assertThat(rapi.writes()).hasSize(2);
        assertThat(rapi.writes().get(1).path()).isEqualTo("/2/instances/rec1.ganeti.test/tags?tag=nicsync%3Avm-lacks%3A"
                + "1000%3A" + later);
    }

    @Test
    void afterThatTheNicIsObservedAsNotPluggedAndAnAddReplugsIt() throws Exception {
        String later = Fixtures.instance("instance-four-nics").nics().get(3).uuid();
        var tagged = Fixtures.withTags("instance-four-nics", List.of("nicsync:vm-lacks:48:" + later));
        FakeRapi rapi = new FakeRapi().instances(tagged)
                .jobs("PUT", MODIFY, "job-remove-no-runtime-record", "job-add-hotplug-done")
                .jobs("DELETE", TAGS, "job-reboot-hard");
        GanetiTarget target = Targets.over(rapi, time);

        assertThat(target.observe(REC1).nic("later").orElseThrow().plugged()).isFalse();
        target.execute(new AddNic(REC1, bridged("later", "gnt-br1"), "test"), TIMEOUT);

        var writes = rapi.writes();
        assertThat(writes).extracting(w -> w.method() + " " + w.body()).containsExactly(
                "PUT {\"nics\":[[\"remove\",\"" + later + "\",{}]],\"hotplug\":true}",
                "PUT {\"nics\":[[\"add\",\"-1\",{\"name\":\"later\",\"mac\":\"aa:00:00:94:ce:ef\",\"mode\":\"bridged\","
                        + "\"link\":\"gnt-br1\",\"vlan\":\"\"}]],\"hotplug\":true}",
                "DELETE null");
        assertThat(writes.get(2).path()).endsWith("tag=nicsync%3Avm-lacks%3A48%3A" + later);
    }

    @Test
    void aConfigurationOnlyChangeOfAPluggedNicRecordsTheDeviceAsTheVmStillHasIt() throws Exception {
        FakeRapi rapi = new FakeRapi().instances(Fixtures.json("instance-four-nics"))
                .jobs("PUT", MODIFY, "job-modify-link-done")
                .jobs("PUT", TAGS, "job-reboot-hard");
        ConfigNic extra = Fixtures.instance("instance-four-nics").nics().get(1);

        Targets.over(rapi, time).execute(new PersistNic(REC1, bridged("extra", "gnt-br1"),
                bridged("extra", "gnt-br0"), "test"), TIMEOUT);

        assertThat(rapi.writes().get(0).body().toString()).isEqualTo("{\"nics\":[[\"modify\",\"" + extra.uuid()
                + "\",{\"mode\":\"bridged\",\"link\":\"gnt-br1\",\"vlan\":\"\"}]],\"hotplug\":false}");
        assertThat(rapi.writes().get(1).path()).endsWith("tag=nicsync%3Avm-has%3A1000%3Ab37b5b57%3Aaa0000ae025c%3Aextra"
                + "%3Abridge%2Fgnt-br0");
    }

    @Test
    void aPersistOfWhatTheConfigurationHasChangesNothing() throws Exception {
        FakeRapi rapi = new FakeRapi().instances(Fixtures.json("instance-four-nics"));

        Targets.over(rapi, time).execute(new PersistNic(REC1, bridged("extra", "gnt-br0"), null, "test"), TIMEOUT);

        assertThat(rapi.writes()).isEmpty();
    }

    @Test
    void anUnpersistOnARunningInstanceRecordsTheDeviceTheVmKeeps() throws Exception {
        FakeRapi rapi = new FakeRapi().instances(Fixtures.json("instance-four-nics"))
                .jobs("PUT", MODIFY, "job-remove-hotplug-done")
                .jobs("PUT", TAGS, "job-reboot-hard");

        Targets.over(rapi, time).execute(new UnpersistNic(REC1, bridged("extra", "gnt-br0"), "test"), TIMEOUT);

        assertThat(rapi.writes().get(0).body().path("hotplug").asBoolean()).isFalse();
        assertThat(rapi.writes().get(1).path()).endsWith("tag=nicsync%3Avm-has%3A1000%3Ab37b5b57%3Aaa0000ae025c%3Aextra"
                + "%3Abridge%2Fgnt-br0");
    }

    @Test
    void aRestartIsAHardRebootAndEndsTheLedger() throws Exception {
        String later = Fixtures.instance("instance-four-nics").nics().get(3).uuid();
        FakeRapi rapi = new FakeRapi()
                .instances(Fixtures.withTags("instance-four-nics", List.of("nicsync:vm-lacks:48:" + later)))
                .jobs("POST", "/2/instances/rec1\\.ganeti\\.test/reboot\\?type=hard", "job-reboot-hard")
                .jobs("DELETE", TAGS, "job-reboot-hard");

        Targets.over(rapi, time).execute(new RestartRequired(REC1, List.of(), "test"), TIMEOUT);

        assertThat(rapi.writes()).extracting(FakeRapi.Request::method).containsExactly("POST", "DELETE");
        assertThat(rapi.writes().get(0).body().toString()).isEqualTo("{\"shutdown_timeout\":30}");
    }

    @Test
    void entriesARestartEndedAreRemovedBeforeTheNextStep() throws Exception {
        // rec1 was shut down in job 55: an entry of job 48 is over
        String later = Fixtures.instance("instance-four-nics").nics().get(3).uuid();
        FakeRapi rapi = new FakeRapi()
                .instances(Fixtures.withTags("instance-four-nics", List.of("nicsync:vm-lacks:48:" + later)))
                .jobHistory(Fixtures.json("jobs-rec1"))
                .jobs("DELETE", TAGS, "job-reboot-hard")
                .jobs("PUT", MODIFY, "job-add-hotplug-done");
        GanetiTarget target = Targets.over(rapi, time);

        assertThat(target.observe(REC1).nic("later").orElseThrow().plugged()).isTrue();
        target.execute(new AddNic(REC1, bridged("fresh", "gnt-br1"), "test"), TIMEOUT);

        assertThat(rapi.writes()).extracting(FakeRapi.Request::method).containsExactly("DELETE", "PUT");
    }

    @Test
    void ganetiHasNoLinkState() throws Exception {
        FakeRapi rapi = new FakeRapi().instances(Fixtures.json("instance-four-nics"));

        assertThatThrownBy(() -> Targets.over(rapi, time).execute(new SetLink(REC1, bridged("extra", "gnt-br0"),
                LinkState.UP, LinkState.DOWN, true, "test"), TIMEOUT))
                .extracting(e -> ((TargetException) e).reason()).isEqualTo(TargetException.Reason.UNSUPPORTED);
        assertThat(rapi.writes()).isEmpty();
    }
}

package io.nicsync.plugin.ganeti;

import static io.nicsync.plugin.ganeti.Targets.REC1;
import static io.nicsync.plugin.ganeti.Targets.bridged;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nicsync.spi.AddNic;
import io.nicsync.spi.NetworkRef;
import io.nicsync.spi.RepointNic;
import io.nicsync.spi.TargetException;
import io.nicsync.spi.TargetException.Reason;
import io.nicsync.spi.UnplugNic;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The live steps against recorded answers of the lab's cluster: what the plugin asks Ganeti for, and what it
 * makes of Ganeti's answer, above all of a hotplug that failed inside a successful job.
 */
class HotplugStepsTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String MODIFY = "/2/instances/rec1\\.ganeti\\.test/modify";
    private final FakeTime time = new FakeTime();

    @Test
    void aHotAddIsOneJobWithHotplugAndStringIdentifiers() throws Exception {
        FakeRapi rapi = new FakeRapi().instances(Fixtures.json("instance-running"))
                .jobs("PUT", MODIFY, "job-add-hotplug-done");

        Targets.over(rapi, time).execute(new AddNic(REC1, bridged("extra", "gnt-br1"), "test"), TIMEOUT);

        assertThat(rapi.writes()).singleElement().satisfies(w -> assertThat(w.body().toString()).isEqualTo(
                "{\"nics\":[[\"add\",\"-1\",{\"name\":\"extra\",\"mode\":\"bridged\",\"link\":\"gnt-br1\","
                        + "\"vlan\":\"\"}]],\"hotplug\":true}"));
    }

    @Test
    void aHotAddWithoutAFreeSlotFailsWithGanetisReasonAndTakesTheNicOutOfTheConfigurationAgain() throws Exception {
        // Ganeti answered this hot-add with a successful job and hotplug:failed, having added the NIC to the
        // configuration; the instance read afterwards holds it
        FakeRapi rapi = new FakeRapi().instances(Fixtures.json("instance-running"), Fixtures.json("instance-four-nics"))
                .jobs("PUT", MODIFY, "job-add-no-slot", "job-remove-hotplug-done");
        String extraUuid = Fixtures.instance("instance-four-nics").nics().get(1).uuid();

        assertThatThrownBy(() -> Targets.over(rapi, time)
                .execute(new AddNic(REC1, bridged("extra", "gnt-br1"), "test"), TIMEOUT))
                .isInstanceOf(TargetException.class)
                .hasMessageContaining("rec1.ganeti.test/extra: Ganeti could not hotplug the NIC")
                .hasMessageContaining("hotplug:failed): Could not hotplug device: Error while executing backend"
                        + " function: All slots occupied")
                .hasMessageEndingWith("nicsync removed it from the configuration again, so nothing changed")
                .extracting(e -> ((TargetException) e).reason()).isEqualTo(Reason.NO_CAPACITY);
        assertThat(rapi.writes()).hasSize(2);
        assertThat(rapi.writes().get(1).body().toString())
                .isEqualTo("{\"nics\":[[\"remove\",\"" + extraUuid + "\",{}]],\"hotplug\":false}");
    }

    @Test
    void aHotAddIntoAStoppedInstanceIsRefusedBeforeGanetiIsAsked() throws Exception {
        FakeRapi rapi = new FakeRapi().instances(Fixtures.json("instance-stopped"));

        assertThatThrownBy(() -> Targets.over(rapi, time)
                .execute(new AddNic(REC1, bridged("extra", "gnt-br1"), "test"), TIMEOUT))
                .hasMessageContaining("the instance is not running")
                .extracting(e -> ((TargetException) e).reason()).isEqualTo(Reason.UNSUPPORTED);
        assertThat(rapi.writes()).isEmpty();
    }

    @Test
    void anUnplugTheGuestDoesNotAcknowledgeFailsAndPutsTheNicBackIntoTheConfiguration() throws Exception {
        FakeRapi rapi = new FakeRapi().instances(Fixtures.json("instance-four-nics"))
                .jobs("PUT", MODIFY, "job-remove-not-released", "job-add-config-only")
                .jobs("PUT", "/2/instances/rec1\\.ganeti\\.test/tags\\?.*", "job-reboot-hard");
        ConfigNic extra = Fixtures.instance("instance-four-nics").nics().get(1);

        assertThatThrownBy(() -> Targets.over(rapi, time)
                .execute(new UnplugNic(REC1, bridged("extra", "gnt-br0"), "test"), TIMEOUT))
                .hasMessageStartingWith("rec1.ganeti.test/extra: the guest did not release the device (Could not"
                        + " hotplug device: Error while executing backend function: Device nic-15bc287b-b98e-49bc"
                        + " should have been removed but is still there)")
                .hasMessageContaining("nicsync put the NIC back into the configuration")
                .extracting(e -> ((TargetException) e).reason()).isEqualTo(Reason.NOT_RELEASED);
        var writes = rapi.writes();
        assertThat(writes).hasSize(3);
        assertThat(writes.get(0).body().toString())
                .isEqualTo("{\"nics\":[[\"remove\",\"" + extra.uuid() + "\",{}]],\"hotplug\":true}");
        assertThat(writes.get(1).body().toString()).isEqualTo("{\"nics\":[[\"add\",\"-1\",{\"name\":\"extra\","
                + "\"mac\":\"aa:00:00:ae:02:5c\",\"mode\":\"bridged\",\"link\":\"gnt-br0\",\"vlan\":\"\"}]],"
                + "\"hotplug\":false}");
        // the first job was 1000: the device stays, known to Ganeti's runtime record as the old UUID
        assertThat(writes.get(2).path()).isEqualTo("/2/instances/rec1.ganeti.test/tags?tag="
                + "nicsync%3Avm-has%3A1000%3Ab37b5b57%3Aaa0000ae025c%3Aextra%3Abridge%2Fgnt-br0");
    }

    @Test
    void anUnplugOfANicTheVmNeverHadIsDone() throws Exception {
        FakeRapi rapi = new FakeRapi().instances(Fixtures.json("instance-four-nics"))
                .jobs("PUT", MODIFY, "job-remove-no-runtime-record");

        Targets.over(rapi, time).execute(new UnplugNic(REC1, bridged("later", "gnt-br1"), "test"), TIMEOUT);

        assertThat(rapi.writes()).hasSize(1);
    }

    @Test
    void aRepointIsAHotModifyOfTheLink() throws Exception {
        FakeRapi rapi = new FakeRapi().instances(Fixtures.json("instance-four-nics"))
                .jobs("PUT", MODIFY, "job-modify-link-done");
        ConfigNic extra = Fixtures.instance("instance-four-nics").nics().get(1);

        Targets.over(rapi, time).execute(new RepointNic(REC1, bridged("extra", "gnt-br0"),
                NetworkRef.named("bridge", "gnt-br0"), NetworkRef.named("bridge", "gnt-br1"), "test"), TIMEOUT);

        assertThat(rapi.writes()).singleElement().satisfies(w -> assertThat(w.body().toString()).isEqualTo(
                "{\"nics\":[[\"modify\",\"" + extra.uuid() + "\",{\"mode\":\"bridged\",\"link\":\"gnt-br1\","
                        + "\"vlan\":\"\"}]],\"hotplug\":true}"));
    }

    @Test
    void leavingAGanetiNetworkSaysSo() throws Exception {
        FakeRapi rapi = new FakeRapi().instances(Fixtures.json("instance-four-nics"))
                .jobs("PUT", MODIFY, "job-modify-link-done");

        Targets.over(rapi, time).execute(new RepointNic(REC1, Targets.onNetwork("onnet", "labnet"),
                NetworkRef.named("network", "labnet"), NetworkRef.named("bridge", "gnt-br0"), "test"), TIMEOUT);

        assertThat(rapi.writes().getFirst().body().path("nics").path(0).path(2).toString())
                .isEqualTo("{\"network\":\"none\",\"mode\":\"bridged\",\"link\":\"gnt-br0\",\"vlan\":\"\"}");
    }
}

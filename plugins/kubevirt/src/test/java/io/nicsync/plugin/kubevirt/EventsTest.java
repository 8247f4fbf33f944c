package io.nicsync.plugin.kubevirt;

import static io.nicsync.plugin.kubevirt.Lab.WEB01;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.nicsync.plugin.kubevirt.sim.RequestTap;
import io.nicsync.plugin.kubevirt.sim.SimConfig;
import io.nicsync.spi.Announcement;
import io.nicsync.spi.TargetException;
import io.nicsync.spi.VmRef;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Announcements become core/v1 Events on the VirtualMachine, as the API server stores them: each one read back
 * raw and parsed into Kubernetes' typed Event (fabric8's model, generated from Kubernetes' OpenAPI) with no field
 * it does not know, and held to the API server's validation of Events.
 */
class EventsTest {
    private static final Announcement HOTPLUGGED = new Announcement(Announcement.Type.NORMAL, "NicHotplugged",
            "add red on multus prod/red: done (commit 3f2a9c1b7d4e)");
    private static final Announcement ROLLED_BACK = new Announcement(Announcement.Type.WARNING, "NicChangeRolledBack",
            "FAILED at unplug blue: the guest did not release the device; rolled back (1 step(s) undone)");

    @Test
    void anAnnouncementIsAnEventOnTheVirtualMachine() throws Exception {
        try (Lab lab = Lab.running(SimConfig.v1(6))) {
            lab.target.announce(WEB01, HOTPLUGGED);

            Event event = single(lab);
            assertThat(event.getMetadata().getNamespace()).isEqualTo("prod");
            assertThat(event.getMetadata().getName()).matches("web-01\\.[0-9a-f]{16}");
            assertThat(event.getInvolvedObject().getApiVersion()).isEqualTo("kubevirt.io/v1");
            assertThat(event.getInvolvedObject().getKind()).isEqualTo("VirtualMachine");
            assertThat(event.getInvolvedObject().getNamespace()).isEqualTo("prod");
            assertThat(event.getInvolvedObject().getName()).isEqualTo("web-01");
            assertThat(event.getInvolvedObject().getUid())
                    .isEqualTo(lab.sim.vm("prod", "web-01").at("/metadata/uid").asText()).isNotBlank();
            assertThat(event.getType()).isEqualTo("Normal");
            assertThat(event.getReason()).isEqualTo("NicHotplugged");
            assertThat(event.getMessage()).isEqualTo(HOTPLUGGED.message());
            assertThat(event.getCount()).isEqualTo(1);
            assertThat(event.getSource().getComponent()).isEqualTo("nicsync");
            assertThat(event.getReportingComponent()).isEqualTo("nicsync.io/nicsync");
            assertThat(event.getFirstTimestamp()).isNotBlank().isEqualTo(event.getLastTimestamp());
        }
    }

    @Test
    void theSameAnnouncementAgainCountsOnTheSameEventAndAnotherIsAnEventOfItsOwn() throws Exception {
        List<String> requests = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (Lab lab = Lab.running(SimConfig.v1(6));
                AutoCloseable tap = RequestTap.listen(r -> requests.add(r.method() + " " + r.path()))) {
            lab.target.announce(WEB01, ROLLED_BACK);
            lab.target.announce(WEB01, ROLLED_BACK);
            lab.target.announce(WEB01, HOTPLUGGED);

            assertThat(requests).filteredOn(r -> r.contains("/events")).as("create, then patch: never a read")
                    .extracting(r -> r.substring(0, r.indexOf(' '))).containsExactly("POST", "POST", "PATCH", "POST");

            List<Event> events = events(lab);
            assertThat(events).hasSize(2);
            Event rolledBack = events.stream().filter(e -> e.getReason().equals("NicChangeRolledBack")).findFirst()
                    .orElseThrow();
            assertThat(rolledBack.getType()).isEqualTo("Warning");
            assertThat(rolledBack.getCount()).isEqualTo(2);
        }
    }

    @Test
    void aVmThatIsGoneIsNotFoundAndNoEventIsWritten() throws Exception {
        try (Lab lab = Lab.running(SimConfig.v1(6))) {
            assertThatThrownBy(() -> lab.target.announce(new VmRef("lab", "prod", "gone"), HOTPLUGGED))
                    .isInstanceOfSatisfying(TargetException.class,
                            e -> assertThat(e.reason()).isEqualTo(TargetException.Reason.NOT_FOUND));
            assertThat(events(lab)).isEmpty();
        }
    }

    private static Event single(Lab lab) {
        List<Event> events = events(lab);
        assertThat(events).hasSize(1);
        return events.get(0);
    }

    /** The Events of namespace prod as stored, each checked as the API server would take it. */
    private static List<Event> events(Lab lab) {
        List<GenericKubernetesResource> raw = lab.cluster.someoneElse().genericKubernetesResources("v1", "Event")
                .inNamespace("prod").list().getItems();
        return raw.stream().map(r -> {
            Event event = Serialization.unmarshal(Serialization.asJson(r), Event.class);
            assertThat(unknownFields(event)).as("fields core/v1 Event does not have").isEmpty();
            assertValid(event);
            return event;
        }).toList();
    }

    private static List<String> unknownFields(Event e) {
        return java.util.stream.Stream.of(Map.entry("", e.getAdditionalProperties()),
                        Map.entry("metadata.", e.getMetadata().getAdditionalProperties()),
                        Map.entry("involvedObject.", e.getInvolvedObject().getAdditionalProperties()),
                        Map.entry("source.", e.getSource().getAdditionalProperties()))
                .flatMap(m -> m.getValue().keySet().stream().map(k -> m.getKey() + k)).toList();
    }

    /** The API server's validation of a core/v1 Event without eventTime (ValidateEventCreate, legacy rules). */
    private static void assertValid(Event e) {
        assertThat(e.getMetadata().getName()).hasSizeLessThanOrEqualTo(253)
                .matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
        assertThat(e.getInvolvedObject().getNamespace()).as("an Event lives in its object's namespace")
                .isEqualTo(e.getMetadata().getNamespace());
        assertThat(e.getType()).isIn("Normal", "Warning");
        assertThat(e.getReason()).isNotBlank().hasSizeLessThanOrEqualTo(128);
        assertThat(e.getMessage()).hasSizeLessThanOrEqualTo(1024);
        assertThat(e.getReportingComponent()).matches("[a-z0-9.-]+/[A-Za-z0-9._-]+");
        assertThat(e.getReportingInstance()).isNotBlank().hasSizeLessThanOrEqualTo(128);
    }
}

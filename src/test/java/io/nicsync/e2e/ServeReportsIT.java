package io.nicsync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.Event;
import io.nicsync.apply.Sleeper;
import io.nicsync.e2e.kubevirt.DesiredState;
import io.nicsync.notify.Endpoint;
import io.nicsync.notify.Notifier;
import io.nicsync.notify.Outbox;
import io.nicsync.notify.Receiver;
import io.nicsync.plugin.kubevirt.sim.SimConfig;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * What {@code serve} tells besides its own endpoints, against the simulated KubeVirt cluster: the NIC a push
 * hotplugged is an Event on the VirtualMachine, and the run is a notification; a receiver that hangs and one that
 * answers 500 cost their messages and nothing else: the cycles apply as they would without them.
 */
class ServeReportsIT extends KubevirtScenarioIT {
    private static final String BLUE = DesiredState.bridgeNic("blue", "blue");
    private static final String RED = DesiredState.bridgeNic("red", "red");
    private static final String GREEN = DesiredState.bridgeNic("green", "green");

    @Test
    void anAppliedPushIsAnEventOnTheVmAndANotificationWhateverTheOtherReceiversDo() throws Exception {
        cluster(SimConfig.v1(6)).running().connect(dir);
        push(BLUE);
        List<String> warnings = new CopyOnWriteArrayList<>();
        try (Receiver taking = Receiver.answering(200); Receiver failing = Receiver.answering(500);
                Receiver hanging = Receiver.hanging()) {
            Notifier notifier = new Notifier(new Notifier.Settings(List.of(
                    new Endpoint(hanging.url(), Endpoint.Format.JSON), new Endpoint(failing.url(), Endpoint.Format.SLACK),
                    new Endpoint(taking.url(), Endpoint.Format.JSON)), 2, Duration.ofMillis(100), Duration.ofMillis(500),
                    10), "serve-it", Sleeper.REAL, warnings::add);
            Outbox events = new Outbox("serve-it-events", 10);
            try (Served served = Served.start(git.url(), dir, Duration.ofHours(1),
                    r -> r.listener(notifier).announceOnTargets(events))) {
                Served.await(30, "the first cycle", () -> served.status() != null);

                String red = push(BLUE + RED);
                served.push("refs/heads/main", Served.SECRET);
                Served.await(15, "red applied", () -> red.equals(served.status().path("lastAppliedCommit").asText()));
                String green = push(BLUE + RED + GREEN);
                served.push("refs/heads/main", Served.SECRET);

                // the receivers hold up no cycle: each applies as soon as its push arrives
                Served.await(15, "green applied", () -> green.equals(served.status().path("lastAppliedCommit").asText()));
                assertThat(served.status().path("outcome").asText()).isEqualTo("applied");
                assertThat(kubevirt.attached("green")).isTrue();

                Served.await(30, "both runs told", () -> taking.bodies.size() == 2);
                JsonNode told = new ObjectMapper().readTree(taking.bodies.get(0));
                assertThat(told.path("event").asText()).isEqualTo("changed");
                assertThat(told.path("report").path("commit").asText()).isEqualTo(red);
                assertThat(told.path("text").asText()).contains("prod/web-01: applied (1 step(s))");
                assertThat(failing.bodies).as("two tries for each run").hasSize(4);
                assertThat(hanging.bodies).hasSize(4);
                assertThat(notifier.sent()).isEqualTo(2);
                assertThat(notifier.failed()).isEqualTo(4);

                Served.await(15, "the Events", () -> vmEvents().size() == 2);
                assertThat(vmEvents()).allSatisfy(e -> {
                    assertThat(e.getReason()).isEqualTo("NicHotplugged");
                    assertThat(e.getType()).isEqualTo("Normal");
                    assertThat(e.getInvolvedObject().getKind()).isEqualTo("VirtualMachine");
                    assertThat(e.getInvolvedObject().getName()).isEqualTo("web-01");
                    assertThat(e.getInvolvedObject().getUid()).isEqualTo(kubevirt.vm().at("/metadata/uid").asText());
                }).extracting(Event::getMessage).containsExactlyInAnyOrder(
                        "add red on multus prod/red (commit " + red.substring(0, 12) + ")",
                        "add green on multus prod/green (commit " + green.substring(0, 12) + ")");
            } finally {
                notifier.close(Duration.ZERO);
                events.close(Duration.ZERO);
            }
        }
        assertThat(warnings).anyMatch(w -> w.endsWith("not delivered: answered 500"))
                .anyMatch(w -> w.endsWith("not delivered: no answer within PT0.5S"))
                .noneMatch(w -> w.contains("/services/"));
    }

    private List<Event> vmEvents() {
        return kubevirt.cluster().someoneElse().v1().events().inNamespace("prod").list().getItems();
    }
}

package io.nicsync.plugin.kubevirt.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TickerTest {

    @Test
    void onARealClockATemplateChangeReachesTheGuestWithoutTheTestTicking() throws Exception {
        try (SimCluster cluster = SimCluster.start(SimConfig.v1(6))) {
            cluster.sim().createNad("prod", "red");
            cluster.sim().createVm(Fixtures.web01());
            cluster.sim().start("prod", "web-01");
            try (Ticker ticker = Ticker.start(cluster.sim(), Duration.ofMillis(20))) {
                cluster.client().genericKubernetesResources(Kinds.VM).inNamespace("prod").withName("web-01")
                        .patch(PatchContext.of(PatchType.JSON), ("[{'op':'add','path':"
                                + "'/spec/template/spec/domain/devices/interfaces/-','value':{'name':'red','bridge':{}}},"
                                + "{'op':'add','path':'/spec/template/spec/networks/-',"
                                + "'value':{'name':'red','multus':{'networkName':'red'}}}]").replace('\'', '"'));
                Instant deadline = Instant.now().plusSeconds(10);
                while (!attached(cluster) && Instant.now().isBefore(deadline)) {
                    Thread.sleep(20);
                }
            }
            assertThat(attached(cluster)).isTrue();
            cluster.writes().assertAllValid();
        }
    }

    private static boolean attached(SimCluster cluster) {
        return Json.named(Nics.status(cluster.sim().vmi("prod", "web-01")), "red")
                .map(Nics::attached).orElse(false);
    }
}

package io.nicsync.plugin.kubevirt;

import static io.nicsync.plugin.kubevirt.Failing.failsWith;
import static io.nicsync.plugin.kubevirt.Lab.TIMEOUT;
import static io.nicsync.plugin.kubevirt.Lab.WEB01;
import static io.nicsync.plugin.kubevirt.Lab.bridge;
import static org.assertj.core.api.Assertions.assertThat;

import io.nicsync.plugin.kubevirt.sim.SimConfig;
import io.nicsync.spi.AddNic;
import io.nicsync.spi.Capabilities.HotplugMode;
import io.nicsync.spi.Migrate;
import io.nicsync.spi.NetworkRef;
import io.nicsync.spi.NicSpec;
import io.nicsync.spi.RepointNic;
import io.nicsync.spi.TargetException;
import io.nicsync.spi.TargetException.Reason;
import java.util.List;
import org.junit.jupiter.api.Test;

class MigrationTest {
    private static final NicSpec RED = bridge("red", "red");

    private static void addAndMigrate(Lab lab) throws TargetException {
        lab.target.execute(new AddNic(WEB01, RED, "desired"), TIMEOUT);
        lab.target.execute(new Migrate(WEB01, List.of(RED), "brings red in"), TIMEOUT);
    }

    private static long migrationsCreatedByPlugin(Lab lab) {
        return lab.cluster.writes().all().stream().filter(w -> w.path().endsWith("virtualmachineinstancemigrations"))
                .count();
    }

    @Test
    void withoutTheControllerAnAddWaitsInTheVmiSpecUntilKubevirtMigratesByItself() throws Exception {
        try (Lab lab = Lab.running(SimConfig.v1(6).withDynamicNetworks(false))) {
            assertThat(lab.target.capabilities().hotplugMode()).isEqualTo(HotplugMode.MIGRATION);
            lab.target.execute(new AddNic(WEB01, RED, "desired"), TIMEOUT);
            assertThat(lab.nic("red").live()).isNull();

            Migrate migrate = new Migrate(WEB01, List.of(RED), "brings red in");
            lab.target.execute(migrate, TIMEOUT);
            assertThat(migrate.verifiedBy(lab.observe())).isTrue();
            assertThat(migrationsCreatedByPlugin(lab)).isZero();
            assertThat(lab.sim.migrations()).singleElement()
                    .satisfies(m -> assertThat(m.at("/metadata/name").asText()).startsWith("kubevirt-workload-update"));
        }
    }

    @Test
    void withoutLiveMigrateUpdatesThePluginCreatesTheMigrationAndFollowsIt() throws Exception {
        try (Lab lab = Lab.running(SimConfig.v1(5).withDynamicNetworks(false))) {
            addAndMigrate(lab);
            assertThat(lab.nic("red").live()).isNotNull();
            assertThat(migrationsCreatedByPlugin(lab)).isOne();
            assertThat(lab.sim.migrations()).singleElement()
                    .satisfies(m -> assertThat(m.at("/status/phase").asText()).isEqualTo("Succeeded"));
        }
    }

    @Test
    void inPlaceHotplugOnAClusterThatNeedsAMigrationSaysSoAtOnce() throws Exception {
        try (Lab lab = Lab.running(SimConfig.v1(6).withDynamicNetworks(false).withLiveMigrateUpdates(false),
                HotplugSetting.IN_PLACE)) {
            failsWith(Reason.UNSUPPORTED, () -> lab.target.execute(new AddNic(WEB01, RED, "desired"), TIMEOUT))
                    .hasMessageContaining("MigrationRequired");
            assertThat(lab.pacer.slept()).isLessThan(TIMEOUT);
        }
    }

    @Test
    void aFailedMigrationIsReportedWithKubevirtsReason() throws Exception {
        try (Lab lab = Lab.running(SimConfig.v1(5).withDynamicNetworks(false).withMigrationSucceeding(false))) {
            failsWith(Reason.REFUSED, () -> addAndMigrate(lab))
                    .hasMessageContaining("migration failed")
                    .hasMessageContaining("target virt-launcher pod did not become ready");
            assertThat(lab.nic("red").live()).isNull();
        }
    }

    @Test
    void aFailedAutomaticMigrationIsReportedToo() throws Exception {
        try (Lab lab = Lab.running(SimConfig.v1(6).withDynamicNetworks(false).withMigrationSucceeding(false))) {
            failsWith(Reason.REFUSED, () -> addAndMigrate(lab))
                    .hasMessageContaining("migration failed");
        }
    }

    @Test
    void aForbiddenMigrationNamesTheV1_5RbacChangeAndTheFix() throws Exception {
        try (Lab lab = Lab.running(SimConfig.v1(5).withDynamicNetworks(false).withMigrationsForbidden(true))) {
            failsWith(Reason.FORBIDDEN, () -> addAndMigrate(lab))
                    .hasMessageContaining("prod/web-01")
                    .hasMessageContaining("HTTP 403")
                    .hasMessageContaining("kubevirt/kubevirt#13497")
                    .hasMessageContaining("kubevirt.io:migrate");
        }
    }

    @Test
    void fromV1_8ANicMovesToAnotherNadThroughAMigration() throws Exception {
        try (Lab lab = Lab.running(SimConfig.v1(8))) {
            NicSpec blue = lab.nic("blue").current();
            NetworkRef red = Networks.multus("red", "prod");
            assertThat(lab.target.capabilities().canRepointLive(blue, red)).isTrue();
            RepointNic repoint = new RepointNic(WEB01, blue, blue.network(), red, "desired");
            lab.target.execute(repoint, TIMEOUT);
            assertThat(repoint.verifiedBy(lab.observe())).isTrue();
            assertThat(lab.nic("blue").persistent().network()).isEqualTo(red);
            assertThat(lab.sim.migrations()).hasSize(1);
        }
    }

    @Test
    void untilItsMigrationSucceedsANadChangeIsNotLive() throws Exception {
        try (Lab lab = Lab.running(SimConfig.v1(8).withLiveMigrateUpdates(false).withMigrationSucceeding(false))) {
            NicSpec blue = lab.nic("blue").current();
            NetworkRef red = Networks.multus("red", "prod");
            RepointNic repoint = new RepointNic(WEB01, blue, blue.network(), red, "desired");
            failsWith(Reason.REFUSED, () -> lab.target.execute(repoint, TIMEOUT)).hasMessageContaining("migration");
            assertThat(repoint.verifiedBy(lab.observe())).isFalse();
            assertThat(lab.nic("blue").live().network()).isEqualTo(blue.network());
            assertThat(lab.nic("blue").persistent().network()).isEqualTo(red);
            assertThat(migrationsCreatedByPlugin(lab)).isOne();
        }
    }

    @Test
    void beforeV1_8ANadChangeOfARunningVmIsRefused() throws Exception {
        try (Lab lab = Lab.running(SimConfig.v1(6))) {
            NicSpec blue = lab.nic("blue").current();
            RepointNic repoint = new RepointNic(WEB01, blue, blue.network(), Networks.multus("red", "prod"), "d");
            failsWith(Reason.UNSUPPORTED, () -> lab.target.execute(repoint, TIMEOUT))
                    .hasMessageContaining("v1.8");
            assertThat(lab.writes()).isZero();
        }
    }
}

package io.nicsync.plugin.libvirt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nicsync.spi.AddNic;
import io.nicsync.spi.LinkState;
import io.nicsync.spi.Migrate;
import io.nicsync.spi.NetworkRef;
import io.nicsync.spi.NicSpec;
import io.nicsync.spi.PersistNic;
import io.nicsync.spi.SetLink;
import io.nicsync.spi.TargetException;
import io.nicsync.spi.UnpersistNic;
import io.nicsync.spi.VmRef;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the executor asks libvirt for; the lab tests show libvirt does it. */
class StepExecutorTest {
    private static final VmRef VM = VmRef.of("lab", "fake");
    private static final Duration T = Duration.ofSeconds(1);
    private final FakeTime time = new FakeTime();
    private final StepExecutor executor = new StepExecutor(ref -> Optional.empty(), new Unplugger(time, time),
            new Restarter(time, time));
    private final FakeDomain domain = new FakeDomain(Fixtures.read("noos-live.xml"), Fixtures.read("noos-inactive.xml"));

    @Test
    void persistingAHotpluggedNicGivesTheConfigTheLiveMac() throws Exception {
        NicSpec extra = new NicSpec("extra", null, NetworkRef.named("network", "lab"), null, null, LinkState.UP, null);
        executor.execute(domain, new PersistNic(VM, extra, null, "test"), T);
        assertThat(domain.calls).containsExactly("attach-config <interface type=\"network\">"
                + "<mac address=\"52:54:00:68:4d:37\"/><source network=\"lab\"/><model type=\"virtio\"/>"
                + "<link state=\"up\"/><alias name=\"ua-extra\"/></interface>");
    }

    @Test
    void setLinkOnAPersistedNicUpdatesLiveThenConfigWithTheFullDevice() throws Exception {
        NicSpec first = new NicSpec(null, DomainXml.parse(domain.liveXml).nics().get(0).mac(),
                NetworkRef.named("bridge", "br-lab0"), null, null, LinkState.DOWN, null);
        executor.execute(domain, new SetLink(VM, first, LinkState.DOWN, LinkState.UP, true, "test"), T);
        assertThat(domain.calls).hasSize(2);
        assertThat(domain.calls.get(0)).startsWith("update-live ").contains("<target dev=\"vnet2\"/>")
                .contains("<link state=\"up\"/>").contains("slot=\"0x02\"");
        assertThat(domain.calls.get(1)).startsWith("update-config ").contains("<link state=\"up\"/>");
    }

    @Test
    void addingANicThatIsPluggedAlreadyChangesNothing() throws Exception {
        NicSpec extra = new NicSpec("extra", null, NetworkRef.named("network", "lab"), null, null, LinkState.UP, null);
        executor.execute(domain, new AddNic(VM, extra, "test"), T);
        executor.execute(domain, new AddNic(VM, new NicSpec("other", null, NetworkRef.named("bridge", "br-lab0"), null,
                null, LinkState.UP, null), "test"), T);
        assertThat(domain.calls).singleElement().asString().startsWith("attach-live ").contains("ua-other");
    }

    @Test
    void unpersistOfANicNotInTheConfigChangesNothing() throws Exception {
        NicSpec extra = new NicSpec("extra", null, NetworkRef.named("network", "lab"), null, null, LinkState.UP, null);
        executor.execute(domain, new UnpersistNic(VM, extra, "test"), T);
        assertThat(domain.calls).isEmpty();
    }

    @Test
    void missingNetworkAndUnsupportedStepsAreRefusedBeforeAnyCall() {
        StepExecutor strict = new StepExecutor(ref -> Optional.of("bridge br-x does not exist on the host"),
                new Unplugger(time, time), new Restarter(time, time));
        NicSpec spec = new NicSpec("n", null, NetworkRef.named("bridge", "br-x"), null, null, LinkState.UP, null);
        assertThatThrownBy(() -> strict.execute(domain, new AddNic(VM, spec, "test"), T))
                .hasMessage("fake/n: bridge br-x does not exist on the host");
        assertThatThrownBy(() -> strict.execute(domain, new Migrate(VM, List.of(spec), "test"), T))
                .isInstanceOf(TargetException.class)
                .satisfies(e -> assertThat(((TargetException) e).reason()).isEqualTo(TargetException.Reason.UNSUPPORTED));
        assertThat(domain.calls).isEmpty();
    }
}

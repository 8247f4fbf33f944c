package io.nicsync.plugin.libvirt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nicsync.spi.TargetException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class UnpluggerTest {
    private static final String WITH = Fixtures.read("noos-live.xml");
    private static final String WITHOUT = WITH.replaceAll(
            "(?s)<interface type='bridge'>\\s*<mac address='52:54:00:68:4d:37'/>.*?</interface>", "");
    private static final String PENDING = "internal error: unable to execute QEMU command 'device_del': "
            + "Device net1 is already in the process of unplug";
    private final FakeTime time = new FakeTime();

    @Test
    void fixtureWithoutTheNicReallyLacksIt() {
        assertThat(DomainXml.parse(WITHOUT).nics()).hasSize(1);
    }

    @Test
    void returnsOnceTheGuestReleasesTheNic() throws Exception {
        ScriptedDomain d = new ScriptedDomain(3);
        Instant start = time.instant();
        unplug(d, Duration.ofSeconds(8));
        assertThat(d.calls).containsExactly("detach-alias ua-extra");
        assertThat(Duration.between(start, time.instant())).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void guestThatNeverReleasesFailsAtTheTimeoutAfterEightRequests() {
        ScriptedDomain d = new ScriptedDomain(Integer.MAX_VALUE);
        d.pendingAfterFirst = true;
        Instant start = time.instant();
        assertThatThrownBy(() -> unplug(d, Duration.ofSeconds(8)))
                .isInstanceOf(TargetException.class)
                .hasMessageStartingWith("vm/extra: the guest did not release the device")
                .hasMessageContaining("8 unplug requests")
                .satisfies(e -> assertThat(((TargetException) e).reason())
                        .isEqualTo(TargetException.Reason.NOT_RELEASED));
        assertThat(d.calls).hasSize(Unplugger.ATTEMPTS).allMatch(c -> c.equals("detach-alias ua-extra"));
        assertThat(Duration.between(start, time.instant())).isEqualTo(Duration.ofSeconds(8));
    }

    @Test
    void withoutDetachByAliasRepeatsThatLibvirtWouldBlockPastTheTimeoutAreNotSent() {
        ScriptedDomain d = new ScriptedDomain(Integer.MAX_VALUE);
        d.detachByAlias = false;
        d.detachTakes = Duration.ofSeconds(Unplugger.LIBVIRT_WAIT_SECONDS);
        Instant start = time.instant();
        assertThatThrownBy(() -> unplug(d, Duration.ofSeconds(8))).hasMessageContaining("1 unplug requests");
        assertThat(d.calls).singleElement().asString().startsWith("detach-live <interface type=\"network\">");
        assertThat(Duration.between(start, time.instant())).isEqualTo(Duration.ofSeconds(8));
    }

    @Test
    void otherLibvirtErrorsAreReportedWithCodeAndNic() {
        ScriptedDomain d = new ScriptedDomain(Integer.MAX_VALUE);
        d.failure = new LibvirtFailure("VIR_ERR_OPERATION_FAILED", 9, "operation failed: multifunction device");
        assertThatThrownBy(() -> unplug(d, Duration.ofSeconds(8)))
                .hasMessage("vm/extra: libvirt error VIR_ERR_OPERATION_FAILED (code 9): "
                        + "operation failed: multifunction device");
    }

    private void unplug(ScriptedDomain d, Duration timeout) throws TargetException {
        new Unplugger(time, time).unplug(d, "vm/extra", DomainXml.parse(WITH).nics().get(1), timeout);
    }

    /** Keeps the NIC for a number of live-XML reads; answers requests as libvirt and QEMU do. */
    private final class ScriptedDomain extends FakeDomain {
        private int readsUntilGone;
        boolean pendingAfterFirst;
        Duration detachTakes = Duration.ZERO;
        LibvirtFailure failure;

        ScriptedDomain(int readsUntilGone) {
            super(WITH, WITH);
            this.readsUntilGone = readsUntilGone;
        }

        @Override
        public String liveXml() {
            return readsUntilGone-- > 0 ? WITH : WITHOUT;
        }

        @Override
        public boolean requestLiveDetach(String alias) throws LibvirtFailure {
            boolean done = super.requestLiveDetach(alias);
            answer();
            return done;
        }

        @Override
        public void detach(String xml, boolean live) throws LibvirtFailure {
            super.detach(xml, live);
            time.advance(detachTakes);
            answer();
        }

        private void answer() throws LibvirtFailure {
            if (failure != null) {
                throw failure;
            }
            if (pendingAfterFirst && calls.size() > 1) {
                throw new LibvirtFailure("VIR_ERR_OPERATION_FAILED", 9, PENDING);
            }
        }
    }
}

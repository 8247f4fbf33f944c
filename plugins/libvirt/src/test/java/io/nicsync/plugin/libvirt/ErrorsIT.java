package io.nicsync.plugin.libvirt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nicsync.spi.AddNic;
import io.nicsync.spi.LinkState;
import io.nicsync.spi.MacAddress;
import io.nicsync.spi.NetworkRef;
import io.nicsync.spi.NicSpec;
import io.nicsync.spi.RepointNic;
import io.nicsync.spi.Target;
import io.nicsync.spi.TargetException;
import io.nicsync.spi.TargetException.Reason;
import io.nicsync.spi.VmRef;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a user sees when something is missing or libvirt refuses: the domain, the NIC and libvirt's words. */
class ErrorsIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Test
    void missingBridgeIsReportedByPreflightAndRefusedWithoutChange() throws Exception {
        Lab.require();
        try (LabGuest guest = LabGuest.started(LabGuest.Kind.NOOS);
                Target target = Lab.open();
                Lab.Independent check = new Lab.Independent()) {
            AddNic add = new AddNic(guest.ref(), spec("lost", NetworkRef.named("bridge", "br-nope")), "test");
            AddNic toNet = new AddNic(guest.ref(), spec("astray", NetworkRef.named("network", "nope")), "test");
            NicSpec original = target.observe(guest.ref()).nics().get(0).live();
            RepointNic move = new RepointNic(guest.ref(), original, original.network(),
                    NetworkRef.named("bridge", "br-nope"), "test");

            assertThat(target.preflight(List.of(add, toNet, move))).containsExactly(
                    guest.name() + "/lost: bridge br-nope does not exist on the host",
                    guest.name() + "/astray: libvirt network nope not found: libvirt error VIR_ERR_NO_NETWORK "
                            + "(code 43): Network not found: no network with matching name 'nope'",
                    guest.name() + "/" + original.mac() + ": bridge br-nope does not exist on the host");

            String before = check.liveXml(guest.name());
            assertThatThrownBy(() -> target.execute(add, TIMEOUT))
                    .isInstanceOf(TargetException.class)
                    .hasMessage(guest.name() + "/lost: bridge br-nope does not exist on the host")
                    .satisfies(e -> assertThat(((TargetException) e).reason()).isEqualTo(Reason.NOT_FOUND));
            assertThatThrownBy(() -> target.execute(move, TIMEOUT))
                    .hasMessage(guest.name() + "/" + original.mac() + ": bridge br-nope does not exist on the host");
            assertThat(check.liveXml(guest.name())).isEqualTo(before);
        }
    }

    @Test
    void unknownDomainIsNotFoundEverywhere() throws Exception {
        Lab.require();
        VmRef nope = VmRef.of("lab", "it-no-such-domain");
        AddNic add = new AddNic(nope, spec("x", NetworkRef.named("bridge", Lab.BRIDGE)), "test");
        try (Target target = Lab.open()) {
            assertThatThrownBy(() -> target.observe(nope))
                    .isInstanceOf(TargetException.class)
                    .hasMessage("it-no-such-domain: no such domain on target lab")
                    .satisfies(e -> assertThat(((TargetException) e).reason()).isEqualTo(Reason.NOT_FOUND));
            assertThatThrownBy(() -> target.execute(add, TIMEOUT))
                    .hasMessage("it-no-such-domain: no such domain on target lab");
            assertThat(target.preflight(List.of(add)))
                    .containsExactly("it-no-such-domain: no such domain on target lab");
        }
    }

    @Test
    void libvirtRefusalKeepsItsCodeAndMessagePrefixedWithDomainAndNic() throws Exception {
        Lab.require();
        // Well-formed for nicsync's MacAddress, refused by libvirt: a group address cannot name one NIC.
        NicSpec multicast = spec("mc", NetworkRef.named("bridge", Lab.OTHER_BRIDGE))
                .withMac(MacAddress.parse("01:00:5e:00:00:01"));
        try (LabGuest guest = LabGuest.started(LabGuest.Kind.NOOS); Target target = Lab.open()) {
            assertThatThrownBy(() -> target.execute(new AddNic(guest.ref(), multicast, "test"), TIMEOUT))
                    .isInstanceOf(TargetException.class)
                    .hasMessage(guest.name() + "/mc: libvirt error VIR_ERR_XML_ERROR (code 27): XML error: "
                            + "expected unicast mac address, found multicast '01:00:5e:00:00:01'")
                    .satisfies(e -> assertThat(((TargetException) e).reason()).isEqualTo(Reason.REFUSED));
        }
    }

    @Test
    void bootOrderBesideOsBootIsFoundByPreflightAsLibvirtRefusesIt() throws Exception {
        Lab.require();
        NicSpec booting = new NicSpec("pxe", null, NetworkRef.named("bridge", Lab.BRIDGE), null, null, LinkState.UP, 1);
        try (LabGuest guest = LabGuest.started(LabGuest.Kind.NOOS); Target target = Lab.open();
                Lab.Independent check = new Lab.Independent()) {
            AddNic add = new AddNic(guest.ref(), booting, "test");
            assertThat(target.preflight(List.of(add))).singleElement().asString()
                    .startsWith(guest.name() + "/pxe: bootOrder 1 cannot be set: the running definition boots "
                            + "through <os><boot dev=...>");

            // What the preflight spares the user: libvirt refuses the attach itself, and nothing changes.
            String before = check.liveXml(guest.name());
            assertThatThrownBy(() -> target.execute(add, TIMEOUT))
                    .isInstanceOf(TargetException.class)
                    .hasMessageStartingWith(guest.name() + "/pxe: libvirt error");
            assertThat(check.liveXml(guest.name())).isEqualTo(before);
        }
    }

    private static NicSpec spec(String name, NetworkRef network) {
        return new NicSpec(name, null, network, null, null, LinkState.UP, null);
    }
}

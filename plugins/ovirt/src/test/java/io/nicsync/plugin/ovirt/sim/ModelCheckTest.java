package io.nicsync.plugin.ovirt.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.nicsync.plugin.ovirt.sim.ModelCheck.Expect;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The check of documents against the published API model: what it accepts and what it finds. */
class ModelCheckTest {
    private final ModelCheck model = ModelCheck.load();

    private java.util.List<String> check(String xml, Expect expect) {
        return model.check(Xml.parse(xml.getBytes(StandardCharsets.UTF_8)), expect);
    }

    @Test
    void aNicAsTheSdkWritesOneIsValid() {
        assertThat(check("""
                <nic><interface>virtio</interface><linked>true</linked><mac><address>56:6f:1a:00:00:09</address></mac>
                <name>eth1</name><plugged>true</plugged><vnic_profile id="a1"/></nic>""",
                model.input("vm_nics", "add"))).isEmpty();
    }

    @Test
    void findsWhatTheModelDoesNotHave() {
        assertThat(check("""
                <nic id="n1" rel="x"><interface>ne2k</interface><linked>yes</linked><mac id="m"><address>a</address></mac>
                <name>eth1</name><name>again</name><model>virtio</model><vnic_profile id="a1" /></nic>""",
                Expect.of("nic"))).containsExactlyInAnyOrder(
                        "/nic: XML attribute rel is not in the model's nic",
                        "/nic/interface: \"ne2k\" is not a nic_interface ([e1000, e1000e, virtio, rtl8139,"
                                + " rtl8139_virtio, spapr_vlan, pci_passthrough])",
                        "/nic/linked: \"yes\" is not a boolean",
                        "/nic/mac: XML attribute id is not in the model's mac",
                        "/nic/name: given twice",
                        "/nic/model: not an attribute or link of the model's nic");
    }

    @Test
    void aListDocumentIsNamedForItsTypeAndHoldsItsItems() {
        Expect nics = model.output("vm_nics", "list");
        assertThat(nics).isEqualTo(new Expect("nics", "nic", true));
        assertThat(model.output("vm_reported_devices", "list")).isEqualTo(new Expect("reported_devices",
                "reported_device", true));
        assertThat(check("<nics><nic id=\"1\"><name>a</name></nic></nics>", nics)).isEmpty();
        assertThat(check("<nic_list><nic/></nic_list>", nics)).containsExactly("/nic_list: expected <nics>");
        assertThat(check("<vm><nics><network/></nics></vm>", Expect.of("vm")))
                .containsExactly("/vm/nics/network: items of nics are <nic>");
    }

    @Test
    void actionsAndFaultsAreCheckedToo() {
        assertThat(model.input("vm_nic", "activate")).isEqualTo(Expect.of("action"));
        assertThat(check("<action><async>false</async></action>", Expect.of("action"))).isEmpty();
        assertThat(check("<action><status>complete</status><plugged>true</plugged></action>", Expect.of("action")))
                .containsExactly("/action/plugged: not an attribute or link of the model's action");
        assertThat(check("<fault><reason>Operation Failed</reason><detail>[x]</detail></fault>",
                Expect.of("fault"))).isEmpty();
    }

    @Test
    void numbersAndDatesAreWhatTheirTypesSay() {
        assertThat(check("<vm><display><monitors>two</monitors></display><start_time>yesterday</start_time></vm>",
                Expect.of("vm"))).containsExactlyInAnyOrder("/vm/display/monitors: \"two\" is not a integer",
                        "/vm/start_time: \"yesterday\" is not a date");
        assertThat(check("<vm><display><monitors>2</monitors></display><start_time>2026-03-01T10:00:00.000+01:00"
                + "</start_time></vm>", Expect.of("vm"))).isEmpty();
    }
}

package io.nicsync.plugin.libvirt;

import static org.assertj.core.api.Assertions.assertThat;

import io.nicsync.spi.LinkState;
import io.nicsync.spi.MacAddress;
import io.nicsync.spi.NetworkRef;
import io.nicsync.spi.NicSpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Every {@code <interface>} the plugin writes is valid against libvirt's own RelaxNG schema, checked with
 * {@code virt-xml-validate} (libvirt-clients, with xmllint from libxml2-utils; both come with the lab).
 * The schema validates whole documents, so each interface is put into a minimal domain.
 */
class InterfaceSchemaIT {
    private static final Path VALIDATE = Path.of("/usr/bin/virt-xml-validate");
    private static final NicSpec FULL = new NicSpec("uplink", MacAddress.parse("52:54:00:5a:00:30"),
            NetworkRef.named("bridge", "br-lab1"), "e1000", null, LinkState.DOWN, 2);

    @TempDir
    Path dir;

    @Test
    void newInterfacesValidate() throws Exception {
        assertValid(InterfaceWriter.create(FULL, FULL.mac()));
        assertValid(InterfaceWriter.create(
                new NicSpec("n", null, NetworkRef.named("network", "lab"), null, null, LinkState.UP, null), null));
    }

    @Test
    void editedLiveInterfacesValidate() throws Exception {
        for (DomainNic nic : Fixtures.domain("noos-live.xml").nics()) {
            assertValid(InterfaceWriter.copy(nic.element()));
            assertValid(InterfaceWriter.withLink(nic.element(), LinkState.UP));
            assertValid(InterfaceWriter.withNetwork(nic.element(), NetworkRef.named("bridge", "br-lab1")));
            assertValid(InterfaceWriter.edited(nic.element(), FULL));
        }
    }

    @Test
    void theValidatorRejectsAnInvalidInterface() throws Exception {
        Element bad = InterfaceWriter.create(FULL, null);
        Xml.child(bad, "link").orElseThrow().setAttribute("state", "sideways");
        assertThat(validate(bad)).contains("fails to validate");
    }

    private void assertValid(Element iface) throws Exception {
        assertThat(validate(iface)).as(Xml.write(iface)).endsWith("validates");
    }

    private String validate(Element iface) throws Exception {
        assertThat(VALIDATE).as("virt-xml-validate (run scripts/lab.sh up)").isExecutable();
        Path file = Files.createTempFile(dir, "domain", ".xml");
        Files.writeString(file, Xml.write(minimalDomain(iface)), StandardCharsets.UTF_8);
        Process p = new ProcessBuilder(VALIDATE.toString(), file.toString(), "domain").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return out;
    }

    private static Document minimalDomain(Element iface) {
        Document doc = Xml.newDocument();
        Element domain = doc.createElement("domain");
        domain.setAttribute("type", "qemu");
        doc.appendChild(domain);
        domain.appendChild(doc.createElement("name")).setTextContent("schema-check");
        domain.appendChild(doc.createElement("memory")).setTextContent("65536");
        Element os = (Element) domain.appendChild(doc.createElement("os"));
        os.appendChild(doc.createElement("type")).setTextContent("hvm");
        Element devices = (Element) domain.appendChild(doc.createElement("devices"));
        devices.appendChild(doc.importNode(iface, true));
        return doc;
    }
}

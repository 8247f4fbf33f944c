package io.nicsync.plugin.libvirt;

import io.nicsync.spi.Fingerprint;
import io.nicsync.spi.PowerState;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 over the NIC-relevant parts of a domain: run state, and from the live and the persistent XML
 * the interfaces, the PCI controllers (capacity) and ACPI, in {@link CanonicalXml} form, so the same state
 * always gives the same value whatever libvirt's formatting. Parts that change on every start without
 * meaning anything to NICs (the tap name in {@code <target dev>}) are left out ({@link DomainFactsReader}).
 */
final class XmlFingerprint {
    private XmlFingerprint() {
    }

    static Fingerprint of(PowerState power, DomainFacts live, DomainFacts persistent) {
        StringBuilder canon = new StringBuilder("power=").append(power).append('\n');
        append(canon, "live", live);
        append(canon, "persistent", persistent);
        return new Fingerprint("sha256:" + sha256(canon.toString()));
    }

    private static void append(StringBuilder out, String label, DomainFacts xml) {
        out.append('[').append(label).append("]\n");
        if (xml == null) {
            return;
        }
        out.append("acpi=").append(xml.acpi()).append('\n');
        out.append(xml.canonicalDevices());
    }

    // Looking the algorithm up among the providers costs more than hashing one domain; reset after each use.
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(XmlFingerprint::sha256Digest);

    private static String sha256(String text) {
        MessageDigest md = SHA256.get();
        md.reset();
        return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}

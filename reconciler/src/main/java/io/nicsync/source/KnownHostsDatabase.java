package io.nicsync.source;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.sshd.client.config.hosts.KnownHostEntry;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.sshd.ServerKeyDatabase;

/**
 * Accepts an SSH server only if one known_hosts file lists its exact key. Never asks, never learns a new key and
 * ignores StrictHostKeyChecking in any ssh config: an unattended process has nobody to ask, and accepting a key on
 * first use would let whoever answers first serve the desired state of production VMs.
 */
final class KnownHostsDatabase implements ServerKeyDatabase {

    private static final int DEFAULT_PORT = 22;
    private static final String REVOKED = "revoked";

    private final Path file;
    private volatile String lastRejection;

    KnownHostsDatabase(Path file) {
        this.file = file;
    }

    @Override
    public List<PublicKey> lookup(String connectAddress, InetSocketAddress remoteAddress, Configuration config) {
        HostPort target = HostPort.parse(connectAddress);
        List<PublicKey> keys = new ArrayList<>();
        for (KnownHostEntry entry : entries()) {
            if (entry.getMarker() == null && entry.isHostMatch(target.host(), target.port())) {
                keys.add(key(entry));
            }
        }
        keys.removeIf(Objects::isNull);
        return keys;
    }

    @Override
    public boolean accept(String connectAddress, InetSocketAddress remoteAddress, PublicKey serverKey,
            Configuration config, CredentialsProvider provider) {
        HostPort target = HostPort.parse(connectAddress);
        List<KnownHostEntry> entries = entries();
        if (entries.stream().anyMatch(e -> REVOKED.equals(e.getMarker()) && KeyUtils.compareKeys(key(e), serverKey))) {
            return reject("the host key of " + target + " is marked @revoked in " + file);
        }
        List<PublicKey> known = lookup(connectAddress, remoteAddress, config);
        if (known.stream().anyMatch(k -> KeyUtils.compareKeys(k, serverKey))) {
            lastRejection = null;
            return true;
        }
        String fingerprint = KeyUtils.getFingerPrint(serverKey);
        return reject(known.isEmpty()
                ? "host " + target + " is not in " + file + " (its " + KeyUtils.getKeyType(serverKey) + " key is "
                        + fingerprint + "; check it, then add it, e.g. with ssh-keyscan)"
                : "host key of " + target + " does not match " + file + " (the server offered " + fingerprint
                        + "): refusing to connect, the key changed or someone is in between");
    }

    /** Called before each connection, so a refusal is never reported for a later, unrelated failure. */
    void forgetLastRejection() {
        lastRejection = null;
    }

    /** Why the last host was refused, or null if the last one was accepted: jgit's own error only says "failed". */
    String lastRejection() {
        return lastRejection;
    }

    private boolean reject(String reason) {
        lastRejection = reason;
        return false;
    }

    private List<KnownHostEntry> entries() {
        try {
            return KnownHostEntry.readKnownHostEntries(file);
        } catch (IOException e) {
            lastRejection = "cannot read " + file + ": " + e.getMessage();
            return List.of();
        }
    }

    private static PublicKey key(KnownHostEntry entry) {
        try {
            return entry.getKeyEntry().resolvePublicKey(null, PublicKeyEntryResolver.IGNORING);
        } catch (IOException | GeneralSecurityException e) {
            return null; // a line with a key type this JDK cannot read matches nothing
        }
    }

    /** jgit hands over {@code host} for port 22 and {@code [host]:port} otherwise, as known_hosts writes them. */
    record HostPort(String host, int port) {
        static HostPort parse(String address) {
            if (address.startsWith("[")) {
                int close = address.indexOf(']');
                String port = address.substring(close + 1);
                return new HostPort(address.substring(1, close),
                        port.startsWith(":") ? Integer.parseInt(port.substring(1)) : DEFAULT_PORT);
            }
            return new HostPort(address, DEFAULT_PORT);
        }

        @Override
        public String toString() {
            return port == DEFAULT_PORT ? host : host + ":" + port;
        }
    }
}

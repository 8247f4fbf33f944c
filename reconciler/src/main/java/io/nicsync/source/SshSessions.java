package io.nicsync.source;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.transport.sshd.SshdSessionFactory;
import org.eclipse.jgit.transport.sshd.SshdSessionFactoryBuilder;

/**
 * Builds jgit's Apache MINA sshd session factory from {@link Credentials} alone: ~/.ssh/config and the ssh agent are
 * not consulted, so the same settings behave the same on a laptop and in a pod.
 */
final class SshSessions {

    private SshSessions() {}

    /** A session factory and the host-key check it uses, which knows why a host was refused. */
    record Setup(SshdSessionFactory factory, KnownHostsDatabase hostKeys) {}

    static Setup create(Credentials credentials, Path home) throws SourceException {
        Path knownHosts = credentials.knownHosts() != null
                ? credentials.knownHosts()
                : home.resolve(".ssh").resolve("known_hosts");
        if (!Files.isRegularFile(knownHosts)) {
            throw new SourceException(SourceException.Reason.HOST_KEY, "known_hosts file not found: " + knownHosts
                    + " (ssh servers are only accepted when their key is listed there)");
        }
        Path key = credentials.sshKey();
        if (key != null && !Files.isRegularFile(key)) {
            throw new SourceException(SourceException.Reason.AUTHENTICATION, "ssh private key not found: " + key);
        }
        KnownHostsDatabase hostKeys = new KnownHostsDatabase(knownHosts);
        SshdSessionFactoryBuilder builder = new SshdSessionFactoryBuilder()
                .setHomeDirectory(home.toFile())
                .setSshDirectory(home.resolve(".ssh").toFile())
                .setConfigStoreFactory((homeDir, configFile, localUser) -> null)
                .setServerKeyDatabase((homeDir, sshDir) -> hostKeys)
                .setPreferredAuthentications("publickey");
        if (key != null) {
            builder.setDefaultIdentities(sshDir -> List.of(key));
        }
        return new Setup(builder.build(null), hostKeys);
    }
}

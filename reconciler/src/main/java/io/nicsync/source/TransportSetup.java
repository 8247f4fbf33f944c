package io.nicsync.source;

import io.nicsync.guard.Redaction;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.jgit.api.TransportCommand;
import org.eclipse.jgit.api.TransportConfigCallback;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.SshTransport;
import org.eclipse.jgit.transport.Transport;

/**
 * Everything a fetch from one remote needs besides the URL: HTTPS credentials, the ssh session factory, and the
 * secrets that must be blanked out of any message.
 */
final class TransportSetup implements TransportConfigCallback, AutoCloseable {

    private final CredentialsProvider credentials;
    private final SshSessions.Setup ssh;
    private final List<String> secrets;
    private final Duration deadline;

    private TransportSetup(CredentialsProvider credentials, SshSessions.Setup ssh, List<String> secrets,
            Duration deadline) {
        this.credentials = credentials;
        this.ssh = ssh;
        this.secrets = List.copyOf(secrets);
        this.deadline = deadline;
    }

    /** @param deadline how long one fetch, clone or push may take, start to end */
    static TransportSetup forRemote(RepoLocation.Remote remote, Credentials credentials, Path home,
            Duration deadline) throws SourceException {
        List<String> secrets = new ArrayList<>();
        if (remote.uri().getPass() != null) {
            secrets.add(remote.uri().getPass());
        }
        Optional<HttpsCredentials.Chosen> https = HttpsCredentials.choose(remote, credentials);
        https.ifPresent(chosen -> secrets.add(chosen.secret()));
        SshSessions.Setup ssh = remote.isSsh() ? SshSessions.create(credentials, home) : null;
        return new TransportSetup(https.map(HttpsCredentials.Chosen::provider).orElse(null), ssh, secrets, deadline);
    }

    /**
     * A fetch, clone or push, cut at this remote's deadline ({@link Deadlines}).
     *
     * @param what the transfer in words, for the message of a cut one
     * @param failed what a failure of the transfer itself means (jgit's {@code GitAPIException}, a runtime error)
     */
    <T> T transfer(String what, Deadlines.Transfer<T> work, Function<Exception, SourceException> failed)
            throws SourceException {
        try {
            return Deadlines.within(deadline, what, work);
        } catch (SourceException e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SourceException(SourceException.Reason.TIMEOUT, what + " was interrupted", e);
        } catch (Exception e) {
            throw failed.apply(e);
        }
    }

    <C extends TransportCommand<C, ?>> C applyTo(C command) {
        command.setTransportConfigCallback(this);
        if (credentials != null) {
            command.setCredentialsProvider(credentials);
        }
        return command;
    }

    @Override
    public void configure(Transport transport) {
        if (transport instanceof SshTransport sshTransport && ssh != null) {
            sshTransport.setSshSessionFactory(ssh.factory());
        }
    }

    /** Called before each fetch: what is reported about a failure must come from that fetch alone. */
    void startAttempt() {
        if (ssh != null) {
            ssh.hostKeys().forgetLastRejection();
        }
    }

    boolean hasHttpsCredentials() {
        return credentials != null;
    }

    /** Why the ssh server's key was refused, if it was. */
    Optional<String> hostKeyRejection() {
        return ssh == null ? Optional.empty() : Optional.ofNullable(ssh.hostKeys().lastRejection());
    }

    /** {@code text} with every secret this setup knows replaced by {@code ***}. */
    String redact(String text) {
        String result = text == null ? "" : text;
        for (String secret : secrets) {
            if (!secret.isEmpty()) {
                result = result.replace(secret, "***");
            }
        }
        return Redaction.text(result);
    }

    @Override
    public void close() {
        if (ssh != null) {
            ssh.factory().close();
        }
    }
}

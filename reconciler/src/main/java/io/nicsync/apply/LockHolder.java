package io.nicsync.apply;

import io.nicsync.guard.Redaction;
import java.time.Instant;

/** Who holds a target's lock: written into the lock file so that a waiting apply can name it. */
public record LockHolder(long pid, String host, String user, Instant since, String command) {

    /** This process, as it will be named to a run that waits for its lock; credentials in the command blanked. */
    public static LockHolder current(Instant now, String command) {
        String host = System.getenv().getOrDefault("HOSTNAME", "");
        if (host.isEmpty()) {
            try {
                host = java.net.InetAddress.getLocalHost().getHostName();
            } catch (java.net.UnknownHostException e) {
                host = "unknown-host";
            }
        }
        return new LockHolder(ProcessHandle.current().pid(), host, System.getProperty("user.name"), now, command)
                .redacted();
    }

    /**
     * This holder with the credentials of URLs in its command line hidden: the lock file is read by other
     * applies, and a lock timeout's message reaches logs and {@code /status}.
     */
    LockHolder redacted() {
        return new LockHolder(pid, host, user, since, Redaction.text(command));
    }

    String describe() {
        return "pid " + pid + " on " + host + " (user " + user + ") since " + since + ", running '" + command + "'";
    }
}

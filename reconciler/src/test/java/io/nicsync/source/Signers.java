package io.nicsync.source;

import static io.nicsync.source.GitCli.git;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Real signing keys and commits signed with them by the real {@code git}: SSH keys made by ssh-keygen, GPG keys made
 * by gpg in a GnuPG home of their own (scripts/test-prereqs.d/git-signing.sh installs both tools).
 */
final class Signers {

    private Signers() {}

    /** An ed25519 key pair for SSH signing; the public half is {@code KEY.pub}. */
    record SshKey(Path privateKey) {
        static SshKey generate(Path file) throws IOException, InterruptedException {
            return new SshKey(SshServer.generateKey(file));
        }

        Path publicKey() {
            return Path.of(privateKey + ".pub");
        }

        /** A line of an allowed-signers file trusting this key for {@code principal}. */
        String allowedSignersLine(String principal) throws IOException {
            String[] parts = Files.readString(publicKey()).trim().split("\\s+");
            return principal + " namespaces=\"git\" " + parts[0] + " " + parts[1] + "\n";
        }

        /** Its fingerprint as ssh-keygen and jgit print it: {@code SHA256:...}. */
        String fingerprint() throws IOException, InterruptedException {
            return run(List.of("ssh-keygen", "-l", "-E", "sha256", "-f", publicKey().toString()), Map.of())
                    .split("\\s+")[1];
        }

        /** Commits everything in {@code work}, signed with this key, as {@code git commit -S} does. */
        String commitAll(Path work, String message) {
            git(work, "add", "-A");
            git(work, "-c", "gpg.format=ssh", "-c", "user.signingkey=" + privateKey, "commit", "-q", "-S", "-m",
                    message);
            return git(work, "rev-parse", "HEAD");
        }
    }

    /** A GPG key without passphrase in its own GnuPG home. Close it to stop the gpg-agent it started. */
    record GpgKey(Path home, String fingerprint) implements AutoCloseable {
        static GpgKey generate(Path home, String userId) throws IOException, InterruptedException {
            Files.createDirectories(home);
            Files.setPosixFilePermissions(home, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
            Map<String, String> env = Map.of("GNUPGHOME", home.toString());
            run(List.of("gpg", "--batch", "--passphrase", "", "--quick-gen-key", userId, "ed25519", "sign", "never"),
                    env);
            String listing = run(List.of("gpg", "--batch", "--with-colons", "--list-keys", userId), env);
            String fingerprint = listing.lines().filter(l -> l.startsWith("fpr:")).findFirst().orElseThrow()
                    .split(":")[9];
            return new GpgKey(home, fingerprint);
        }

        /** The public key, ASCII-armored, as {@code gpg --armor --export} writes it. */
        String armoredPublicKey() throws IOException, InterruptedException {
            return run(List.of("gpg", "--batch", "--armor", "--export", fingerprint), environment());
        }

        String commitAll(Path work, String message) {
            git(work, "add", "-A");
            git(environment(), work, "-c", "gpg.format=openpgp", "-c", "user.signingkey=" + fingerprint, "commit",
                    "-q", "-S", "-m", message);
            return git(work, "rev-parse", "HEAD");
        }

        private Map<String, String> environment() {
            return Map.of("GNUPGHOME", home.toString());
        }

        @Override
        public void close() throws IOException, InterruptedException {
            run(List.of("gpgconf", "--kill", "gpg-agent"), environment());
        }
    }

    /**
     * Writes a copy of {@code commit} whose message says {@code message} instead, signature header and all, and
     * points {@code branch} at it: a commit changed after it was signed.
     */
    static String tamper(Path work, String commit, String branch, String message) throws IOException {
        String raw = git(work, "cat-file", "commit", commit) + "\n";
        int body = raw.indexOf("\n\n") + 2;
        Path changed = Files.writeString(Files.createTempFile("tampered", ".txt"), raw.substring(0, body) + message
                + "\n");
        try {
            String id = git(work, "hash-object", "-t", "commit", "-w", changed.toString());
            git(work, "update-ref", "refs/heads/" + branch, id);
            return id;
        } finally {
            Files.delete(changed);
        }
    }

    private static String run(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
        Path errors = Files.createTempFile("signers", ".err");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectError(errors.toFile());
            builder.environment().putAll(env);
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IOException(String.join(" ", command) + " failed: " + Files.readString(errors));
            }
            return output;
        } finally {
            Files.delete(errors);
        }
    }
}

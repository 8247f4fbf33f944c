package io.nicsync.source;

import static io.nicsync.source.GitCli.commitAll;
import static io.nicsync.source.GitCli.write;
import static io.nicsync.source.SnapshotAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.nicsync.source.Signers.GpgKey;
import io.nicsync.source.Signers.SshKey;
import io.nicsync.source.UntrustedCommitException.Why;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Commits signed by the real git with real SSH and GPG keys: a good signature by a trusted key is read, anything
 * else (no signature, an unknown key, a commit changed after signing, a kind of signature nobody trusts) is refused
 * with the commit, the key and the reason, and nothing of the commit is read.
 */
class SignedCommitsIT {

    @TempDir
    static Path keys;

    private static SshKey trustedSsh;
    private static SshKey strangerSsh;
    private static GpgKey trustedGpg;
    private static GpgKey strangerGpg;
    private static Path allowedSigners;
    private static Path trustedGpgKeys;

    @TempDir
    Path tmp;

    @BeforeAll
    static void makeKeys() throws Exception {
        trustedSsh = SshKey.generate(keys.resolve("trusted_ed25519"));
        strangerSsh = SshKey.generate(keys.resolve("stranger_ed25519"));
        allowedSigners = Files.writeString(keys.resolve("allowed_signers"),
                "# who may sign desired state\n" + trustedSsh.allowedSignersLine("ada@example.org"));
        trustedGpg = GpgKey.generate(keys.resolve("gpg-trusted"), "Ada Lovelace <ada@example.org>");
        strangerGpg = GpgKey.generate(keys.resolve("gpg-stranger"), "Mallory <mallory@example.org>");
        trustedGpgKeys = Files.writeString(keys.resolve("trusted.asc"), trustedGpg.armoredPublicKey());
    }

    @AfterAll
    static void stopAgents() throws Exception {
        if (trustedGpg != null) {
            trustedGpg.close();
        }
        if (strangerGpg != null) {
            strangerGpg.close();
        }
    }

    private Path work() {
        Path work = GitCli.init(tmp.resolve("work"));
        write(work, "vms/web.yaml", "name: web\n");
        return work;
    }

    private SourceSpec spec(Path work, SignaturePolicy policy) {
        return SourceSpec.of(work.toString()).withCacheDir(tmp.resolve("cache")).withCredentials(Credentials.none())
                .withSignatures(policy);
    }

    private static SignaturePolicy both() {
        return new SignaturePolicy(allowedSigners, trustedGpgKeys);
    }

    private UntrustedCommitException refusal(Path work, SignaturePolicy policy) {
        return catchThrowableOfType(UntrustedCommitException.class, () -> GitSource.read(spec(work, policy)));
    }

    @Test
    void readsACommitSignedWithAnAllowedSshKey() throws Exception {
        Path work = work();
        String commit = trustedSsh.commitAll(work, "signed");

        assertThat(GitSource.read(spec(work, both()))).isAtCommit(commit).hasFiles("vms/web.yaml");
        assertThat(GitSource.read(spec(work, new SignaturePolicy(allowedSigners, null)))).isAtCommit(commit);
    }

    @Test
    void readsACommitSignedWithATrustedGpgKey() throws Exception {
        Path work = work();
        String commit = trustedGpg.commitAll(work, "signed");

        assertThat(GitSource.read(spec(work, both()))).isAtCommit(commit).hasFiles("vms/web.yaml");
        assertThat(GitSource.read(spec(work, new SignaturePolicy(null, trustedGpgKeys)))).isAtCommit(commit);
    }

    @Test
    void refusesAnUnsignedCommitNamingItAndWhatIsAccepted() {
        Path work = work();
        String commit = commitAll(work, "unsigned");

        UntrustedCommitException e = refusal(work, both());

        assertThat(e.why()).isEqualTo(Why.UNSIGNED);
        assertThat(e.reason()).isEqualTo(SourceException.Reason.UNTRUSTED_COMMIT);
        assertThat(e.commitId()).isEqualTo(commit);
        assertThat(e.getMessage()).isEqualTo("commit " + commit.substring(0, 12) + " is not signed; a signature by a "
                + "key in " + allowedSigners + " (SSH) or " + trustedGpgKeys + " (GPG) is required");
    }

    @Test
    void readsAnUnsignedCommitWhenNoSignatureIsRequired() throws Exception {
        Path work = work();
        String commit = commitAll(work, "unsigned");

        assertThat(GitSource.read(spec(work, SignaturePolicy.NONE))).isAtCommit(commit);
    }

    @Test
    void refusesACommitSignedWithAnSshKeyThatIsNotAllowed() throws Exception {
        Path work = work();
        String commit = strangerSsh.commitAll(work, "signed by a stranger");

        UntrustedCommitException e = refusal(work, both());

        assertThat(e.why()).isEqualTo(Why.UNTRUSTED_KEY);
        assertThat(e.keyFingerprint()).isEqualTo(strangerSsh.fingerprint());
        assertThat(e.getMessage()).isEqualTo("commit " + commit.substring(0, 12) + " is signed by SSH key "
                + strangerSsh.fingerprint() + ", which is not in " + allowedSigners);
    }

    @Test
    void refusesACommitSignedWithAGpgKeyThatIsNotTrusted() throws Exception {
        Path work = work();
        String commit = strangerGpg.commitAll(work, "signed by a stranger");

        UntrustedCommitException e = refusal(work, both());

        assertThat(e.why()).isEqualTo(Why.UNTRUSTED_KEY);
        assertThat(e.keyFingerprint()).isEqualTo(strangerGpg.fingerprint());
        assertThat(e.getMessage()).isEqualTo("commit " + commit.substring(0, 12) + " is signed by GPG key "
                + strangerGpg.fingerprint() + ", which is not in " + trustedGpgKeys);
    }

    @Test
    void refusesASshSignedCommitChangedAfterSigning() throws Exception {
        Path work = work();
        String signed = trustedSsh.commitAll(work, "signed");
        String tampered = Signers.tamper(work, signed, "main", "signed, then changed");

        UntrustedCommitException e = refusal(work, both());

        assertThat(e.why()).isEqualTo(Why.BAD_SIGNATURE);
        assertThat(e.commitId()).isEqualTo(tampered);
        assertThat(e.getMessage()).startsWith("commit " + tampered.substring(0, 12) + " has a bad signature by SSH key "
                + trustedSsh.fingerprint() + ": it does not match the commit's content");
    }

    @Test
    void refusesAGpgSignedCommitChangedAfterSigning() throws Exception {
        Path work = work();
        String signed = trustedGpg.commitAll(work, "signed");
        String tampered = Signers.tamper(work, signed, "main", "signed, then changed");

        UntrustedCommitException e = refusal(work, both());

        assertThat(e.why()).isEqualTo(Why.BAD_SIGNATURE);
        assertThat(e.keyFingerprint()).isEqualTo(trustedGpg.fingerprint());
        assertThat(e.getMessage()).isEqualTo("commit " + tampered.substring(0, 12) + " has a bad signature by GPG key "
                + trustedGpg.fingerprint() + " (Ada Lovelace <ada@example.org>): it does not match the commit's "
                + "content");
    }

    @Test
    void refusesAGpgSignatureWhenOnlySshSignersAreTrusted() {
        Path work = work();
        String commit = trustedGpg.commitAll(work, "signed with gpg");

        UntrustedCommitException e = refusal(work, new SignaturePolicy(allowedSigners, null));

        assertThat(e.why()).isEqualTo(Why.UNSUPPORTED_KIND);
        assertThat(e.getMessage()).isEqualTo("commit " + commit.substring(0, 12) + " has a GPG signature; a signature "
                + "by a key in " + allowedSigners + " (SSH) is required");
    }

    @Test
    void anOpenSourceChecksACommitItReadOnRequest() throws Exception {
        Path work = work();
        String signed = trustedSsh.commitAll(work, "signed");
        write(work, "vms/db.yaml", "name: db\n");
        String unsigned = commitAll(work, "unsigned");

        try (GitSource source = GitSource.open(spec(work, SignaturePolicy.NONE))) {
            assertThat(source.read()).isAtCommit(unsigned);
            source.requireSigned(signed, both());
            UntrustedCommitException e = catchThrowableOfType(UntrustedCommitException.class,
                    () -> source.requireSigned(unsigned, both()));

            assertThat(e.why()).isEqualTo(Why.UNSIGNED);
            assertThat(e.commitId()).isEqualTo(unsigned);
        }
    }

    @Test
    void aMissingTrustFileIsAnErrorNotATrustedCommit() {
        Path work = work();
        trustedSsh.commitAll(work, "signed");
        Path missing = tmp.resolve("no-such-file");

        SourceException e = catchThrowableOfType(SourceException.class,
                () -> GitSource.read(spec(work, new SignaturePolicy(missing, null))));

        assertThat(e.reason()).isEqualTo(SourceException.Reason.IO);
        assertThat(e.getMessage()).contains("cannot read " + missing);
    }
}

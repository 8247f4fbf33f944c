package io.nicsync.cli;

import io.nicsync.source.SignaturePolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * Which signatures the desired-state commit must carry: the operator's options for every command that plans or
 * applies. Never read from the repository, so that whoever can push cannot switch the check off.
 */
final class SignatureOptions {

    @picocli.CommandLine.Spec(picocli.CommandLine.Spec.Target.MIXEE)
    picocli.CommandLine.Model.CommandSpec mixee;

    @Option(names = "--allowed-signers", paramLabel = "FILE",
            description = "Require the commit to be signed by an SSH key in FILE (git's allowed-signers format, "
                    + "as gpg.ssh.allowedSignersFile).")
    Path allowedSigners;

    @Option(names = "--trusted-gpg-keys", paramLabel = "FILE",
            description = "Require the commit to be signed by a GPG key in FILE (ASCII-armored public keys, "
                    + "gpg --armor --export).")
    Path trustedGpgKeys;

    /** The policy these options ask for; a file that cannot be read is a usage error. */
    SignaturePolicy policy() {
        requireReadable("--allowed-signers", allowedSigners);
        requireReadable("--trusted-gpg-keys", trustedGpgKeys);
        return new SignaturePolicy(allowedSigners, trustedGpgKeys);
    }

    private void requireReadable(String option, Path file) {
        if (file != null && !Files.isReadable(file)) {
            throw new ParameterException(mixee.commandLine(), option + ": cannot read " + file);
        }
    }
}

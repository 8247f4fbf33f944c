package io.nicsync.plugin.ovirt;

import io.nicsync.spi.TargetConfig;
import io.nicsync.spi.TargetSetting;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * How one target reaches its engine, from its keys in {@code nicsync.yaml}:
 *
 * <pre>{@code
 * - name: dc1
 *   kind: ovirt
 *   url: https://engine.example.org/ovirt-engine/api
 *   caFile: /etc/nicsync/ovirt-engine-ca.pem    # the engine's CA (pki-resource?resource=ca-certificate)
 *   user: nicsync@internal
 *   passwordFile: /etc/nicsync/ovirt-password   # or passwordEnv: OVIRT_PASSWORD
 *   replug: allow                               # may a NIC be unplugged and plugged back for a change
 * }</pre>
 *
 * The password never lives in the repository: a file or an environment variable holds it, and the configuration
 * only names which. The engine's certificate is always checked, against {@code caFile} or else the JDK's
 * authorities; there is no setting that turns the check off.
 *
 * @param caFile null for the JDK's authorities
 * @param replug whether a plugged NIC may be unplugged, changed and plugged back for a change the engine refuses on
 *     a plugged NIC (interface model, MAC): the guest is without that NIC for a moment
 */
record EngineSettings(URI url, Path caFile, String user, String password, Replug replug) {

    static final String URL = "url";
    static final String CA_FILE = "caFile";
    static final String USER = "user";
    static final String PASSWORD_FILE = "passwordFile";
    static final String PASSWORD_ENV = "passwordEnv";
    static final String REPLUG = "replug";

    /** Whether a NIC may be without its device for a moment so that the engine takes a change. */
    enum Replug {
        /** Unplug, change, plug back: the guest sees the NIC go and come back. */
        ALLOW,
        /** Never: such a change waits for a restart. */
        NEVER;

        String yaml() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    static List<TargetSetting> declared() {
        return List.of(
                TargetSetting.of(URL, "the engine's API: https://ENGINE/ovirt-engine/api", """
                        {"type": "string", "pattern": "^https://[^/?#]+/ovirt-engine/api/?$",
                         "x-expected": "https://ENGINE/ovirt-engine/api"}""").asEndpoint()
                        .guarded(TargetSetting.Guard.ENDPOINT),
                TargetSetting.text(CA_FILE, "PEM file with the engine's CA certificate (from https://ENGINE/ovirt-engine/"
                        + "services/pki-resource?resource=ca-certificate&format=X509-PEM-CA); default: the JDK's"
                        + " authorities").guarded(TargetSetting.Guard.LOCAL_FILE),
                TargetSetting.of(USER, "the engine user with its profile, such as nicsync@internal (with Keycloak:"
                        + " nicsync@ovirt@internalsso)", """
                        {"type": "string", "pattern": "^[^@\\\\s]+@\\\\S+$",
                         "x-expected": "a user with its authorization profile, such as admin@internal"}"""),
                TargetSetting.text(PASSWORD_FILE, "file holding the user's password (its first line)")
                        .guarded(TargetSetting.Guard.LOCAL_FILE),
                TargetSetting.of(PASSWORD_ENV, "environment variable holding the user's password", """
                        {"type": "string", "pattern": "^[A-Za-z_][A-Za-z0-9_]*$",
                         "x-expected": "an environment variable name"}""")
                        .guarded(TargetSetting.Guard.OPERATOR_ONLY),
                TargetSetting.of(REPLUG, "allow: a NIC whose interface model or MAC must change is unplugged,"
                        + " changed and plugged back (the guest is without it for a moment); never (default): the"
                        + " change waits for a restart", """
                        {"type": "string", "enum": ["allow", "never"], "default": "never"}"""));
    }

    /**
     * @param env the process environment, for {@code passwordEnv}
     * @throws IllegalArgumentException a setting is missing or wrong, with what to write instead
     */
    static EngineSettings of(TargetConfig config, UnaryOperator<String> env) {
        URI url = url(config.setting(URL).orElseThrow(() -> missing(URL, "https://ENGINE/ovirt-engine/api")));
        Path caFile = config.setting(CA_FILE).map(Path::of).orElse(null);
        String user = config.setting(USER).orElseThrow(() -> missing(USER, "a user such as nicsync@internal"));
        Replug replug = config.setting(REPLUG).map(EngineSettings::replug).orElse(Replug.NEVER);
        return new EngineSettings(url, caFile, user, password(config, env), replug);
    }

    private static URI url(String text) {
        try {
            URI uri = new URI(text);
            if (!"https".equals(uri.getScheme()) || uri.getHost() == null
                    || !uri.getPath().matches("/ovirt-engine/api/?")) {
                throw new IllegalArgumentException(URL + " must be the engine's API over https,"
                        + " https://ENGINE/ovirt-engine/api, not " + text);
            }
            return new URI("https", null, uri.getHost(), uri.getPort(), "/ovirt-engine/api", null, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(URL + " is not a URL: " + text, e);
        }
    }

    private static Replug replug(String text) {
        return switch (text) {
            case "allow" -> Replug.ALLOW;
            case "never" -> Replug.NEVER;
            default -> throw new IllegalArgumentException(REPLUG + " is allow or never, not " + text);
        };
    }

    private static String password(TargetConfig config, UnaryOperator<String> env) {
        Optional<String> file = config.setting(PASSWORD_FILE);
        Optional<String> variable = config.setting(PASSWORD_ENV);
        if (file.isPresent() == variable.isPresent()) {
            throw new IllegalArgumentException("give exactly one of " + PASSWORD_FILE + " and " + PASSWORD_ENV
                    + ": the password is read from a file or an environment variable, never from the repository");
        }
        String value;
        String from;
        if (file.isPresent()) {
            from = PASSWORD_FILE + " " + file.get();
            try {
                // a line ends at \n, \r or \r\n (BufferedReader): a file written on Windows leaves no \r behind
                value = Files.readAllLines(Path.of(file.get()), StandardCharsets.UTF_8).stream().findFirst().orElse("");
            } catch (IOException e) {
                throw new IllegalArgumentException(from + " cannot be read: " + e.getMessage(), e);
            }
        } else {
            from = "the environment variable " + variable.get() + " (" + PASSWORD_ENV + ")";
            value = Optional.ofNullable(env.apply(variable.get())).orElse("");
        }
        if (value.isEmpty()) {
            throw new IllegalArgumentException(from + " holds no password");
        }
        return value;
    }

    private static IllegalArgumentException missing(String key, String example) {
        return new IllegalArgumentException("setting " + key + " is required (" + example + ")");
    }

    @Override
    public String toString() {
        // never the password
        return "EngineSettings[" + url + ", user " + user + ", replug " + replug.yaml() + "]";
    }
}

package io.nicsync.plugin.ganeti;

import io.nicsync.spi.TargetConfig;
import io.nicsync.spi.TargetSetting;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How one target reaches its cluster, from its keys in {@code nicsync.yaml}:
 *
 * <pre>{@code
 * - name: gnt
 *   kind: ganeti
 *   rapi: https://cluster.example.org:5080
 *   caFile: /etc/nicsync/ganeti-rapi.pem     # the cluster's RAPI certificate (self-signed)
 *   user: nicsync
 *   passwordFile: /etc/nicsync/ganeti-password
 * }</pre>
 *
 * with {@code --target-setting gnt.tlsName=ganeti.example.com} (the name Ganeti 3.0 writes into its certificates)
 * on the command line: the certificate's name and pin are the operator's, as the password is. The password never
 * lives in the repository: it is read from a file or an environment variable that the configuration only names.
 */
record RapiSettings(URI rapi, List<X509Certificate> authorities, Optional<byte[]> pin, String tlsName, String user,
        String password) {

    static final String RAPI = "rapi";
    static final String CA_FILE = "caFile";
    static final String FINGERPRINT = "fingerprint";
    static final String TLS_NAME = "tlsName";
    static final String USER = "user";
    static final String PASSWORD_FILE = "passwordFile";
    static final String PASSWORD_ENV = "passwordEnv";

    private static final Pattern HEX_PIN = Pattern.compile("(?i)(sha256:)?((?:[0-9a-f]{2}:?){31}[0-9a-f]{2})");
    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\\s]+)-----END CERTIFICATE-----");

    static List<TargetSetting> declared() {
        return List.of(
                TargetSetting.of(RAPI, "the cluster's RAPI as an https URL, such as https://cluster.example.org:5080",
                        """
                        {"type": "string", "pattern": "^https://[^/?#]+/?$",
                         "x-expected": "an https URL without a path, such as https://cluster.example.org:5080"}""")
                        .asEndpoint().guarded(TargetSetting.Guard.ENDPOINT),
                TargetSetting.text(CA_FILE, "PEM file with the certificate(s) to trust for RAPI: Ganeti's own is"
                        + " self-signed, so this is the certificate of /var/lib/ganeti/rapi.pem")
                        .guarded(TargetSetting.Guard.LOCAL_FILE),
                // Both decide whom nicsync trusts with the RAPI password (a pin alone skips the CA check): the
                // operator's, never the repository's.
                TargetSetting.of(FINGERPRINT, "SHA-256 fingerprint of the RAPI certificate, pinned"
                        + " (openssl x509 -noout -fingerprint -sha256)", """
                        {"type": "string", "pattern": "^(sha256:)?([0-9A-Fa-f]{2}:?){31}[0-9A-Fa-f]{2}$",
                         "x-expected": "64 hex digits, optionally in colon-separated pairs"}""")
                        .guarded(TargetSetting.Guard.OPERATOR_ONLY),
                TargetSetting.text(TLS_NAME, "the host name the RAPI certificate must carry (default: the host of"
                        + " rapi); Ganeti 3.0's generated certificates carry ganeti.example.com")
                        .guarded(TargetSetting.Guard.OPERATOR_ONLY),
                TargetSetting.text(USER, "RAPI user (a line of /var/lib/ganeti/rapi/users with write access)"),
                TargetSetting.text(PASSWORD_FILE, "file holding the RAPI user's password (its first line)")
                        .guarded(TargetSetting.Guard.LOCAL_FILE),
                TargetSetting.of(PASSWORD_ENV, "environment variable holding the RAPI user's password", """
                        {"type": "string", "pattern": "^[A-Za-z_][A-Za-z0-9_]*$",
                         "x-expected": "an environment variable name"}""")
                        .guarded(TargetSetting.Guard.OPERATOR_ONLY));
    }

    /**
     * @param env the process environment, for {@code passwordEnv}
     * @throws IllegalArgumentException a setting is missing or wrong, with what to write instead
     */
    static RapiSettings of(TargetConfig config, UnaryOperator<String> env) {
        URI rapi = rapi(config.setting(RAPI).orElseThrow(() -> missing(RAPI, "https://cluster.example.org:5080")));
        List<X509Certificate> authorities = config.setting(CA_FILE).map(RapiSettings::certificates).orElse(List.of());
        Optional<byte[]> pin = config.setting(FINGERPRINT).map(RapiSettings::pin);
        String tlsName = config.setting(TLS_NAME).orElse(pin.isPresent() ? null : rapi.getHost());
        String user = config.setting(USER).orElseThrow(() -> missing(USER, "a RAPI user with write access"));
        return new RapiSettings(rapi, authorities, pin, tlsName, user, password(config, env));
    }

    private static URI rapi(String text) {
        try {
            URI uri = new URI(text);
            if (!"https".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new IllegalArgumentException(RAPI + " must be an https URL with a host, not " + text
                        + " (RAPI speaks only HTTPS)");
            }
            int port = uri.getPort() < 0 ? 5080 : uri.getPort();
            return new URI("https", null, uri.getHost(), port, "/", null, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(RAPI + " is not a URL: " + text, e);
        }
    }

    /** Every certificate in the file; anything else in it (a private key, text) is left alone. */
    static List<X509Certificate> certificates(String file) {
        String pem;
        try {
            pem = Files.readString(Path.of(file), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalArgumentException(CA_FILE + " " + file + " cannot be read: " + e.getMessage(), e);
        }
        List<X509Certificate> out = new ArrayList<>();
        Matcher m = PEM.matcher(pem);
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            while (m.find()) {
                byte[] der = Base64.getMimeDecoder().decode(m.group(1));
                out.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der)));
            }
        } catch (CertificateException | IllegalArgumentException e) {
            throw new IllegalArgumentException(CA_FILE + " " + file + " holds a certificate that cannot be read: "
                    + e.getMessage(), e);
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException(CA_FILE + " " + file + " holds no PEM certificate");
        }
        return out;
    }

    static byte[] pin(String text) {
        Matcher m = HEX_PIN.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException(FINGERPRINT + " must be a SHA-256 fingerprint (64 hex digits), not "
                    + text);
        }
        return HexFormat.of().parseHex(m.group(2).replace(":", ""));
    }

    private static String password(TargetConfig config, UnaryOperator<String> env) {
        Optional<String> file = config.setting(PASSWORD_FILE);
        Optional<String> variable = config.setting(PASSWORD_ENV);
        if (file.isPresent() == variable.isPresent()) {
            throw new IllegalArgumentException("give exactly one of " + PASSWORD_FILE + " and " + PASSWORD_ENV
                    + ": the RAPI password is read from a file or an environment variable, never from the repository");
        }
        if (file.isPresent()) {
            try {
                List<String> lines = Files.readAllLines(Path.of(file.get()), StandardCharsets.UTF_8);
                if (lines.isEmpty() || lines.get(0).isEmpty()) {
                    throw new IllegalArgumentException(PASSWORD_FILE + " " + file.get() + " is empty");
                }
                return lines.get(0);
            } catch (IOException e) {
                throw new IllegalArgumentException(PASSWORD_FILE + " " + file.get() + " cannot be read: "
                        + e.getMessage(), e);
            }
        }
        String value = env.apply(variable.get());
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("the environment variable " + variable.get() + " (" + PASSWORD_ENV
                    + ") is not set");
        }
        return value;
    }

    private static IllegalArgumentException missing(String key, String example) {
        return new IllegalArgumentException("setting " + key + " is required (" + example + ")");
    }

    @Override
    public String toString() {
        // never the password
        return "RapiSettings[" + rapi + ", user " + user + ", tlsName " + tlsName + "]";
    }
}

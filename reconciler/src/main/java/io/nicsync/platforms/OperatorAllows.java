package io.nicsync.platforms;

import io.nicsync.spi.TargetConfig;
import io.nicsync.spi.TargetException;
import io.nicsync.spi.TargetPlugin;
import io.nicsync.spi.TargetSetting;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where the operator lets a repository's {@code nicsync.yaml} point nicsync ({@link TargetSetting.Guard}): the
 * endpoints ({@code --allow-endpoint SCHEME://HOST[:PORT]}, or {@code $NICSYNC_ALLOW_ENDPOINTS}) and the local files
 * ({@code --allow-file PATH}, a directory when it ends with {@code /}, or {@code $NICSYNC_ALLOW_FILES}), both
 * comma-separated in the environment. A repository's value of a guarded setting outside them is refused before the
 * target is opened; a value given on the command line is the operator's and is not checked.
 *
 * <pre>{@code
 * --allow-endpoint 'qemu+ssh://*.lab.example.org'    uri: qemu+ssh://hv1.lab.example.org/system     allowed
 *                                                     uri: qemu+ssh://hv1.lab.example.org/system?command=/bin/sh
 *                                                                                                    refused
 * --allow-file /etc/nicsync/kube/                     kubeconfig: /etc/nicsync/kube/prod             allowed
 * }</pre>
 */
public record OperatorAllows(List<String> endpoints, List<String> files) {
    public static final OperatorAllows NOTHING = new OperatorAllows(List.of(), List.of());

    public OperatorAllows {
        endpoints = List.copyOf(endpoints);
        files = List.copyOf(files);
        for (String endpoint : endpoints) {
            Endpoint.parse(endpoint).orElseThrow(() -> new IllegalArgumentException("--allow-endpoint " + endpoint
                    + ": expected SCHEME://HOST[:PORT], such as qemu+ssh://hv1.example.org"));
        }
    }

    /** What {@code $NICSYNC_ALLOW_ENDPOINTS} and {@code $NICSYNC_ALLOW_FILES} allow. */
    public static OperatorAllows fromEnvironment(Map<String, String> env) {
        return new OperatorAllows(split(env.get("NICSYNC_ALLOW_ENDPOINTS")), split(env.get("NICSYNC_ALLOW_FILES")));
    }

    /** These and {@code more}. */
    public OperatorAllows and(OperatorAllows more) {
        List<String> e = new ArrayList<>(endpoints);
        e.addAll(more.endpoints);
        List<String> f = new ArrayList<>(files);
        f.addAll(more.files);
        return new OperatorAllows(e, f);
    }

    /**
     * Refuses a guarded setting of {@code config} that the repository set outside what is allowed.
     *
     * @param fromCommandLine the settings the command line gave: the operator's, not checked
     */
    void check(TargetConfig config, TargetPlugin plugin, Set<String> fromCommandLine) throws TargetException {
        for (TargetSetting setting : plugin.settings()) {
            String value = config.settings().get(setting.name());
            if (value == null || fromCommandLine.contains(setting.name())) {
                continue;
            }
            String refusal = switch (setting.guard()) {
                case NONE -> null;
                case ENDPOINT -> endpointAllowed(setting, value) ? null : "nicsync connects only where the operator "
                        + "allows: allow it with --allow-endpoint " + suggestion(value)
                        + listed(" endpoints allowed", allowedEndpoints(setting));
                case LOCAL_FILE -> fileAllowed(value) ? null : "nicsync reads only the files the operator allows: "
                        + "allow it with --allow-file " + value + listed(" files allowed", files);
                case OPERATOR_ONLY -> "only the operator sets it";
            };
            if (refusal != null) {
                throw new TargetException(TargetException.Reason.FORBIDDEN, "target " + config.name() + ": "
                        + setting.name() + " " + value + " comes from the repository, and " + refusal + "; or give "
                        + "it on the command line (--target-setting " + config.name() + "." + setting.name()
                        + "=VALUE)");
            }
        }
    }

    private boolean endpointAllowed(TargetSetting setting, String value) {
        if (setting.safeValues().contains(value) || endpoints.contains(value)) {
            return true;
        }
        Endpoint given = Endpoint.parse(value).orElse(null);
        if (given == null || given.parameters()) {
            return false; // parameters only exactly as the operator wrote them
        }
        return endpoints.stream().map(Endpoint::parse).flatMap(Optional::stream).anyMatch(given::within);
    }

    /** The scheme and host; an endpoint with parameters only exactly as written. */
    private static String suggestion(String value) {
        Optional<Endpoint> endpoint = Endpoint.parse(value);
        if (endpoint.isEmpty()) {
            return "SCHEME://HOST";
        }
        return endpoint.get().parameters() ? "'" + value + "' (its parameters only exactly so)"
                : endpoint.get().pattern();
    }

    private List<String> allowedEndpoints(TargetSetting setting) {
        List<String> all = new ArrayList<>(setting.safeValues());
        all.addAll(endpoints);
        return all;
    }

    private boolean fileAllowed(String value) {
        Path file = absolute(value);
        for (String allowed : files) {
            Path path = absolute(allowed);
            if (allowed.endsWith("/") ? file.startsWith(path) && !file.equals(path) : file.equals(path)) {
                return true;
            }
        }
        return false;
    }

    /** As the plugins read a file setting: {@code ~/} is the home directory. */
    private static Path absolute(String value) {
        String expanded = value.startsWith("~/") ? System.getProperty("user.home") + value.substring(1) : value;
        return Path.of(expanded).toAbsolutePath().normalize();
    }

    private static String listed(String what, Collection<String> values) {
        return values.isEmpty() ? "" : " (" + what.strip() + ": " + String.join(", ", values) + ")";
    }

    private static List<String> split(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** {@code scheme://[user@]host[:port]}, parsed leniently: libvirt's {@code qemu:///system} has no host. */
    private record Endpoint(String scheme, String user, String host, int port, boolean parameters) {
        static Optional<Endpoint> parse(String text) {
            int colon = text.indexOf("://");
            if (colon <= 0 || !text.substring(0, colon).matches("[A-Za-z][A-Za-z0-9+.-]*")) {
                return Optional.empty();
            }
            try {
                URI uri = new URI(text.endsWith("://") ? text + "/" : text);
                String authority = uri.getRawAuthority() == null ? "" : uri.getRawAuthority();
                String user = null;
                int at = authority.lastIndexOf('@');
                if (at >= 0) {
                    user = authority.substring(0, at);
                    authority = authority.substring(at + 1);
                }
                int port = -1;
                int portColon = authority.lastIndexOf(':');
                if (portColon >= 0 && !authority.endsWith("]")) {
                    port = Integer.parseInt(authority.substring(portColon + 1));
                    authority = authority.substring(0, portColon);
                }
                boolean parameters = uri.getRawQuery() != null || uri.getRawFragment() != null;
                return Optional.of(new Endpoint(uri.getScheme().toLowerCase(Locale.ROOT), user,
                        authority.toLowerCase(Locale.ROOT), port, parameters));
            } catch (URISyntaxException | NumberFormatException e) {
                return Optional.empty();
            }
        }

        /** Whether this endpoint is one the allowed {@code pattern} names. */
        boolean within(Endpoint pattern) {
            return scheme.equals(pattern.scheme)
                    && (pattern.user == null || pattern.user.equals(user))
                    && hostMatches(pattern.host)
                    && (pattern.port < 0 || pattern.port == port);
        }

        private boolean hostMatches(String allowed) {
            if (allowed.equals("*")) {
                return !host.isEmpty();
            }
            if (allowed.startsWith("*.")) {
                return host.endsWith(allowed.substring(1)) && host.length() > allowed.length() - 1;
            }
            return host.equals(allowed);
        }

        /** What to allow for this endpoint: its scheme and host (and port, when it names one). */
        String pattern() {
            return scheme + "://" + (user == null ? "" : user + "@") + host + (port < 0 ? "" : ":" + port);
        }
    }
}

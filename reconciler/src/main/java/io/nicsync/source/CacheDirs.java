package io.nicsync.source;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

/** Where remote repositories are cloned: one bare repository per URL under a cache root. */
final class CacheDirs {

    private static final int READABLE_LENGTH = 48;

    private CacheDirs() {}

    /** $NICSYNC_CACHE_DIR, else $XDG_CACHE_HOME/nicsync/repos, else {@code home}/.cache/nicsync/repos. */
    static Path defaultRoot(Map<String, String> env, Path home) {
        String explicit = env.get("NICSYNC_CACHE_DIR");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String xdg = env.get("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".cache");
        return base.resolve("nicsync").resolve("repos");
    }

    /**
     * A directory name for {@code url}: a readable part a person can recognise in {@code ls}, then a hash of the
     * whole URL so two URLs never share a clone. The readable part leaves out any user info: it may hold a password.
     */
    static String directoryName(String url) {
        String readable = withoutUserInfo(url).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-");
        readable = readable.replaceAll("^[-.]+|[-.]+$", "");
        if (readable.length() > READABLE_LENGTH) {
            readable = readable.substring(readable.length() - READABLE_LENGTH).replaceAll("^[-.]+", "");
        }
        return readable + "-" + sha256(url).substring(0, 16) + ".git";
    }

    private static String withoutUserInfo(String url) {
        int scheme = url.indexOf("://");
        String rest = scheme < 0 ? url : url.substring(scheme + 3);
        int slash = rest.indexOf('/');
        int at = rest.lastIndexOf('@', slash < 0 ? rest.length() - 1 : slash);
        return at < 0 ? rest : rest.substring(at + 1);
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}

package io.nicsync.plugin.libvirt;

/**
 * A NIC's nicsync name lives in libvirt as a user alias: {@code ua-uplink} for {@code uplink}. libvirt keeps
 * user aliases (the {@code ua-} prefix) in both the live and the persistent definition; its own aliases
 * ({@code net0}) change with every start and name nothing.
 */
final class Aliases {
    static final String PREFIX = "ua-";

    private Aliases() {
    }

    static String of(String nicName) {
        return PREFIX + nicName;
    }

    /** The NIC name an alias carries, or null for libvirt's own aliases and for none. */
    static String nameOf(String alias) {
        return alias != null && alias.startsWith(PREFIX) && alias.length() > PREFIX.length()
                ? alias.substring(PREFIX.length())
                : null;
    }
}

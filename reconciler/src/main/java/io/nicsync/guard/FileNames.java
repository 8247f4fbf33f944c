package io.nicsync.guard;

import java.util.regex.Pattern;

/**
 * The one way a name that came from outside (a target or VM name read from a plan file, a repository or a
 * platform) becomes part of a file name: a lock, a journal, an imported file. A name that could leave its
 * directory, hide a file or name a device is refused, never repaired, so that two names never map to one file.
 */
public final class FileNames {
    /** The names of targets and VMs the schemas allow, which never contain a separator or start with a dot. */
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,252}");

    private FileNames() {
    }

    /**
     * {@code name}, checked to be usable as one file name component.
     *
     * @param what what the name names, for the message ("target", "VM")
     * @throws IllegalArgumentException the name is empty, too long, or holds anything but letters, digits,
     *     {@code .}, {@code _} and {@code -} after a letter or digit
     */
    public static String of(String what, String name) {
        if (name == null || !SAFE.matcher(name).matches()) {
            throw new IllegalArgumentException(what + " name " + quoted(name) + " cannot name a file: only letters,"
                    + " digits, '.', '_' and '-' after a letter or digit, at most 253 characters");
        }
        return name;
    }

    private static String quoted(String name) {
        if (name == null) {
            return "(none)";
        }
        String shown = name.length() > 80 ? name.substring(0, 80) + "..." : name;
        return "'" + shown.replaceAll("\\p{Cntrl}", "?") + "'";
    }
}

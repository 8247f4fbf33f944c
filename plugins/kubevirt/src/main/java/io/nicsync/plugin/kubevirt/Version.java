package io.nicsync.plugin.kubevirt;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A KubeVirt release as the KubeVirt CR reports it ({@code status.observedKubeVirtVersion}, e.g. {@code v1.5.2}). */
record Version(int major, int minor) {
    private static final Pattern FORM = Pattern.compile("v?(\\d+)\\.(\\d+).*");

    static Version parse(String text) {
        Matcher m = FORM.matcher(text == null ? "" : text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a KubeVirt version: " + text);
        }
        return new Version(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    /** Whether this is release 1.{@code minor} or later. */
    boolean atLeast(int minor) {
        return major > 1 || major == 1 && this.minor >= minor;
    }

    /** v1.0 had only the imperative addinterface/removeinterface subresources. */
    boolean imperative() {
        return !atLeast(1);
    }

    @Override
    public String toString() {
        return "v" + major + "." + minor;
    }
}

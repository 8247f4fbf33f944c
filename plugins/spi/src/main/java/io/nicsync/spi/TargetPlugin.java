package io.nicsync.spi;

import java.util.List;
import java.util.Set;

/**
 * A kind of platform. Implementations are listed in {@code META-INF/services/io.nicsync.spi.TargetPlugin}
 * and found through {@link java.util.ServiceLoader}, from the class path or from jars in a plugins
 * directory.
 */
public interface TargetPlugin {

    /** The {@code kind} of the targets this plugin opens, as written in {@code nicsync.yaml}. */
    String kind();

    /** The desired network kinds ({@link NetworkRef#kind()}) this platform has. */
    Set<String> networkKinds();

    /**
     * The platform's own rules on a desired VM, checked without connecting to anything. Findings point at
     * nodes of the VM's document so that they are reported with file, line and column.
     */
    default List<Finding> check(DesiredVm vm) {
        return List.of();
    }

    /** Connects to a target. The caller closes it. */
    Target open(TargetConfig config) throws TargetException;
}

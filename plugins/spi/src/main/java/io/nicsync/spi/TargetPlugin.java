package io.nicsync.spi;

import java.util.List;
import java.util.Optional;

/**
 * A kind of platform. Implementations are listed in {@code META-INF/services/io.nicsync.spi.TargetPlugin}
 * and found through {@link java.util.ServiceLoader}, from the class path or from jars in a plugins
 * directory ({@code plugins.d/}).
 *
 * <p>A plugin declares its vocabulary: the network kinds a NIC can be on ({@link #networkKinds}), the settings of
 * its targets ({@link #settings}), the models and bindings its NICs take. nicsync composes its schemas, its
 * validation, its plan files, {@code nicsync import} and {@code nicsync plugins} from these declarations, so that a
 * platform is one plugin and nothing else. {@code plugins/tck} is the contract a plugin's tests run against its
 * real or simulated platform.
 */
public interface TargetPlugin {

    /** The {@code kind} of the targets this plugin opens, as written in {@code nicsync.yaml}. */
    String kind();

    /** The platform's name as people write it ({@code libvirt}, {@code KubeVirt}), for messages and documents. */
    default String platform() {
        return kind();
    }

    /** One line for people: the platform and how a target is reached. */
    default String description() {
        return kind();
    }

    /** The network kinds this platform has: those NICs can be declared on, and those only ever observed. */
    List<NetworkKind> networkKinds();

    /** The keys its targets take in {@code nicsync.yaml} besides {@code name} and {@code kind}. */
    default List<TargetSetting> settings() {
        return List.of();
    }

    /** The setting {@code --target-uri} replaces, if the plugin has one. */
    default Optional<TargetSetting> endpoint() {
        return settings().stream().filter(TargetSetting::endpoint).findFirst();
    }

    /** The NIC models a desired NIC may name ({@code model}); none by default. */
    default Vocabulary models() {
        return Vocabulary.NONE;
    }

    /** The bindings a desired NIC may name ({@code binding}); none by default. */
    default Vocabulary bindings() {
        return Vocabulary.NONE;
    }

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

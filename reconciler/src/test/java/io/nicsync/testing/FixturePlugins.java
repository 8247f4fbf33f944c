package io.nicsync.testing;

import io.nicsync.platforms.Plugins;
import io.nicsync.spi.NetworkKind;
import io.nicsync.spi.NetworkRef;
import io.nicsync.spi.Target;
import io.nicsync.spi.TargetConfig;
import io.nicsync.spi.TargetPlugin;
import io.nicsync.spi.VmRef;
import io.nicsync.spi.Vocabulary;
import java.util.List;

/**
 * The vocabulary the reconciler's own test fixtures are written in, for tests that need declarations (the plan
 * file's schema) without a real plugin: the reconciler knows no plugin, and the bundled ones are tested with it in
 * dist/. The kinds are those the plan scenarios name.
 */
public final class FixturePlugins {
    public static final Plugins ALL = Plugins.of(List.of(new Fixtures()));

    private FixturePlugins() {
    }

    /** {@code multus: [namespace/]name}, read as written. */
    private static final class Multus implements NetworkKind {
        @Override
        public String key() {
            return "multus";
        }

        @Override
        public String description() {
            return "a NetworkAttachmentDefinition";
        }

        @Override
        public List<Attribute> attributes() {
            return List.of(Attribute.optional("namespace", "its namespace"), Attribute.required("name", "its name"));
        }

        @Override
        public String schema() {
            return "{\"type\": \"string\"}";
        }

        @Override
        public NetworkRef decode(Object value, VmRef vm) {
            String text = String.valueOf(value);
            int slash = text.indexOf('/');
            return slash < 0 ? NetworkRef.named("multus", text)
                    : NetworkRef.of("multus", "namespace", text.substring(0, slash), "name", text.substring(slash + 1));
        }

        @Override
        public Object encode(NetworkRef ref, VmRef vm) {
            return ref.attribute("namespace") == null ? ref.name() : ref.attribute("namespace") + "/" + ref.name();
        }
    }

    private static final class Fixtures implements TargetPlugin {
        @Override
        public String kind() {
            return "fixtures";
        }

        @Override
        public List<NetworkKind> networkKinds() {
            return List.of(
                    NetworkKind.hostBridge("a host bridge"),
                    NetworkKind.platformNetwork("a platform network"),
                    new Multus(),
                    NetworkKind.empty("pod", "the pod network"),
                    NetworkKind.observed("direct", "macvtap", "device", "mode"),
                    NetworkKind.observed("user", "user networking"),
                    NetworkKind.observed("other", "anything else", "type"));
        }

        @Override
        public Vocabulary models() {
            return Vocabulary.of("virtio", "e1000", "e1000e", "rtl8139");
        }

        @Override
        public Target open(TargetConfig config) {
            throw new UnsupportedOperationException("fixtures are never opened");
        }
    }
}

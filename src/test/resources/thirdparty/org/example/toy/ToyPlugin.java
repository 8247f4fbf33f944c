package org.example.toy;

import io.nicsync.spi.NetworkKind;
import io.nicsync.spi.NetworkRef;
import io.nicsync.spi.Target;
import io.nicsync.spi.TargetConfig;
import io.nicsync.spi.TargetException;
import io.nicsync.spi.TargetPlugin;
import io.nicsync.spi.TargetSetting;
import io.nicsync.spi.VmRef;
import io.nicsync.spi.Vocabulary;
import java.nio.file.Path;
import java.util.List;

/**
 * A platform nicsync has never heard of, written by a third party against the SPI alone and dropped into plugins.d:
 * its VMs live in a text file, its NICs sit on numbered segments. It brings a network kind ({@code segment: 42}) and
 * a target setting ({@code stateFile}, the endpoint) that nothing else in nicsync knows.
 */
public final class ToyPlugin implements TargetPlugin {

    @Override
    public String kind() {
        return "toy";
    }

    @Override
    public String platform() {
        return "Toy";
    }

    @Override
    public String description() {
        return "toy VMs kept in a state file, NICs on numbered segments";
    }

    @Override
    public List<NetworkKind> networkKinds() {
        return List.of(new Segment());
    }

    @Override
    public List<TargetSetting> settings() {
        return List.of(
                TargetSetting.text("stateFile", "the file the toy platform keeps its VMs in").asEndpoint(),
                TargetSetting.of("slots", "NICs a running VM can take (default 4)",
                        "{\"type\": \"string\", \"pattern\": \"^[0-9]{1,2}$\", \"x-expected\": \"a number of NICs\"}"));
    }

    @Override
    public Vocabulary models() {
        return Vocabulary.of("toynet");
    }

    @Override
    public Target open(TargetConfig config) throws TargetException {
        Path file = Path.of(config.setting("stateFile").orElseThrow(() -> new TargetException(
                TargetException.Reason.UNREACHABLE, "target " + config.name() + ": no stateFile")));
        return new ToyTarget(config.name(), file, Integer.parseInt(config.setting("slots").orElse("4")));
    }

    /** {@code segment: 42}: a numbered segment, kept as the reference's {@code id}. */
    static final class Segment implements NetworkKind {
        @Override
        public String key() {
            return "segment";
        }

        @Override
        public String description() {
            return "a numbered toy segment";
        }

        @Override
        public List<Attribute> attributes() {
            return List.of(Attribute.required("id", "the segment's number"));
        }

        @Override
        public String schema() {
            return "{\"type\": \"integer\", \"minimum\": 1, \"maximum\": 4094}";
        }

        @Override
        public NetworkRef decode(Object value, VmRef vm) {
            return NetworkRef.of("segment", "id", String.valueOf(((Number) value).intValue()));
        }

        @Override
        public Object encode(NetworkRef ref, VmRef vm) {
            return Integer.valueOf(ref.attribute("id"));
        }
    }
}

package io.nicsync.plugin.kubevirt.sim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Test objects read from files on the class path, JSON or YAML. */
public final class Fixtures {
    private static final KubernetesSerialization YAML = new KubernetesSerialization();

    private Fixtures() {
    }

    public static ObjectNode object(String resource) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/" + resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + resource);
            }
            return Json.MAPPER.valueToTree(YAML.unmarshal(in, java.util.Map.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The VM {@code web-01} in namespace {@code prod}: pod network (masquerade) and NAD {@code blue} (bridge). */
    public static ObjectNode web01() {
        return object("vms/web-01.json");
    }

    /**
     * {@link #web01} as upstream manifests write a VM: no {@code macAddress} on any interface, so the running VM
     * gets the MAC KubeVirt chooses.
     */
    public static ObjectNode web01WithoutMacs() {
        ObjectNode vm = web01();
        vm.at("/spec/template/spec/domain/devices/interfaces")
                .forEach(iface -> ((ObjectNode) iface).remove("macAddress"));
        return vm;
    }
}

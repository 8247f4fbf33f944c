package io.nicsync.plugin.kubevirt;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a listing keeps of each virt-launcher pod, read as the page is parsed. */
class LauncherPartTest {
    private static final String STATUS = "[{\"name\":\"k8s-pod-network\",\"interface\":\"eth0\",\"default\":true},"
            + "{\"name\":\"prod/blue\",\"interface\":\"pod16367aacb67\"}]";

    /**
     * A virt-launcher pod as kube-apiserver lists it: managed fields, containers, volumes and conditions, with
     * {@code name}, {@code phase} and {@code nodeName} keys at other depths than the ones read.
     */
    private static ObjectNode launcher(String name, String uid) {
        ObjectNode pod = TemplatePatch.JSON.createObjectNode().put("apiVersion", "v1").put("kind", "Pod");
        ObjectNode meta = pod.putObject("metadata");
        meta.putArray("managedFields").addObject().put("manager", "virt-controller").putObject("fieldsV1")
                .putObject("f:metadata").putObject("f:labels").putObject("f:kubevirt.io/created-by");
        meta.put("name", name).put("namespace", "prod").put("uid", "pod-" + uid).put("resourceVersion", "4711");
        meta.putObject("labels").put("kubevirt.io", "virt-launcher").put("kubevirt.io/created-by", uid)
                .put("vm.kubevirt.io/name", "web-1");
        meta.putObject("annotations").put("kubectl.kubernetes.io/default-container", "compute")
                .put(ObservedVm.NETWORK_STATUS, STATUS).put("kubevirt.io/domain", "web-1");
        meta.putArray("ownerReferences").addObject().put("kind", "VirtualMachineInstance").put("name", "web-1")
                .put("uid", uid);
        ObjectNode spec = pod.putObject("spec");
        ObjectNode compute = spec.putArray("containers").addObject().put("name", "compute")
                .put("image", "quay.io/kubevirt/virt-launcher:v1.6.0");
        compute.putArray("command").add("/usr/bin/virt-launcher-monitor").add("--qemu-timeout").add("321s");
        compute.putObject("resources").putObject("limits").put("devices.kubevirt.io/kvm", "1");
        spec.putArray("volumes").addObject().put("name", "private").putObject("emptyDir");
        spec.putObject("affinity").putObject("nodeAffinity").putObject("preferred").put("nodeName", "elsewhere");
        spec.put("nodeName", "node-2").put("priority", 0).put("hostname", "web-1");
        ObjectNode status = pod.putObject("status");
        status.putArray("conditions").addObject().put("type", "Ready").put("status", "True").put("phase", "no");
        status.put("phase", "Running").put("podIP", "10.244.1.7");
        status.putArray("containerStatuses").addObject().put("name", "compute").putObject("state")
                .putObject("running").put("startedAt", "2026-12-01T10:00:00Z");
        return pod;
    }

    private static List<JsonNode> parts(String list) throws IOException {
        List<JsonNode> parts = new ArrayList<>();
        try (JsonParser parser = TemplatePatch.JSON.createParser(list)) {
            assertThat(parser.nextToken()).isEqualTo(JsonToken.START_ARRAY);
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                parts.add(Api.launcherPart(parser));
            }
            assertThat(parser.currentToken()).isEqualTo(JsonToken.END_ARRAY);
            assertThat(parser.nextToken()).isNull();
        }
        return parts;
    }

    @Test
    void keepsWhatAReadingUsesOfEachPodAndLeavesTheParserAfterIt() throws IOException {
        ObjectNode second = launcher("virt-launcher-db-1-x7k2p", "uid-db-1");
        second.withObjectProperty("status").put("phase", "Succeeded");
        second.withObjectProperty("spec").put("nodeName", "node-3");
        List<JsonNode> parts = parts("[" + launcher("virt-launcher-web-1-abcde", "uid-web-1") + "," + second + "]");

        ObjectNode expected = TemplatePatch.JSON.createObjectNode();
        ObjectNode meta = expected.putObject("metadata").put("name", "virt-launcher-web-1-abcde")
                .put("namespace", "prod").put("resourceVersion", "4711");
        meta.putObject("labels").put("kubevirt.io/created-by", "uid-web-1");
        meta.putObject("annotations").put(ObservedVm.NETWORK_STATUS, STATUS);
        expected.putObject("spec").put("nodeName", "node-2");
        expected.putObject("status").put("phase", "Running");
        assertThat(parts).hasSize(2);
        assertThat(parts.get(0)).isEqualTo(expected);
        assertThat(parts.get(1).at("/metadata/name").asText()).isEqualTo("virt-launcher-db-1-x7k2p");
        assertThat(parts.get(1).at("/metadata/labels/kubevirt.io~1created-by").asText()).isEqualTo("uid-db-1");
        assertThat(parts.get(1).at("/spec/nodeName").asText()).isEqualTo("node-3");
        assertThat(parts.get(1).at("/status/phase").asText()).isEqualTo("Succeeded");
        // what picks the pod running a VMI reads the part as it read the whole pod
        ObjectNode vmi = TemplatePatch.JSON.createObjectNode();
        vmi.putObject("metadata").put("uid", "uid-web-1");
        vmi.putObject("status").put("nodeName", "node-2");
        assertThat(Api.launcherPod(vmi, parts)).isSameAs(parts.get(0));
    }

    @Test
    void aPodWithoutTheFieldsReadsThemAsEmptyAndKeepsNoAnnotation() throws IOException {
        ObjectNode bare = TemplatePatch.JSON.createObjectNode().put("kind", "Pod");
        bare.putObject("metadata").put("name", "p").putObject("labels").putArray("kubevirt.io/created-by").add("odd");
        bare.putArray("spec");
        ObjectNode after = launcher("virt-launcher-after", "uid-after");
        List<JsonNode> parts = parts("[" + bare + "," + after + "]");

        JsonNode part = parts.get(0);
        assertThat(part.at("/metadata/name").asText()).isEqualTo("p");
        assertThat(part.at("/metadata/namespace").asText()).isEmpty();
        assertThat(part.at("/metadata/labels/kubevirt.io~1created-by").asText()).isEmpty();
        assertThat(part.at("/metadata").has("annotations")).isFalse();
        assertThat(part.at("/spec/nodeName").asText()).isEmpty();
        assertThat(part.at("/status/phase").asText()).isEmpty();
        // an array where an object or a text was expected is skipped whole: the next pod is read as it is
        assertThat(parts.get(1).at("/metadata/name").asText()).isEqualTo("virt-launcher-after");
        assertThat(parts.get(1).at("/spec/nodeName").asText()).isEqualTo("node-2");
    }
}

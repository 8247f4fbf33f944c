package io.nicsync.plugin.kubevirt;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.nicsync.spi.DesiredVm;
import io.nicsync.spi.Finding;
import io.nicsync.spi.NetworkKind;
import io.nicsync.spi.Target;
import io.nicsync.spi.TargetConfig;
import io.nicsync.spi.TargetException;
import io.nicsync.spi.TargetPlugin;
import io.nicsync.spi.TargetSetting;
import io.nicsync.spi.Vocabulary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Targets of kind {@code kubevirt}: a Kubernetes cluster running KubeVirt, by kubeconfig context or in-cluster.
 *
 * <p>Settings: {@code kubeconfig} (a kubeconfig file, {@code ~/} for the home directory; without it the file
 * kubectl would read: {@code KUBECONFIG}, else {@code ~/.kube/config}), {@code context} (a context of that
 * file; without it the current context, or the in-cluster service account in a pod) and {@code hotplug}
 * ({@code auto}, {@code in-place} or {@code migration}).
 */
public final class KubevirtPlugin implements TargetPlugin {

    @Override
    public String kind() {
        return "kubevirt";
    }

    @Override
    public String platform() {
        return "KubeVirt";
    }

    @Override
    public String description() {
        return "KubeVirt VirtualMachines on a Kubernetes cluster, reached by kubeconfig context or in-cluster";
    }

    @Override
    public List<NetworkKind> networkKinds() {
        return Networks.KINDS;
    }

    @Override
    public List<TargetSetting> settings() {
        return List.of(
                TargetSetting.text("kubeconfig", "kubeconfig file (~/ for the home directory); default KUBECONFIG,"
                        + " else ~/.kube/config"),
                TargetSetting.text("context", "kubeconfig context; omitted in a pod: in-cluster configuration")
                        .asEndpoint(),
                TargetSetting.of("hotplug", "how NICs reach a running VM (default auto)",
                        "{\"enum\": [\"auto\", \"in-place\", \"migration\"]}"));
    }

    @Override
    public Vocabulary models() {
        return Vocabulary.of("virtio", "e1000", "e1000e", "rtl8139");
    }

    /** KubeVirt's own bindings, and network binding plugins by any name. */
    @Override
    public Vocabulary bindings() {
        return Vocabulary.open("bridge", "masquerade", "sriov", "passt");
    }

    @Override
    public List<Finding> check(DesiredVm vm) {
        return KubevirtRules.check(vm);
    }

    @Override
    public Target open(TargetConfig config) throws TargetException {
        HotplugSetting hotplug = HotplugSetting.parse(config.setting("hotplug").orElse("auto"));
        KubernetesClient client;
        try {
            client = new KubernetesClientBuilder().withConfig(kubeconfig(config)).build();
        } catch (KubernetesClientException e) {
            throw Failures.of("target " + config.name() + ": kubeconfig", e);
        }
        return open(config.name(), client, hotplug, Pacer.SYSTEM);
    }

    private static Config kubeconfig(TargetConfig config) throws TargetException {
        String context = config.setting("context").orElse(null);
        Optional<String> setting = config.setting("kubeconfig");
        if (setting.isEmpty()) {
            return Config.autoConfigure(context);
        }
        String path = setting.get();
        Path file = path.startsWith("~/") ? Path.of(System.getProperty("user.home"), path.substring(2)) : Path.of(path);
        if (!Files.isRegularFile(file)) {
            throw new TargetException(TargetException.Reason.NOT_FOUND,
                    "target " + config.name() + ": kubeconfig " + path + ": no such file");
        }
        return Config.fromKubeconfig(context, file.toFile());
    }

    /** Opens a target on a given client (tests pass their cluster's client and clock). */
    static Target open(String name, KubernetesClient client, HotplugSetting hotplug, Pacer pacer)
            throws TargetException {
        Api api = new Api(client);
        try {
            return KubevirtTarget.open(name, api, hotplug, pacer);
        } catch (TargetException | RuntimeException e) {
            api.close();
            throw e;
        }
    }
}

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
    /** fabric8's retries of a request that got no answer or a 5xx, after 100 and 200 ms. */
    private static final int RETRIES = 2;

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
                // a kubeconfig carries credentials and may run commands (exec): the operator's file, not the
                // repository's choice
                TargetSetting.text("kubeconfig", "kubeconfig file (~/ for the home directory); default KUBECONFIG,"
                        + " else ~/.kube/config").guarded(TargetSetting.Guard.LOCAL_FILE),
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
        Config kubeconfig;
        String files;
        if (setting.isEmpty()) {
            kubeconfig = Config.autoConfigure(context);
            files = String.join(", ", Config.getKubeconfigFilenames());
        } else {
            String path = setting.get();
            Path file = path.startsWith("~/") ? Path.of(System.getProperty("user.home"), path.substring(2))
                    : Path.of(path);
            if (!Files.isRegularFile(file)) {
                throw new TargetException(TargetException.Reason.NOT_FOUND,
                        "target " + config.name() + ": kubeconfig " + path + ": no such file");
            }
            kubeconfig = Config.fromKubeconfig(context, file.toFile());
            files = path;
        }
        // fabric8 falls back to the current context when the named one is missing: that is another cluster
        if (context != null && kubeconfig.getContexts().stream().noneMatch(c -> context.equals(c.getName()))) {
            List<String> known = kubeconfig.getContexts().stream().map(c -> c.getName()).toList();
            throw new TargetException(TargetException.Reason.NOT_FOUND, "target " + config.name() + ": context \""
                    + context + "\" does not exist in kubeconfig " + (files.isEmpty() ? "(none found)" : files)
                    + " (contexts: " + (known.isEmpty() ? "none" : String.join(", ", known)) + ")");
        }
        if (System.getProperty(Config.KUBERNETES_REQUEST_RETRY_BACKOFFLIMIT_SYSTEM_PROPERTY) == null
                && System.getenv("KUBERNETES_REQUEST_RETRY_BACKOFFLIMIT") == null) {
            // an endpoint that refuses fails in a fraction of a second, not after ten growing back-offs
            kubeconfig.setRequestRetryBackoffLimit(RETRIES);
        }
        return kubeconfig;
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

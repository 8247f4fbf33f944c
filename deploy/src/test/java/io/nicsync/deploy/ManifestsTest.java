package io.nicsync.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.io.IOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** deploy/'s manifests: typed, complete, consistent with each other, and accepted by an API server. */
class ManifestsTest {
    /** The mock server logs every request at INFO; kept here so the level holds. */
    static final Logger MOCK_SERVER_LOG = Logger.getLogger("io.fabric8.mockwebserver");
    static final String NAMESPACE = "nicsync";
    final CronJob cronJob = Manifests.one(CronJob.class);

    static {
        MOCK_SERVER_LOG.setLevel(Level.WARNING);
    }

    final Deployment deployment = Manifests.one(Deployment.class);

    @Test
    void everyManifestParsesIntoTypedObjectsWithoutUnknownFields() {
        List<HasMetadata> all = Manifests.all();

        assertThat(all).extracting(HasMetadata::getKind).containsExactly("Namespace", "ServiceAccount",
                "ClusterRole", "ClusterRoleBinding", "Role", "RoleBinding", "ConfigMap", "Secret", "Secret", "Secret",
                "Secret",
                "CronJob", "PersistentVolumeClaim", "Deployment", "Service");
        assertThat(all).flatMap(UnknownFields::of).isEmpty();
        assertThat(all).filteredOn(o -> !(o instanceof Namespace) && !o.getKind().startsWith("Cluster"))
                .allSatisfy(o -> assertThat(o.getMetadata().getNamespace()).as(o.getKind()).isEqualTo(NAMESPACE));
    }

    @Test
    void aMisspeltFieldDeepInAPodTemplateIsFound() {
        CronJob typo = Serialization.unmarshal("""
                apiVersion: batch/v1
                kind: CronJob
                metadata: {name: x}
                spec:
                  schedule: "* * * * *"
                  jobTemplate:
                    spec:
                      template:
                        spec:
                          containers:
                            - name: c
                              securityContext: {readOnlyRootFileSystem: true}
                """, CronJob.class);

        assertThat(UnknownFields.of(typo)).singleElement().asString()
                .contains("containers[0].securityContext").contains("readOnlyRootFileSystem");
    }

    @Test
    void everyManifestIsCreatedOnTheApiServer() {
        KubernetesMockServer server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
                new KubernetesCrudDispatcher(), false);
        server.init();
        try (KubernetesClient client = server.createClient()) {
            for (HasMetadata object : Manifests.all()) {
                client.resource(object).create();
            }
            for (HasMetadata object : Manifests.all()) {
                HasMetadata stored = client.resource(object).get();
                assertThat(stored).as(object.getKind() + " " + object.getMetadata().getName()).isNotNull();
                assertThat(stored.getMetadata().getUid()).isNotBlank();
            }
            assertThat(client.batch().v1().cronjobs().inNamespace(NAMESPACE).withName("nicsync").get().getSpec()
                    .getConcurrencyPolicy()).isEqualTo("Forbid");
        } finally {
            server.destroy();
        }
    }

    @Test
    void theCronJobNeverRunsTwiceAndKeepsItsStateAcrossRuns() {
        assertThat(cronJob.getSpec().getConcurrencyPolicy()).isEqualTo("Forbid");
        assertThat(cronJob.getSpec().getStartingDeadlineSeconds()).isPositive();
        assertThat(cronJob.getSpec().getJobTemplate().getSpec().getBackoffLimit()).isBetween(0, 5);
        PodSpec pod = cronJob.getSpec().getJobTemplate().getSpec().getTemplate().getSpec();
        Volume state = volumeAt(pod, env(container(pod), "NICSYNC_STATE_DIR"));
        assertThat(state.getPersistentVolumeClaim()).as("the state of a run must outlive its pod").isNotNull();
        Volume cache = volumeAt(pod, env(container(pod), "NICSYNC_CACHE_DIR"));
        assertThat(cache.getPersistentVolumeClaim()).as("the clone and the checks kept by blob id must outlive a run,"
                + " or every run starts cold").isNotNull();
        assertThat(Manifests.named(PersistentVolumeClaim.class, state.getPersistentVolumeClaim().getClaimName()))
                .isPresent();
    }

    @Test
    void theDeploymentRunsThreeReplicasThatKnowTheirNames() {
        assertThat(deployment.getSpec().getReplicas()).isEqualTo(3);
        PodSpec pod = deployment.getSpec().getTemplate().getSpec();
        Container serve = container(pod);
        EnvVar podName = serve.getEnv().stream().filter(e -> e.getName().equals("POD_NAME")).findFirst().orElseThrow();
        assertThat(podName.getValueFrom().getFieldRef().getFieldPath()).isEqualTo("metadata.name");
        // an emptyDir outlives container restarts: a restarted container recovers the run it was killed in
        assertThat(volumeAt(pod, env(serve, "NICSYNC_STATE_DIR")).getEmptyDir()).isNotNull();
        for (Probe probe : List.of(serve.getStartupProbe(), serve.getLivenessProbe(), serve.getReadinessProbe())) {
            assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo(serve.getPorts().get(0).getName());
        }
        // live while the HTTP server answers and no cycle is stuck; ready once cycles finish
        assertThat(serve.getStartupProbe().getHttpGet().getPath()).isEqualTo("/healthz");
        assertThat(serve.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/healthz");
        assertThat(serve.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/readyz");
        // serve listens on 127.0.0.1 unless told otherwise: the Deployment must say where
        assertThat(serve.getArgs()).containsSubsequence("--listen", "0.0.0.0:" + serve.getPorts().get(0)
                .getContainerPort());
    }

    @Test
    void theServiceReachesTheServeReplicas() {
        Service service = Manifests.one(Service.class);
        Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
        assertThat(podLabels).containsAllEntriesOf(service.getSpec().getSelector());
        assertThat(deployment.getSpec().getSelector().getMatchLabels()).isEqualTo(service.getSpec().getSelector());
        assertThat(service.getSpec().getPorts()).singleElement()
                .satisfies(p -> assertThat(p.getTargetPort().getStrVal()).isEqualTo("http"));
    }

    @Test
    void everyPodRunsAsNonRootOnAReadOnlyRootFilesystemWithItsWritablePathsOnVolumes() {
        for (PodSpec pod : pods()) {
            assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
            assertThat(pod.getSecurityContext().getRunAsUser()).isPositive();
            assertThat(pod.getServiceAccountName()).isEqualTo("nicsync");
            Container c = container(pod);
            assertThat(c.getImage()).isEqualTo(System.getProperty("nicsync.image"));
            assertThat(c.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
            assertThat(c.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
            assertThat(c.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
            for (String writable : List.of(env(c, "NICSYNC_STATE_DIR"), env(c, "NICSYNC_CACHE_DIR"), "/tmp",
                    "/home/nicsync")) {
                assertThat(volumeAt(pod, writable)).as(writable).isNotNull();
            }
            assertThat(c.getVolumeMounts().stream().map(VolumeMount::getName).distinct().toList())
                    .containsExactlyInAnyOrderElementsOf(pod.getVolumes().stream().map(Volume::getName).toList());
        }
    }

    @Test
    void everyObjectThePodsReferExistsWithTheKeysTheyRead() {
        assertThat(Manifests.named(ServiceAccount.class, "nicsync")).isPresent();
        for (PodSpec pod : pods()) {
            Container c = container(pod);
            c.getEnvFrom().forEach(from -> assertThat(Manifests.named(ConfigMap.class,
                    from.getConfigMapRef().getName())).isPresent());
            for (EnvVar e : c.getEnv()) {
                if (e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null) {
                    var ref = e.getValueFrom().getSecretKeyRef();
                    Secret secret = Manifests.named(Secret.class, ref.getName()).orElseThrow();
                    assertThat(secret.getStringData()).as(e.getName()).containsKey(ref.getKey());
                }
            }
            Secret git = Manifests.named(Secret.class, "nicsync-git").orElseThrow();
            String mount = c.getVolumeMounts().stream().filter(m -> m.getName().equals("git")).findFirst()
                    .orElseThrow().getMountPath();
            for (String file : List.of(arg(c, "--ssh-key"), arg(c, "--known-hosts"))) {
                assertThat(file).startsWith(mount + "/");
                assertThat(git.getStringData()).containsKey(file.substring(mount.length() + 1));
            }
        }
    }

    @Test
    void theKustomizationListsTheServeManifests() throws IOException {
        String kustomization = Files.readString(Manifests.DIR.resolve("kustomization.yaml"));
        for (String file : Manifests.FILES) {
            assertThat(kustomization.contains("  - " + file + "\n")).as(file)
                    .isEqualTo(!file.equals("cronjob.yaml") && !file.equals("secret.yaml"));
        }
    }

    /**
     * kubectl apply -k must never overwrite Secrets created before it (kubectl create secret): the kustomization
     * leaves them out, and a pod still starts where one a setup does not need is missing.
     */
    @Test
    void theSecretsAreLeftToTheUserAndOptionalWhereASetupNeedsNone() {
        for (PodSpec pod : pods()) {
            Volume git = pod.getVolumes().stream().filter(v -> v.getSecret() != null).findFirst().orElseThrow();
            assertThat(git.getSecret().getSecretName()).isEqualTo("nicsync-git");
            assertThat(git.getSecret().getOptional()).isTrue();
        }
        EnvVar webhook = container(deployment.getSpec().getTemplate().getSpec()).getEnv().stream()
                .filter(e -> e.getName().equals("NICSYNC_WEBHOOK_SECRET")).findFirst().orElseThrow();
        assertThat(webhook.getValueFrom().getSecretKeyRef().getOptional()).isTrue();
    }

    /** The ServiceMonitor scrapes the Service's named metrics port, in the namespace of the manifests. */
    @Test
    void theServiceMonitorScrapesTheServesMetrics() {
        GenericKubernetesResource monitor = (GenericKubernetesResource) Manifests.file("servicemonitor.yaml").get(0);
        assertThat(monitor.getApiVersion()).isEqualTo("monitoring.coreos.com/v1");
        assertThat(monitor.getKind()).isEqualTo("ServiceMonitor");
        assertThat(monitor.getMetadata().getNamespace()).isEqualTo(NAMESPACE);
        Service service = Manifests.one(Service.class);
        Map<String, Object> spec = monitor.get("spec");
        Map<String, String> selector = monitor.get("spec", "selector", "matchLabels");
        assertThat(service.getMetadata().getLabels()).containsAllEntriesOf(selector);
        assertThat(service.getSpec().getSelector()).containsAllEntriesOf(selector);
        List<String> namespaces = monitor.get("spec", "namespaceSelector", "matchNames");
        assertThat(namespaces).containsExactly(NAMESPACE);
        List<Map<String, Object>> endpoints = monitor.get("spec", "endpoints");
        assertThat(endpoints).singleElement().satisfies(e -> {
            assertThat(e.get("path")).isEqualTo("/metrics");
            assertThat(service.getSpec().getPorts()).extracting(p -> p.getName()).contains((String) e.get("port"));
        });
        assertThat(spec).containsOnlyKeys("selector", "namespaceSelector", "endpoints");
    }

    private List<PodSpec> pods() {
        return List.of(cronJob.getSpec().getJobTemplate().getSpec().getTemplate().getSpec(),
                deployment.getSpec().getTemplate().getSpec());
    }

    static Container container(PodSpec pod) {
        assertThat(pod.getContainers()).hasSize(1);
        return pod.getContainers().get(0);
    }

    static String env(Container c, String name) {
        return c.getEnv().stream().filter(e -> e.getName().equals(name)).map(EnvVar::getValue).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " in " + c.getName()));
    }

    static String arg(Container c, String option) {
        List<String> args = c.getArgs();
        int i = args.indexOf(option);
        assertThat(i).as(option).isNotNegative();
        return args.get(i + 1);
    }

    /** The volume mounted at {@code path} (not read-only), or null. */
    static Volume volumeAt(PodSpec pod, String path) {
        return Stream.of(container(pod)).flatMap(c -> c.getVolumeMounts().stream())
                .filter(m -> m.getMountPath().equals(path) && !Boolean.TRUE.equals(m.getReadOnly()))
                .flatMap(m -> pod.getVolumes().stream().filter(v -> v.getName().equals(m.getName())))
                .findFirst().orElse(null);
    }
}

package io.nicsync.cluster;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Whether and where {@code serve} and {@code reconcile --once} record Kubernetes Events: only in a pod (the kubelet
 * sets {@code KUBERNETES_SERVICE_HOST}; the manifests give {@code POD_NAMESPACE} and {@code POD_NAME} from the
 * downward API), unless {@code NICSYNC_EVENTS=false}. {@code NICSYNC_WORKLOAD} names nicsync's own Deployment or
 * CronJob ({@code Deployment/nicsync}), which a failed run's Event is about.
 *
 * @param namespace nicsync's namespace, where its workload's Events go
 * @param workload nicsync's Deployment or CronJob; null when not named (only the VMs get Events)
 * @param instance this pod, as Events name their reporter
 */
public record EventSettings(String namespace, Workload workload, String instance) {

    /** A Deployment or CronJob by name. */
    public record Workload(String apiVersion, String kind, String name) {
        static Workload parse(String text) {
            String[] parts = text.strip().split("/", -1);
            if (parts.length != 2 || !parts[1].matches("[a-z0-9]([-a-z0-9.]*[a-z0-9])?")) {
                throw new IllegalArgumentException("NICSYNC_WORKLOAD must be Deployment/NAME or CronJob/NAME, not '"
                        + text + "'");
            }
            return switch (parts[0].toLowerCase(Locale.ROOT)) {
                case "deployment" -> new Workload("apps/v1", "Deployment", parts[1]);
                case "cronjob" -> new Workload("batch/v1", "CronJob", parts[1]);
                default -> throw new IllegalArgumentException("NICSYNC_WORKLOAD must be Deployment/NAME or "
                        + "CronJob/NAME, not '" + text + "'");
            };
        }
    }

    public static Optional<EventSettings> fromEnvironment(Map<String, String> env) {
        String switched = env.getOrDefault("NICSYNC_EVENTS", "").strip().toLowerCase(Locale.ROOT);
        if (switched.equals("false") || switched.equals("off") || switched.equals("0")) {
            return Optional.empty();
        }
        String namespace = env.get("POD_NAMESPACE");
        if (blank(env.get("KUBERNETES_SERVICE_HOST")) || blank(namespace)) {
            return Optional.empty(); // not in a pod, or one that does not say its namespace
        }
        String workload = env.get("NICSYNC_WORKLOAD");
        return Optional.of(new EventSettings(namespace.strip(), blank(workload) ? null : Workload.parse(workload),
                LeadershipSettings.identity(env)));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}

package io.nicsync.plugin.kubevirt;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.nicsync.spi.Announcement;
import io.nicsync.spi.TargetException;
import io.nicsync.spi.VmRef;
import java.net.HttpURLConnection;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Announcements as core/v1 Events on the VirtualMachine, where {@code kubectl describe vm} and
 * {@code kubectl events --for vm/NAME} show them. As Kubernetes' own event recorder does, the same event again is
 * one Event whose {@code count} and {@code lastTimestamp} move: its name is the VM's and a digest of what it says,
 * a create that finds it exists patches it instead. Needs {@code events: create, patch}, nothing more.
 */
final class VmEvents {
    static final String COMPONENT = "nicsync";
    /** A qualified name, as Kubernetes asks of a reporting controller. */
    static final String CONTROLLER = "nicsync.io/nicsync";
    private static final int LONGEST_MESSAGE = 1024;

    private final Api api;
    private final String instance;
    private final Clock clock;
    /** What this process last counted for each Event it wrote; a patch without it moves only the time. */
    private final Map<String, Integer> counts = new ConcurrentHashMap<>();

    /** @param instance this process, as the Events name their reporter: the pod's name */
    VmEvents(Api api, String instance, Clock clock) {
        this.api = api;
        this.instance = instance;
        this.clock = clock;
    }

    void record(VmRef vm, Announcement announcement) throws TargetException {
        String subject = "event on VirtualMachine " + Failures.subject(vm.namespace(), vm.name(), null);
        try {
            JsonNode object = api.get(Resources.VM, vm.namespace(), vm.name());
            if (object == null) {
                throw new TargetException(TargetException.Reason.NOT_FOUND, subject + ": no such VirtualMachine");
            }
            Event event = event(vm, object.path("metadata").path("uid").asText(null), announcement);
            try {
                api.createEvent(event);
                counts.put(event.getMetadata().getName(), 1);
            } catch (KubernetesClientException e) {
                if (e.getCode() != HttpURLConnection.HTTP_CONFLICT) {
                    throw e;
                }
                again(event);
            }
        } catch (KubernetesClientException e) {
            throw Failures.of(subject, e);
        }
    }

    /** The same Event once more: a later time, and one more in its count when this process knows the count. */
    private void again(Event event) {
        String name = event.getMetadata().getName();
        Integer count = counts.computeIfPresent(name, (n, c) -> c + 1);
        String patch = "{\"lastTimestamp\":\"" + event.getLastTimestamp() + "\""
                + (count == null ? "" : ",\"count\":" + count) + "}";
        api.mergePatchEvent(event.getMetadata().getNamespace(), name, patch);
    }

    private Event event(VmRef vm, String uid, Announcement announcement) {
        String now = clock.instant().truncatedTo(ChronoUnit.SECONDS).toString();
        String message = announcement.message().length() <= LONGEST_MESSAGE ? announcement.message()
                : announcement.message().substring(0, LONGEST_MESSAGE - 1) + "…";
        return new EventBuilder()
                .withNewMetadata().withName(vm.name() + "." + digest(announcement)).withNamespace(vm.namespace())
                .addToLabels("app.kubernetes.io/managed-by", COMPONENT).endMetadata()
                .withNewInvolvedObject().withApiVersion(Resources.VM.getGroup() + "/" + Resources.VM.getVersion())
                .withKind(Resources.VM.getKind()).withNamespace(vm.namespace()).withName(vm.name()).withUid(uid)
                .endInvolvedObject()
                .withType(announcement.type() == Announcement.Type.WARNING ? "Warning" : "Normal")
                .withReason(announcement.reason())
                .withMessage(message)
                .withNewSource().withComponent(COMPONENT).withHost(instance).endSource()
                .withReportingComponent(CONTROLLER)
                .withReportingInstance(instance)
                .withFirstTimestamp(now).withLastTimestamp(now).withCount(1)
                .build();
    }

    /** 16 hex digits of what the Event says: the same announcement on the same VM is the same Event. */
    private static String digest(Announcement announcement) {
        String said = announcement.type() + "\n" + announcement.reason() + "\n" + announcement.message();
        try {
            byte[] sha = MessageDigest.getInstance("SHA-256").digest(said.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha, 0, 8).toLowerCase(Locale.ROOT);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

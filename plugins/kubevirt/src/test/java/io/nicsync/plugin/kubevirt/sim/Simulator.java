package io.nicsync.plugin.kubevirt.sim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * KubeVirt's controllers for NICs, driven by the test: {@link #tick()} runs one reconcile pass of every
 * controller and moves the simulated clock on by {@link #TICK}; nothing happens between ticks, so every
 * test is deterministic. The controllers talk to the API server over HTTP like the real ones.
 */
public final class Simulator {
    public static final Duration TICK = Duration.ofSeconds(5);
    private static final int SETTLE_LIMIT = 50;

    private final SimConfig config;
    private final Store store;
    private final Launcher launcher = new Launcher(this);
    private final TemplateSync templates = new TemplateSync(this);
    private final InterfaceRequests requests = new InterfaceRequests(this);
    private final Handler handler = new Handler(this);
    private final Migrations migrations = new Migrations(this);
    private final Map<String, Memo> memos = new HashMap<>();
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");

    private final LauncherPods pods;

    Simulator(SimConfig config, Store store, LauncherPods pods) {
        this.config = config;
        this.store = store;
        this.pods = pods;
    }

    /** One pass of every controller; true when any of them wrote. */
    public boolean tick() {
        boolean wrote = false;
        for (ObjectNode vm : store.list(Kinds.VM)) {
            wrote |= stateChanges(vm);
            wrote |= requests.sync(vm);
        }
        for (ObjectNode vm : store.list(Kinds.VM)) {
            wrote |= templates.sync(vm);
        }
        for (ObjectNode vmi : store.list(Kinds.VMI)) {
            wrote |= handler.sync(vmi);
        }
        for (ObjectNode migration : store.list(Kinds.MIGRATION)) {
            wrote |= migrations.sync(migration);
        }
        for (ObjectNode vmi : store.list(Kinds.VMI)) {
            wrote |= migrations.syncCondition(vmi);
        }
        for (ObjectNode vmi : store.list(Kinds.VMI)) {
            wrote |= pods.sync(vmi, memo(vmi));
        }
        now = now.plus(TICK);
        return wrote;
    }

    /** The VM controller's handling of a queued Stop/Start (virt-api's restart): a new VMI from the template. */
    private boolean stateChanges(ObjectNode vm) {
        if (vm.path("status").path("stateChangeRequests").isEmpty()) {
            return false;
        }
        restart(vm.path("metadata").path("namespace").asText(), vm.path("metadata").path("name").asText());
        return true;
    }

    /**
     * Ticks until nothing changes for longer than any controller waits (the 15 s before an automatic
     * migration); returns the number of passes.
     */
    public int settle() {
        long quietNeeded = Migrations.AUTO_MIGRATION_DELAY.dividedBy(TICK) + 1;
        int quiet = 0;
        for (int i = 1; i <= SETTLE_LIMIT; i++) {
            quiet = tick() ? 0 : quiet + 1;
            if (quiet >= quietNeeded) {
                return i;
            }
        }
        throw new IllegalStateException("the simulated cluster did not settle in " + SETTLE_LIMIT + " passes");
    }

    /** Creates the VM in the API version it names: {@code kubevirt.io/v1}, or v1alpha3 as older manifests do. */
    public void createVm(ObjectNode vm) {
        store.create(ServedVersions.ALIAS.equals(vm.path("apiVersion").asText()) ? Kinds.VM_V1ALPHA3 : Kinds.VM, vm);
    }

    public void createNad(String namespace, String name) {
        ObjectNode nad = Json.MAPPER.createObjectNode();
        ObjectNode meta = nad.putObject("metadata");
        meta.put("name", name);
        meta.put("namespace", namespace);
        nad.putObject("spec").put("config",
                "{\"cniVersion\":\"0.3.1\",\"type\":\"bridge\",\"bridge\":\"br-" + name
                        + "\",\"name\":\"" + name + "\"}");
        store.create(Kinds.NAD, nad);
    }

    public void start(String namespace, String name) {
        launcher.start(namespace, name);
    }

    public void stop(String namespace, String name) {
        launcher.stop(namespace, name);
    }

    /** The guest of a running VM will not release {@code nic} when it is unplugged. */
    public void holdInGuest(String namespace, String name, String nic) {
        memo(vmi(namespace, name)).held.add(nic);
    }

    /** Stops and starts the VM: the new VMI is made from the template, RestartRequired is gone. */
    public void restart(String namespace, String name) {
        launcher.stop(namespace, name);
        launcher.start(namespace, name);
    }

    public ObjectNode vm(String namespace, String name) {
        return store.get(Kinds.VM, namespace, name);
    }

    public ObjectNode vmi(String namespace, String name) {
        return store.get(Kinds.VMI, namespace, name);
    }

    public List<ObjectNode> migrations() {
        return store.list(Kinds.MIGRATION);
    }

    public Instant now() {
        return now;
    }

    public SimConfig config() {
        return config;
    }

    Store store() {
        return store;
    }

    LauncherPods pods() {
        return pods;
    }

    Handler handler() {
        return handler;
    }

    Memo memo(ObjectNode vmi) {
        String key = key(vmi.path("metadata").path("namespace").asText(), vmi.path("metadata").path("name").asText());
        return memos.computeIfAbsent(key, k -> new Memo(Slots.total(config.minor(), 0, Json.obj(vmi, "spec"))));
    }

    void remember(String namespace, String name, Memo memo) {
        memos.put(key(namespace, name), memo);
    }

    void forget(String namespace, String name) {
        memos.remove(key(namespace, name));
    }

    private static String key(String namespace, String name) {
        return namespace + "/" + name;
    }
}

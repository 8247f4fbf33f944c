package org.example.toy;

import io.nicsync.spi.AddNic;
import io.nicsync.spi.Capabilities;
import io.nicsync.spi.Fingerprint;
import io.nicsync.spi.HotplugCapacity;
import io.nicsync.spi.LinkState;
import io.nicsync.spi.LiveNic;
import io.nicsync.spi.LiveVm;
import io.nicsync.spi.MacAddress;
import io.nicsync.spi.NetworkRef;
import io.nicsync.spi.NicSpec;
import io.nicsync.spi.PersistNic;
import io.nicsync.spi.PowerState;
import io.nicsync.spi.RepointNic;
import io.nicsync.spi.SetLink;
import io.nicsync.spi.Step;
import io.nicsync.spi.Target;
import io.nicsync.spi.TargetException;
import io.nicsync.spi.UnpersistNic;
import io.nicsync.spi.UnplugNic;
import io.nicsync.spi.VmRef;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The toy platform: a text file, one line a fact.
 *
 * <pre>
 * vm toy-01 running
 * live toy-01 eth0 02:00:00:00:00:01 10 up
 * persistent toy-01 eth0 02:00:00:00:00:01 10 up
 * </pre>
 */
final class ToyTarget implements Target {
    private final String name;
    private final Path file;
    private final int slots;

    ToyTarget(String name, Path file, int slots) {
        this.name = name;
        this.file = file;
        this.slots = slots;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Capabilities capabilities() {
        return new Capabilities() {
            @Override
            public boolean canRepointLive(NicSpec current, NetworkRef to) {
                return true;
            }

            @Override
            public boolean canSetLinkLive(NicSpec current) {
                return true;
            }
        };
    }

    @Override
    public synchronized List<LiveVm> observeAll() throws TargetException {
        List<LiveVm> vms = new ArrayList<>();
        List<String[]> lines = read();
        for (String[] line : lines) {
            if (line[0].equals("vm")) {
                vms.add(vm(line[1], line[2], lines));
            }
        }
        return vms;
    }

    @Override
    public synchronized LiveVm observe(VmRef vm) throws TargetException {
        for (LiveVm live : observeAll()) {
            if (live.ref().equals(vm)) {
                return live;
            }
        }
        throw new TargetException(TargetException.Reason.NOT_FOUND, vm + ": no such toy VM");
    }

    @Override
    public synchronized void execute(Step step, Duration timeout) throws TargetException {
        List<String[]> lines = read();
        String vm = step.vm().name();
        switch (step) {
            case AddNic a -> lines.add(nic("live", vm, a.spec(), assignedMac(a.spec(), lines)));
            case UnplugNic u -> remove(lines, "live", vm, u.spec().name());
            case PersistNic p -> {
                String mac = p.spec().mac() != null ? p.spec().mac().value() : macOf(lines, vm, p.spec().name());
                remove(lines, "persistent", vm, p.spec().name());
                lines.add(nic("persistent", vm, p.spec(), mac));
            }
            case UnpersistNic u -> remove(lines, "persistent", vm, u.spec().name());
            case SetLink s -> {
                set(lines, "live", vm, s.spec().name(), 5, s.to().yaml());
                if (s.persistent()) {
                    set(lines, "persistent", vm, s.spec().name(), 5, s.to().yaml());
                }
            }
            case RepointNic r -> set(lines, "live", vm, r.spec().name(), 4, r.to().attribute("id"));
            default -> throw new TargetException(TargetException.Reason.UNSUPPORTED, "toys cannot " + step.action().word());
        }
        write(lines);
    }

    @Override
    public void close() {
    }

    private LiveVm vm(String vm, String power, List<String[]> lines) {
        Map<String, NicSpec> live = new LinkedHashMap<>();
        Map<String, NicSpec> persistent = new LinkedHashMap<>();
        Set<String> names = new LinkedHashSet<>();
        StringBuilder fingerprint = new StringBuilder(power);
        for (String[] line : lines) {
            if (line.length == 6 && line[1].equals(vm)) {
                NicSpec spec = new NicSpec(line[2], MacAddress.parse(line[3]), NetworkRef.of("segment", "id", line[4]),
                        "toynet", null, line[5].equals("down") ? LinkState.DOWN : LinkState.UP, null);
                (line[0].equals("live") ? live : persistent).put(line[2], spec);
                names.add(line[2]);
                fingerprint.append('|').append(String.join(" ", line));
            }
        }
        List<LiveNic> nics = new ArrayList<>();
        for (String nic : names) {
            NicSpec l = live.get(nic);
            NicSpec p = persistent.get(nic);
            nics.add(new LiveNic(nic, (l != null ? l : p).mac(), l, p, null));
        }
        boolean running = power.equals("running");
        HotplugCapacity capacity = running
                ? HotplugCapacity.slots(Math.max(0, slots - live.size()), (slots - live.size()) + " of " + slots + " toy slots free")
                : HotplugCapacity.unsupported("the toy VM does not run");
        return new LiveVm(VmRef.of(name, vm), running ? PowerState.RUNNING : PowerState.STOPPED, "toy", nics, capacity,
                new Fingerprint(Integer.toHexString(fingerprint.toString().hashCode())));
    }

    private static String[] nic(String definition, String vm, NicSpec spec, String mac) {
        return new String[] {definition, vm, spec.name(), mac, spec.network().attribute("id"), spec.link().yaml()};
    }

    private static String assignedMac(NicSpec spec, List<String[]> lines) {
        return spec.mac() != null ? spec.mac().value() : String.format("02:00:00:00:00:%02x", lines.size() + 16);
    }

    private static String macOf(List<String[]> lines, String vm, String nic) {
        for (String[] line : lines) {
            if (line.length == 6 && line[1].equals(vm) && line[2].equals(nic)) {
                return line[3];
            }
        }
        return "02:00:00:00:00:ff";
    }

    private static void remove(List<String[]> lines, String definition, String vm, String nic) {
        lines.removeIf(l -> l.length == 6 && l[0].equals(definition) && l[1].equals(vm) && l[2].equals(nic));
    }

    private static void set(List<String[]> lines, String definition, String vm, String nic, int field, String value) {
        for (String[] line : lines) {
            if (line.length == 6 && line[0].equals(definition) && line[1].equals(vm) && line[2].equals(nic)) {
                line[field] = value;
            }
        }
    }

    private List<String[]> read() throws TargetException {
        try {
            List<String[]> lines = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    lines.add(line.trim().split("\\s+"));
                }
            }
            return lines;
        } catch (IOException e) {
            throw new TargetException(TargetException.Reason.UNREACHABLE, "target " + name + ": " + e.getMessage(), e);
        }
    }

    private void write(List<String[]> lines) throws TargetException {
        StringBuilder out = new StringBuilder();
        lines.forEach(l -> out.append(String.join(" ", l)).append('\n'));
        try {
            Path next = file.resolveSibling(file.getFileName() + ".next");
            Files.writeString(next, out, StandardCharsets.UTF_8);
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new TargetException(TargetException.Reason.UNREACHABLE, "target " + name + ": " + e.getMessage(), e);
        }
    }
}

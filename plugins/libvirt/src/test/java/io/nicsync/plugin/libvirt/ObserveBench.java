package io.nicsync.plugin.libvirt;

import io.nicsync.spi.LinkState;
import io.nicsync.spi.LiveVm;
import io.nicsync.spi.NetworkRef;
import io.nicsync.spi.NicSpec;
import io.nicsync.spi.Target;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.Error.ErrorNumber;
import org.libvirt.LibvirtException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Observing many domains through the plugin against the raw libvirt-java loop it is built on
 * ({@code listAllDomains} + {@code getXMLDesc} each, one at a time), in the same JVM. The same loop with
 * the plugin's reads in flight is printed too, to show how much of the time is libvirtd's. Run by {@code bench/observe-libvirt.sh}.
 * Defines {@code COUNT} stopped domains with two NICs each and removes them again, also after a failure.
 */
final class ObserveBench {
    private static final String PREFIX = "bench-obs-";
    private static final int WARM_UP = Integer.getInteger("bench.warmup", 50);
    private static final int RUNS = Integer.getInteger("bench.runs", 31);
    /** What LibvirtTarget.observeAll keeps in flight. */
    private static final int READS_IN_FLIGHT = 4;
    private static final ExecutorService POOL = Executors.newFixedThreadPool(READS_IN_FLIGHT,
            Thread.ofPlatform().daemon().factory());

    private ObserveBench() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        try (Lab.Independent lab = new Lab.Independent(); Target target = Lab.open()) {
            Connect c = lab.connect();
            cleanUp(c);
            try {
                long t0 = System.nanoTime();
                define(c, count);
                System.out.printf("defined %d stopped domains with 2 NICs each in %d ms%n", count, ms(t0));
                for (int i = 0; i < WARM_UP; i++) {
                    rawLoop(c);
                    rawConcurrentLoop(c);
                    target.observeAll();
                }
                long[] raw = new long[RUNS];
                long[] observe = new long[RUNS];
                long[] rawConcurrent = new long[RUNS];
                for (int i = 0; i < RUNS; i++) {
                    rawConcurrent[i] = time(() -> rawConcurrentLoop(c));
                    // Alternating which goes first keeps whatever the previous pass left behind (garbage,
                    // libvirtd's caches) from always landing on the same side.
                    if (i % 2 == 0) {
                        raw[i] = time(() -> rawLoop(c));
                        observe[i] = time(target::observeAll);
                    } else {
                        observe[i] = time(target::observeAll);
                        raw[i] = time(() -> rawLoop(c));
                    }
                }
                int seen = target.observeAll().size();
                checkPluginSawThem(target, count);
                double rawMs = median(raw) / 1e6;
                double obsMs = median(observe) / 1e6;
                System.out.printf("domains on the host (all observed): %d; %d warm-up passes, median of %d%n",
                        seen, WARM_UP, RUNS);
                System.out.printf("raw listAllDomains + getXMLDesc, sequential: %.1f ms (%s)%n", rawMs, spread(raw));
                System.out.printf("raw listAllDomains + getXMLDesc, %d reads in flight: %.1f ms (%s)%n", READS_IN_FLIGHT,
                        median(rawConcurrent) / 1e6, spread(rawConcurrent));
                System.out.printf("plugin observeAll, %d reads in flight (XML, NICs, capacity, fingerprint): %.1f ms (%s)%n",
                        READS_IN_FLIGHT, obsMs, spread(observe));
                System.out.printf("median of the per-pass ratios: %.2f%n", medianRatio(observe, raw));
                System.out.printf("observe/raw ratio: %.2f%n", obsMs / rawMs);
            } finally {
                cleanUp(c);
            }
        }
    }

    private static void define(Connect c, int count) throws Exception {
        String template = Lab.template("noos-guest.xml");
        for (int i = 0; i < count; i++) {
            String name = String.format("%s%03d", PREFIX, i);
            Document doc = Xml.parse(template.replace("@NAME@", name).replace("@BRIDGE@", Lab.BRIDGE));
            Element devices = Xml.child(doc.getDocumentElement(), "devices").orElseThrow();
            NicSpec second = new NicSpec("second", null, NetworkRef.named("network", Lab.NETWORK), null, null,
                    LinkState.UP, null);
            devices.appendChild(doc.importNode(InterfaceWriter.create(second, null), true));
            c.domainDefineXML(Xml.write(doc));
        }
    }

    private static int rawLoop(Connect c) throws Exception {
        int bytes = 0;
        for (Domain d : c.listAllDomains(0)) {
            try {
                bytes += d.getXMLDesc(0).length();
            } catch (LibvirtException e) {
                // Gone since the listing (other tests share the host): skipped, as the plugin skips it.
                if (e.getError().getCode() != ErrorNumber.VIR_ERR_NO_DOMAIN) {
                    throw e;
                }
            }
        }
        return bytes;
    }

    /**
     * The raw loop with as many reads in flight as the plugin keeps: how much of observe's time is libvirtd
     * serving the calls, whatever the client does meanwhile.
     */
    private static int rawConcurrentLoop(Connect c) throws Exception {
        List<Future<Integer>> reads = new ArrayList<>();
        for (Domain d : c.listAllDomains(0)) {
            reads.add(POOL.submit(() -> {
                try {
                    return d.getXMLDesc(0).length();
                } catch (LibvirtException e) {
                    if (e.getError().getCode() != ErrorNumber.VIR_ERR_NO_DOMAIN) {
                        throw e;
                    }
                    return 0;
                }
            }));
        }
        int bytes = 0;
        for (Future<Integer> r : reads) {
            bytes += r.get();
        }
        return bytes;
    }

    private static void checkPluginSawThem(Target target, int count) throws Exception {
        List<LiveVm> bench = new ArrayList<>();
        for (LiveVm vm : target.observeAll()) {
            if (vm.ref().name().startsWith(PREFIX)) {
                bench.add(vm);
            }
        }
        if (bench.size() != count || bench.stream().anyMatch(v -> v.nics().size() != 2)) {
            throw new AssertionError("plugin saw " + bench.size() + " bench domains, expected " + count
                    + " with 2 NICs each");
        }
    }

    private static void cleanUp(Connect c) throws Exception {
        for (Domain d : c.listAllDomains(0)) {
            if (d.getName().startsWith(PREFIX)) {
                if (d.isActive() == 1) {
                    d.destroy();
                }
                d.undefine();
            }
        }
    }

    @FunctionalInterface
    private interface Pass {
        Object run() throws Exception;
    }

    private static long time(Pass pass) throws Exception {
        long t = System.nanoTime();
        pass.run();
        return System.nanoTime() - t;
    }

    private static long median(long[] runs) {
        long[] sorted = runs.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** Each pass of one pair ran back to back: its ratio is less exposed to other load coming and going. */
    private static double medianRatio(long[] observe, long[] raw) {
        double[] ratios = new double[observe.length];
        for (int i = 0; i < ratios.length; i++) {
            ratios[i] = (double) observe[i] / raw[i];
        }
        Arrays.sort(ratios);
        return ratios[ratios.length / 2];
    }

    private static String spread(long[] runs) {
        return String.format("min %.1f, max %.1f", Arrays.stream(runs).min().orElse(0) / 1e6,
                Arrays.stream(runs).max().orElse(0) / 1e6);
    }

    private static long ms(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }
}

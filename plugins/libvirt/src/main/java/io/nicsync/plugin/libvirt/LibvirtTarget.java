package io.nicsync.plugin.libvirt;

import io.nicsync.spi.Capabilities;
import io.nicsync.spi.LiveVm;
import io.nicsync.spi.Step;
import io.nicsync.spi.Target;
import io.nicsync.spi.TargetException;
import io.nicsync.spi.TargetException.Reason;
import io.nicsync.spi.VmRef;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.LibvirtException;

/** One libvirtd connection as a nicsync {@link Target}. */
final class LibvirtTarget implements Target {
    /** Domains read at once by observeAll; libvirtd serves one connection's calls on several workers. */
    private static final int READERS = 4;
    private final String name;
    private final Connect connect;
    private final StepExecutor executor;
    private final Preflight preflight;
    private final Capabilities capabilities = new LibvirtCapabilities();
    private final ExecutorService readers = Executors.newFixedThreadPool(READERS, Thread.ofPlatform()
            .name("libvirt-observe-", 0).daemon().factory());

    LibvirtTarget(String name, Connect connect, HostNetworks networks, StepExecutor executor) {
        this.name = name;
        this.connect = connect;
        this.executor = executor;
        this.preflight = new Preflight(this::find, networks);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Capabilities capabilities() {
        return capabilities;
    }

    @Override
    public List<LiveVm> observeAll() throws TargetException {
        Domain[] all;
        try {
            all = connect.listAllDomains(0);
        } catch (LibvirtException e) {
            throw Errors.wrap(name, LibvirtFailure.of(e));
        }
        // Reading a domain is a round trip to libvirtd and then a parse here: several in flight at once keep
        // both sides busy, where one at a time leaves each waiting for the other.
        List<Future<Optional<LiveVm>>> reads = new ArrayList<>(all.length);
        for (Domain d : all) {
            reads.add(readers.submit(() -> read(d)));
        }
        List<LiveVm> out = new ArrayList<>(all.length);
        try {
            for (Future<Optional<LiveVm>> read : reads) {
                read.get().ifPresent(out::add);
            }
        } catch (InterruptedException e) {
            reads.forEach(r -> r.cancel(true));
            Thread.currentThread().interrupt();
            throw new TargetException(Reason.UNREACHABLE, name + ": observe interrupted");
        } catch (ExecutionException e) {
            reads.forEach(r -> r.cancel(true));
            if (e.getCause() instanceof TargetException t) {
                throw t;
            }
            throw new IllegalStateException(name + ": observe failed", e.getCause());
        }
        return out;
    }

    private Optional<LiveVm> read(Domain d) throws TargetException {
        String domainName = null;
        try {
            domainName = d.getName();
            return Optional.of(Observer.observe(name, new LibvirtDomain(d, domainName)));
        } catch (LibvirtException e) {
            skipIfGone(domainName, LibvirtFailure.of(e));
        } catch (LibvirtFailure f) {
            skipIfGone(domainName, f);
        }
        return Optional.empty();
    }

    /** A domain undefined between the listing and its reading is simply not there any more. */
    private void skipIfGone(String domainName, LibvirtFailure f) throws TargetException {
        if (!"VIR_ERR_NO_DOMAIN".equals(f.codeName())) {
            throw Errors.wrap(domainName == null ? name : domainName, f);
        }
    }

    @Override
    public LiveVm observe(VmRef vm) throws TargetException {
        return find(vm).orElseThrow(() -> notFound(vm)).vm();
    }

    private Optional<Observer.Observed> find(VmRef vm) throws TargetException {
        Optional<DomainPort> domain = lookup(vm);
        if (domain.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Observer.read(name, domain.get()));
        } catch (LibvirtFailure f) {
            if ("VIR_ERR_NO_DOMAIN".equals(f.codeName())) {
                return Optional.empty();
            }
            throw Errors.wrap(vm.name(), f);
        }
    }

    @Override
    public List<String> preflight(List<Step> steps) throws TargetException {
        return preflight.check(steps);
    }

    @Override
    public void execute(Step step, Duration timeout) throws TargetException {
        DomainPort domain = lookup(step.vm()).orElseThrow(() -> notFound(step.vm()));
        executor.execute(domain, step, timeout);
    }

    private Optional<DomainPort> lookup(VmRef vm) throws TargetException {
        try {
            return Optional.of(new LibvirtDomain(connect.domainLookupByName(vm.name()), vm.name()));
        } catch (LibvirtException e) {
            LibvirtFailure f = LibvirtFailure.of(e);
            if ("VIR_ERR_NO_DOMAIN".equals(f.codeName())) {
                return Optional.empty();
            }
            throw Errors.wrap(vm.name(), f);
        }
    }

    private TargetException notFound(VmRef vm) {
        return new TargetException(Reason.NOT_FOUND, vm.name() + ": no such domain on target " + name);
    }

    @Override
    public void close() {
        readers.shutdownNow();
        try {
            connect.close();
        } catch (LibvirtException e) {
            // Closing a broken connection fails the same way it broke; nothing more to do with it.
        }
    }
}

package io.nicsync.plugin.libvirt;

import io.nicsync.spi.TargetException;
import io.nicsync.spi.TargetException.Reason;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Unplugs a NIC from a running domain and waits until the guest has let it go.
 *
 * <p>libvirt's live detach is asynchronous: it waits 5 s for QEMU's DEVICE_DELETED and then returns success
 * whether or not the guest released the device. So success means nothing until the NIC is gone from the
 * live XML. As Nova does, the detach is sent again while the NIC stays (up to {@value #ATTEMPTS} requests
 * spread over the timeout; a guest may miss the first ACPI event while booting), QEMU's "already in the
 * process of unplug" answer means keep waiting, and between requests the live XML is polled with a growing
 * interval. libvirt blocks each request for up to {@value #LIBVIRT_WAIT_SECONDS} s waiting for the guest, so a
 * repeat request is only sent while that much time is left: the step never overruns its timeout by more than
 * the first request's wait.
 */
final class Unplugger {
    static final int ATTEMPTS = 8;
    private static final Duration FIRST_POLL = Duration.ofMillis(20);
    private static final Duration MAX_POLL = Duration.ofMillis(500);
    private static final String PENDING = "already in the process of unplug";
    /** qemuDomainWaitForDeviceRemoval: how long libvirt's detach call waits for the guest before returning. */
    static final int LIBVIRT_WAIT_SECONDS = 5;

    private final Clock clock;
    private final Sleeper sleeper;

    Unplugger(Clock clock, Sleeper sleeper) {
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** {@code where} is {@code domain/nic} for messages; {@code nic} the live element as last read. */
    void unplug(DomainPort domain, String where, DomainNic nic, Duration timeout) throws TargetException {
        String xml = Xml.write(InterfaceWriter.copy(nic.element()));
        Instant start = clock.instant();
        Instant deadline = start.plus(timeout);
        Duration spacing = timeout.dividedBy(ATTEMPTS);
        int sent = 0;
        Instant nextRequest = start;
        Duration poll = FIRST_POLL;
        while (true) {
            Instant now = clock.instant();
            if (sent < ATTEMPTS && !now.isBefore(nextRequest) && (sent == 0 || fits(now, deadline))) {
                request(domain, where, xml);
                sent++;
                nextRequest = start.plus(spacing.multipliedBy(sent));
            }
            if (!stillPlugged(domain, where, nic)) {
                return;
            }
            now = clock.instant();
            if (!now.isBefore(deadline)) {
                throw new TargetException(Reason.NOT_RELEASED, where + ": the guest did not release the device: "
                        + "still in the live definition " + Duration.between(start, now).toMillis()
                        + " ms after the first of " + sent + " unplug requests (timeout " + timeout.toMillis()
                        + " ms); it is still plugged");
            }
            Instant wake = min(now.plus(poll), deadline);
            if (sent < ATTEMPTS && nextRequest.isAfter(now)) {
                wake = min(wake, nextRequest);
            }
            sleep(Duration.between(now, wake));
            poll = min(poll.multipliedBy(2), MAX_POLL);
        }
    }

    private static boolean fits(Instant now, Instant deadline) {
        return !Duration.between(now, deadline).minusSeconds(LIBVIRT_WAIT_SECONDS).isNegative();
    }

    private static void request(DomainPort domain, String where, String xml) throws TargetException {
        try {
            domain.detach(xml, true);
        } catch (LibvirtFailure f) {
            if (f.getMessage() != null && f.getMessage().contains(PENDING)) {
                return; // the guest has the request; only its answer is missing
            }
            if (Errors.reason(f.codeName()) == Reason.NOT_FOUND) {
                return; // gone between our read and the request: the polling below confirms it
            }
            throw Errors.wrap(where, f);
        }
    }

    private static boolean stillPlugged(DomainPort domain, String where, DomainNic nic) throws TargetException {
        try {
            return DomainXml.parse(domain.liveXml()).nics().stream().anyMatch(n -> same(n, nic));
        } catch (LibvirtFailure f) {
            throw Errors.wrap(where, f);
        }
    }

    /** The same device: libvirt matches a detach by MAC (and alias), so the MAC decides. */
    private static boolean same(DomainNic a, DomainNic b) {
        return a.mac() != null ? a.mac().equals(b.mac()) : a.element().isEqualNode(b.element());
    }

    private void sleep(Duration d) throws TargetException {
        try {
            sleeper.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TargetException(Reason.TIMEOUT, "interrupted while waiting for an unplug", e);
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}

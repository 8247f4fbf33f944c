package io.nicsync.plugin.libvirt;

import io.nicsync.spi.TargetException;
import io.nicsync.spi.TargetException.Reason;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Unplugs a NIC from a running domain and waits until the guest has let it go.
 *
 * <p>A live detach is asynchronous: libvirt's success means the request reached the guest, not that the
 * guest released the NIC. So the step is done only when the NIC is gone from the live XML, which is polled
 * with a growing interval. As Nova does, the request is repeated while the NIC stays (a guest may miss an
 * ACPI event while booting): up to {@value #ATTEMPTS} requests spread evenly over the timeout, and QEMU's
 * "already in the process of unplug" answer means keep waiting.
 *
 * <p>Requests go by device alias and return at once. Where that call is missing, the detach by XML is used,
 * which blocks up to {@value #LIBVIRT_WAIT_SECONDS} s inside libvirt; a repeat is then only sent while that
 * much time is left, so the step never overruns its timeout by more than the first request's wait.
 */
final class Unplugger {
    static final int ATTEMPTS = 8;
    /** qemuDomainWaitForDeviceRemoval: how long libvirt's detach by XML waits for the guest before returning. */
    static final int LIBVIRT_WAIT_SECONDS = 5;
    private static final Duration FIRST_POLL = Duration.ofMillis(20);
    private static final Duration MAX_POLL = Duration.ofMillis(500);
    private static final String PENDING = "already in the process of unplug";

    private final Clock clock;
    private final Sleeper sleeper;

    Unplugger(Clock clock, Sleeper sleeper) {
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** {@code where} is {@code domain/nic} for messages; {@code nic} the live element as last read. */
    void unplug(DomainPort domain, String where, DomainNic nic, Duration timeout) throws TargetException {
        Request request = new Request(domain, where, nic);
        Instant start = clock.instant();
        Instant deadline = start.plus(timeout);
        Duration spacing = timeout.dividedBy(ATTEMPTS);
        Instant nextRequest = start;
        Duration poll = FIRST_POLL;
        while (true) {
            Instant now = clock.instant();
            if (request.sent < ATTEMPTS && !now.isBefore(nextRequest)
                    && (request.sent == 0 || !request.blocking || fits(now, deadline))) {
                request.send();
                nextRequest = start.plus(spacing.multipliedBy(request.sent));
            }
            if (!stillPlugged(domain, where, nic)) {
                return;
            }
            now = clock.instant();
            if (!now.isBefore(deadline)) {
                throw new TargetException(Reason.NOT_RELEASED, where + ": the guest did not release the device: "
                        + "still in the live definition " + Duration.between(start, now).toMillis()
                        + " ms after the first of " + request.sent + " unplug requests (timeout "
                        + timeout.toMillis() + " ms); it is still plugged");
            }
            Instant wake = min(now.plus(poll), deadline);
            if (request.sent < ATTEMPTS && nextRequest.isAfter(now)) {
                wake = min(wake, nextRequest);
            }
            sleep(Duration.between(now, wake));
            poll = poll.multipliedBy(2).compareTo(MAX_POLL) < 0 ? poll.multipliedBy(2) : MAX_POLL;
        }
    }

    /** Sends unplug requests for one NIC, by alias when possible, and counts them. */
    private static final class Request {
        private final DomainPort domain;
        private final String where;
        private final String alias;
        private final String xml;
        int sent;
        boolean blocking;

        Request(DomainPort domain, String where, DomainNic nic) {
            this.domain = domain;
            this.where = where;
            this.alias = Xml.childAttr(nic.element(), "alias", "name");
            this.xml = Xml.write(InterfaceWriter.copy(nic.element()));
            this.blocking = alias == null;
        }

        void send() throws TargetException {
            sent++;
            try {
                if (blocking || !domain.requestLiveDetach(alias)) {
                    blocking = true;
                    domain.detach(xml, true);
                }
            } catch (LibvirtFailure f) {
                if (f.getMessage() != null && f.getMessage().contains(PENDING)) {
                    return; // the guest has the request; only its answer is missing
                }
                if (Errors.reason(f.codeName()) == Reason.NOT_FOUND) {
                    return; // gone between our read and the request: the polling confirms it
                }
                throw Errors.wrap(where, f);
            }
        }
    }

    private static boolean fits(Instant now, Instant deadline) {
        return !Duration.between(now, deadline).minusSeconds(LIBVIRT_WAIT_SECONDS).isNegative();
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

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}

package io.nicsync.plugin.libvirt;

import io.nicsync.spi.TargetException;
import io.nicsync.spi.TargetException.Reason;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Restarts a domain so that its persistent definition becomes the running one. The guest is asked to shut
 * down first and given half the timeout; a guest that does not react to the ACPI power button (many
 * minimal guests) is then destroyed. A stopped domain is just started.
 */
final class Restarter {
    private static final Duration POLL = Duration.ofMillis(100);
    private final Clock clock;
    private final Sleeper sleeper;

    Restarter(Clock clock, Sleeper sleeper) {
        this.clock = clock;
        this.sleeper = sleeper;
    }

    void restart(DomainPort domain, Duration timeout) throws LibvirtFailure, TargetException {
        if (domain.power().live()) {
            domain.shutdown();
            Instant giveUp = clock.instant().plus(timeout.dividedBy(2));
            while (domain.power().live() && clock.instant().isBefore(giveUp)) {
                sleep(domain);
            }
            if (domain.power().live()) {
                domain.destroy();
            }
        }
        domain.start();
    }

    private void sleep(DomainPort domain) throws TargetException {
        try {
            sleeper.sleep(POLL);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TargetException(Reason.TIMEOUT, domain.name() + ": interrupted while it shut down", e);
        }
    }
}

package io.nicsync.plugin.libvirt;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.libvirt.Domain;
import org.libvirt.LibvirtException;

/** The state query observe uses agrees with libvirt-java's getInfo on every domain of the lab host. */
class DomainStateQueryIT {

    @Test
    void agreesWithGetInfoOnEveryDomain() throws Exception {
        Lab.require();
        try (Lab.Independent lab = new Lab.Independent()) {
            assertThat(DomainStateQuery.available()).isTrue();
            int compared = 0;
            for (Domain d : lab.connect().listAllDomains(0)) {
                try {
                    assertThat(DomainStateQuery.of(d)).as(d.getName()).isEqualTo(d.getInfo().state);
                    compared++;
                } catch (LibvirtException | LibvirtFailure gone) {
                    // another test's domain, undefined since the listing
                }
            }
            // lab-kernel, lab-q35 and lab-noos run for as long as the lab is up
            assertThat(compared).isGreaterThanOrEqualTo(3);
        }
    }
}

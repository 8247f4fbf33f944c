package io.nicsync.plugin.ganeti;

import static org.assertj.core.api.Assertions.assertThat;

import io.nicsync.spi.MacAddress;
import io.nicsync.spi.NetworkRef;
import java.util.List;
import org.junit.jupiter.api.Test;

class LedgerTest {
    private static final Ledger.VmLacks LACKS = new Ledger.VmLacks(57, "5be03b41-1849-4faa-a732-c18128a8c8ee");
    private static final Ledger.VmHas HAS = new Ledger.VmHas(58, "bdfdc381", MacAddress.parse("aa:00:00:a9:b3:a7"),
            "uplink", NetworkRef.named("bridge", "gnt-br0"));

    @Test
    void entriesAreGanetiTagsAndReadBackAsTheyWere() {
        assertThat(LACKS.tag()).isEqualTo("nicsync:vm-lacks:57:5be03b41-1849-4faa-a732-c18128a8c8ee");
        assertThat(HAS.tag()).isEqualTo("nicsync:vm-has:58:bdfdc381:aa0000a9b3a7:uplink:bridge/gnt-br0");
        var vlan = new Ledger.VmHas(9, "0ed3efd0", MacAddress.parse("aa:00:00:fb:3d:d1"), null,
                NetworkRef.of("bridge-vlan", "link", "gnt-br0", "vlan", ":100:200"));

        assertThat(Ledger.of(List.of(LACKS.tag(), HAS.tag(), vlan.tag())).entries()).containsExactly(LACKS, HAS, vlan);
    }

    @Test
    void otherTagsAndUnreadableOnesAreIgnored() {
        assertThat(Ledger.of(List.of("owner:ops", "nicsync:preflight", "nicsync:vm-lacks:x:y", "nicsync:vm-has:1"))
                .entries()).isEmpty();
    }

    @Test
    void whatGanetiCannotKeepInATagIsRefusedBeforeAnythingChanges() {
        assertThat(Ledger.unwritable(HAS)).isEmpty();
        var long63 = "n".repeat(63);
        var tooLong = new Ledger.VmHas(Long.MAX_VALUE, "bdfdc381", HAS.mac(), long63,
                NetworkRef.named("network", "a-rather-long-ganeti-network-name"));
        assertThat(Ledger.unwritable(tooLong)).hasValueSatisfying(why -> assertThat(why).contains("128"));
        var badName = new Ledger.VmHas(1, "bdfdc381", HAS.mac(), "a:b", HAS.network());
        assertThat(Ledger.unwritable(badName)).isPresent();
    }

    @Test
    void aRestartEndsTheEntriesMadeBeforeIt() {
        Ledger ledger = new Ledger(List.of(LACKS, HAS));

        assertThat(ledger.after(57).entries()).containsExactly(HAS);
        assertThat(ledger.after(0).entries()).containsExactly(LACKS, HAS);
        assertThat(ledger.oldestJob()).isEqualTo(57);
    }
}

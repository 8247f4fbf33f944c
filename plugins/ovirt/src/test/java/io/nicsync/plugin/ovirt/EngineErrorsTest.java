package io.nicsync.plugin.ovirt;

import static org.assertj.core.api.Assertions.assertThat;

import io.nicsync.spi.TargetException;
import io.nicsync.spi.TargetException.Reason;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;

/** The SDK's failures as the SDK words them (ServiceImpl.throwError), read back into the engine's codes. */
class EngineErrorsTest {

    private static TargetException of(String detail, int status, String phrase) {
        return EngineErrors.of("web-01/eth1: doing it", new org.ovirt.engine.sdk4.Error("Fault reason is \"Operation"
                + " Failed\". Fault detail is \"" + detail + "\". HTTP response code is \"" + status + "\". HTTP response"
                + " message is \"" + phrase + "\"."));
    }

    @Test
    void knownMessagesAreNamedByTheirCode() {
        TargetException e = of("[Cannot edit Interface. Updating some of the properties is not supported while the"
                + " interface is plugged into a running virtual machine. Please un-plug the interface, update the"
                + " properties, and then plug it back.]", 409, "Conflict");
        assertThat(e.reason()).isEqualTo(Reason.UNSUPPORTED);
        assertThat(e.getMessage()).isEqualTo("web-01/eth1: doing it: the engine refused: [Cannot edit Interface."
                + " Updating some of the properties is not supported while the interface is plugged into a running"
                + " virtual machine. Please un-plug the interface, update the properties, and then plug it back.]"
                + " (CANNOT_PERFORM_HOT_UPDATE, HTTP 409)");
        assertThat(of("[Failed to deactivate VM Network Interface.]", 400, "Bad Request").reason())
                .isEqualTo(Reason.NOT_RELEASED);
        assertThat(of("[Network interface name is already in use]", 409, "Conflict").getMessage())
                .contains("NETWORK_INTERFACE_NAME_ALREADY_IN_USE");
    }

    @Test
    void unknownOnesKeepTheirWordsAndStatus() {
        assertThat(of("[Something new.]", 409, "Conflict")).satisfies(e -> {
            assertThat(e.reason()).isEqualTo(Reason.CONFLICT);
            assertThat(e.getMessage()).endsWith("the engine refused: [Something new.] (HTTP 409)");
        });
        assertThat(EngineErrors.of("x", new org.ovirt.engine.sdk4.Error("HTTP response code is \"404\". HTTP response"
                + " message is \"Not Found\".")).reason()).isEqualTo(Reason.NOT_FOUND);
        assertThat(EngineErrors.of("x", new org.ovirt.engine.sdk4.Error("Failed to send request",
                new ConnectException("Connection refused"))).getMessage())
                .isEqualTo("x: no answer from the engine: Connection refused");
    }
}

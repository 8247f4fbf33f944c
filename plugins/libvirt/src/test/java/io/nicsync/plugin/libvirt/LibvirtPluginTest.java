package io.nicsync.plugin.libvirt;

import static org.assertj.core.api.Assertions.assertThat;

import io.nicsync.spi.TargetException.Reason;
import io.nicsync.spi.TargetPlugin;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class LibvirtPluginTest {

    @Test
    void isFoundThroughServiceLoader() {
        assertThat(ServiceLoader.load(TargetPlugin.class).stream().map(ServiceLoader.Provider::type))
                .contains(LibvirtPlugin.class);
    }

    @Test
    void onlyAUriWithoutARemoteHostIsLocal() {
        assertThat(LibvirtPlugin.isLocal("qemu:///system")).isTrue();
        assertThat(LibvirtPlugin.isLocal("qemu+unix:///system")).isTrue();
        assertThat(LibvirtPlugin.isLocal("qemu://localhost/system")).isTrue();
        assertThat(LibvirtPlugin.isLocal("qemu+ssh://root@hv1/system")).isFalse();
        assertThat(LibvirtPlugin.isLocal("qemu+tcp://10.0.0.5/system")).isFalse();
    }

    @Test
    void errorsMapToReasonsByLibvirtCode() {
        assertThat(Errors.reason("VIR_ERR_NO_DOMAIN")).isEqualTo(Reason.NOT_FOUND);
        assertThat(Errors.reason("VIR_ERR_RPC")).isEqualTo(Reason.UNREACHABLE);
        assertThat(Errors.reason("VIR_ERR_ACCESS_DENIED")).isEqualTo(Reason.FORBIDDEN);
        assertThat(Errors.reason("VIR_ERR_OPERATION_UNSUPPORTED"))
                .isEqualTo(Reason.UNSUPPORTED);
        assertThat(Errors.reason("VIR_ERR_XML_ERROR")).isEqualTo(Reason.REFUSED);
    }
}

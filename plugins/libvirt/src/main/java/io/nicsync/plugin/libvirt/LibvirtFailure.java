package io.nicsync.plugin.libvirt;

import org.libvirt.Error;
import org.libvirt.LibvirtException;

/**
 * A failed libvirt call, with libvirt's error code and message kept as they were. Separate from
 * {@link LibvirtException} (whose constructor is not public) so that test doubles can fail like libvirt.
 *
 * @param codeName such as {@code VIR_ERR_NO_DOMAIN}
 * @param code the number of that code in libvirt's {@code virErrorNumber}
 */
final class LibvirtFailure extends Exception {
    private final String codeName;
    private final int code;

    LibvirtFailure(String codeName, int code, String message) {
        super(message);
        this.codeName = codeName;
        this.code = code;
    }

    static LibvirtFailure of(LibvirtException e) {
        Error err = e.getError();
        if (err == null || err.getCode() == null) {
            return new LibvirtFailure("VIR_ERR_UNKNOWN", -1, String.valueOf(e.getMessage()));
        }
        return of(err);
    }

    static LibvirtFailure of(Error err) {
        return new LibvirtFailure(err.getCode().name(), err.getCode().ordinal(), String.valueOf(err.getMessage()));
    }

    String codeName() {
        return codeName;
    }

    int code() {
        return code;
    }

    /** {@code libvirt error VIR_ERR_NO_DOMAIN (code 42): Domain not found: ...} */
    String describe() {
        return "libvirt error " + codeName + " (code " + code + "): " + getMessage();
    }
}

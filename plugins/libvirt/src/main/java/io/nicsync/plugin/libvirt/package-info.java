/**
 * The libvirt plugin: targets of kind {@code libvirt}, one libvirtd each, reached by URI.
 *
 * <pre>{@code
 * # nicsync.yaml
 * targets:
 *   - name: lab
 *     kind: libvirt
 *     uri: qemu:///system        # the default
 * }</pre>
 *
 * <p>A domain is read twice: its live XML (what runs) and its inactive XML (what the next start brings).
 * NICs nicsync creates carry the user alias {@code ua-<name>}, which libvirt keeps in both definitions; the
 * two readings are paired by that alias, else by MAC, into one {@link io.nicsync.spi.LiveNic}. Live steps use
 * VIR_DOMAIN_AFFECT_LIVE, persistent steps VIR_DOMAIN_AFFECT_CONFIG, never both at once: a combined detach
 * changes the config first and leaves the two definitions disagreeing while the guest has not let go.
 *
 * <p>Every change to an existing NIC sends its full current {@code <interface>} with the one part edited:
 * libvirt's update replaces the device and does not inherit what is left out. All XML goes through the JDK
 * DOM API ({@code Xml}); what is written is checked against libvirt's RelaxNG schema in the tests.
 *
 * <p>A live unplug is done only when the NIC has left the live XML: libvirt returns success after waiting
 * 5 s even when the guest ignored the request ({@code Unplugger}).
 */
package io.nicsync.plugin.libvirt;

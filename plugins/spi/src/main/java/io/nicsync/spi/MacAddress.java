package io.nicsync.spi;

import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/** A 48-bit Ethernet address, kept in lower-case colon form so that equal addresses compare equal. */
public record MacAddress(String value) {
    private static final Pattern FORM = Pattern.compile("[0-9a-f]{2}(:[0-9a-f]{2}){5}");

    public MacAddress {
        Objects.requireNonNull(value, "value");
        value = value.toLowerCase(Locale.ROOT);
        if (!FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("not a MAC address (six colon-separated hex octets): " + value);
        }
    }

    /** Parses {@code 52:54:00:12:34:56} or {@code 52-54-00-12-34-56}, in either case. */
    public static MacAddress parse(String text) {
        return new MacAddress(text.replace('-', ':'));
    }

    public static boolean isWellFormed(String text) {
        return text != null && FORM.matcher(text.replace('-', ':').toLowerCase(Locale.ROOT)).matches();
    }

    /** The group bit (least significant bit of the first octet): such an address cannot name one NIC. */
    public boolean isMulticast() {
        return (firstOctet() & 0x01) != 0;
    }

    public boolean isAllZero() {
        return value.equals("00:00:00:00:00:00");
    }

    private int firstOctet() {
        return HexFormat.fromHexDigits(value, 0, 2);
    }

    @Override
    public String toString() {
        return value;
    }
}

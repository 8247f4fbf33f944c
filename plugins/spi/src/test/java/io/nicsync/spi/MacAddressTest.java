package io.nicsync.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MacAddressTest {

    @Test
    void equalAddressesCompareEqualWhateverTheirCaseOrSeparator() {
        assertThat(MacAddress.parse("52-54-00-AB-cd-01")).isEqualTo(new MacAddress("52:54:00:ab:cd:01"));
    }

    @Test
    void theGroupBitMakesAnAddressMulticast() {
        assertThat(MacAddress.parse("01:00:5e:00:00:01").isMulticast()).isTrue();
        assertThat(MacAddress.parse("33:33:00:00:00:01").isMulticast()).isTrue();
        assertThat(MacAddress.parse("52:54:00:00:00:01").isMulticast()).isFalse();
    }

    @Test
    void allZeroIsRecognised() {
        assertThat(MacAddress.parse("00:00:00:00:00:00").isAllZero()).isTrue();
        assertThat(MacAddress.parse("00:00:00:00:00:01").isAllZero()).isFalse();
    }

    @Test
    void malformedAddressesAreRefusedWithTheirText() {
        assertThat(MacAddress.isWellFormed("52:54:00:12:34")).isFalse();
        assertThat(MacAddress.isWellFormed("52:54:00:12:34:5g")).isFalse();
        assertThat(MacAddress.isWellFormed("52:54:00:12:34:567")).isFalse();
        assertThat(MacAddress.isWellFormed("52:54:00:12:3:456")).isFalse();
        assertThat(MacAddress.isWellFormed("52.54.00.12.34.56")).isFalse();
        assertThat(MacAddress.isWellFormed("52:54:00:12:34:\u0665\u0666")).as("digits outside ASCII").isFalse();
        assertThat(MacAddress.isWellFormed(" 52:54:00:12:34:5")).isFalse();
        assertThat(MacAddress.isWellFormed("52:54:00:12:34:56")).isTrue();
        assertThat(MacAddress.isWellFormed("52-54-00-Ab-cD-eF")).isTrue();
        assertThatThrownBy(() -> MacAddress.parse("5254.0012.3456"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("5254.0012.3456");
    }
}

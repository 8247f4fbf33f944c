package io.nicsync.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class RepoPathsTest {

    @ParameterizedTest
    @CsvSource({"vms,vms", "/vms/,vms", "./vms/./prod,vms/prod", "vms//prod,vms/prod", "vms\\prod,vms/prod", "'',''",
            "/,''", ".,''"})
    void normalizes(String given, String expected) {
        assertThat(RepoPaths.normalize(given)).isEqualTo(expected);
    }

    @ParameterizedTest
    @NullSource
    void nullIsTheRoot(String given) {
        assertThat(RepoPaths.normalize(given)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"..", "vms/../..", "../elsewhere"})
    void refusesToLeaveTheRepository(String given) {
        assertThatThrownBy(() -> RepoPaths.normalize(given)).isInstanceOf(IllegalArgumentException.class);
    }
}

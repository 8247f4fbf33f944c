package io.nicsync.validate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigPlacementTest {

    @ParameterizedTest
    @CsvSource({
        "'', nicsync.yaml",
        "., nicsync.yaml",
        "./envs/prod, envs/prod/nicsync.yaml",
        "envs/prod, envs/prod/nicsync.yaml",
        "envs/prod/, envs/prod/nicsync.yaml",
        "/envs, envs/nicsync.yaml"})
    void nicsyncYamlIsDirectlyInTheBasePath(String basePath, String expected) {
        assertThat(ConfigPlacement.rootFile(basePath)).isEqualTo(expected);
    }
}

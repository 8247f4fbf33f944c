package io.nicsync.importer;

import static org.assertj.core.api.Assertions.assertThat;

import io.nicsync.spi.TargetConfig;
import io.nicsync.spi.TargetSetting;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The {@code nicsync.yaml} an import writes names no setting only the operator may give: the repository's value
 * would be refused, so the file says how to give it on the command line instead.
 */
class ConfigYamlTest {

    @Test
    void settingsOnlyTheOperatorGivesAreNamedForTheCommandLineNotWritten() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("rapi", "https://cluster.example.org:5080");
        settings.put("tlsName", "ganeti.example.com");
        settings.put("passwordEnv", "RAPI_PASSWORD");
        List<TargetSetting> declared = List.of(
                TargetSetting.text("rapi", "the RAPI").asEndpoint().guarded(TargetSetting.Guard.ENDPOINT),
                TargetSetting.text("tlsName", "the name").guarded(TargetSetting.Guard.OPERATOR_ONLY),
                TargetSetting.text("passwordEnv", "a variable").guarded(TargetSetting.Guard.OPERATOR_ONLY));

        String yaml = ConfigYaml.of(new TargetConfig("gnt", "ganeti", settings), declared);

        assertThat(yaml).contains("rapi: https://cluster.example.org:5080")
                .doesNotContain("tlsName:", "passwordEnv:")
                .contains("# Only the operator gives these, on the command line:",
                        "#   --target-setting gnt.passwordEnv=RAPI_PASSWORD",
                        "#   --target-setting gnt.tlsName=ganeti.example.com");
    }
}

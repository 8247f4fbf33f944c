package io.nicsync.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.nicsync.spi.DesiredNic;
import io.nicsync.spi.DesiredVm;
import io.nicsync.spi.LinkState;
import io.nicsync.spi.Presence;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The example repository shipped to users validates clean and shows what it claims to show. */
class ExamplesTest {
    private static final Path EXAMPLES = Path.of("..", "examples", "desired-state");

    @Test
    void examplesValidateClean() {
        Validation result = Validator.withInstalledPlugins().validate(Trees.read(EXAMPLES), "");

        assertThat(result.diagnostics()).extracting(Diagnostic::format).isEmpty();
        assertThat(result.state()).isNotNull();
    }

    @Test
    void examplesCoverTheFeaturesTheyDocument() {
        DesiredState state = Validator.withInstalledPlugins().validate(Trees.read(EXAMPLES), "").state();

        assertThat(state.config().targets()).extracting(t -> t.name() + ":" + t.kind())
                .containsExactly("lab:libvirt", "prod:kubevirt");
        assertThat(state.vms()).extracting(vm -> vm.ref().toString())
                .containsExactlyInAnyOrder("lab/lab-kernel", "lab/lab-q35", "lab/lab-noos", "prod/web/web-01");
        assertThat(nics(state)).anyMatch(n -> n.network().is("bridge") && n.persist());
        assertThat(nics(state)).anyMatch(n -> n.link() == LinkState.DOWN);
        assertThat(nics(state)).anyMatch(n -> n.state() == Presence.ABSENT);
        assertThat(nics(state)).anyMatch(n -> n.network().is("multus"));
    }

    /** Each example names its schema for editors, on its first line, by a path that reaches it. */
    @Test
    void examplesNameTheirSchemaForEditors() throws Exception {
        for (var file : Trees.read(EXAMPLES)) {
            String first = file.text().lines().findFirst().orElse("");
            assertThat(first).as(file.path()).startsWith("# yaml-language-server: $schema=");
            Path schema = EXAMPLES.resolve(file.path()).getParent()
                    .resolve(first.substring(first.indexOf('=') + 1)).normalize();
            String expected = file.path().equals("nicsync.yaml") ? "config.schema.json" : "vmnics.schema.json";
            assertThat(schema).as(file.path()).exists().hasFileName(expected);
            assertThat(schema.toRealPath()).isEqualTo(Path.of("..", "schemas", expected).toRealPath());
        }
    }

    private static java.util.List<DesiredNic> nics(DesiredState state) {
        return state.vms().stream().map(DesiredVm::nics).flatMap(java.util.List::stream).toList();
    }
}

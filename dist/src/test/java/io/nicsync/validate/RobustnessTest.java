package io.nicsync.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.nicsync.source.SourceFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Whatever a commit holds, validation returns diagnostics and never throws: the example repository with one
 * character of one file replaced by a YAML-significant one, at random, must still come back as a result.
 */
class RobustnessTest {
    private static final Validator VALIDATOR = Validator.withInstalledPlugins();
    private static final List<SourceFile> EXAMPLES = Trees.read(Path.of("..", "examples", "desired-state"));

    @Property(tries = 300)
    void aCorruptedRepositoryGivesDiagnosticsNotExceptions(
            @ForAll @IntRange(min = 0, max = 1000) int fileSeed,
            @ForAll @IntRange(min = 0, max = 100_000) int offsetSeed,
            @ForAll("yamlCharacters") String replacement) {
        List<SourceFile> files = new ArrayList<>(EXAMPLES);
        int index = fileSeed % files.size();
        String text = files.get(index).text();
        int offset = offsetSeed % text.length();
        String corrupted = text.substring(0, offset) + replacement + text.substring(offset + 1);
        files.set(index, new SourceFile(files.get(index).path(), corrupted.getBytes(StandardCharsets.UTF_8)));

        Validation result = VALIDATOR.validate(files, "");

        assertThat(result.state() == null).isEqualTo(!result.errors().isEmpty());
        assertThat(result.diagnostics()).allSatisfy(d -> assertThat(d.line()).isPositive());
    }

    @Provide
    Arbitrary<String> yamlCharacters() {
        return Arbitraries.of("", " ", "\t", "\n", ":", "-", "[", "]", "{", "}", "&a ", "*a", "!", "|", ">", "'",
                "\"", "#", "---\n", "~", "0", "x", "\u00e9");
    }
}

package io.nicsync.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import io.nicsync.platforms.Plugins;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The repository's schemas/ are what the bundled plugins compose: editors point at them, so they must say what
 * nicsync checks. The build writes the composed ones to dist/target/schemas; this test fails until schemas/ is the
 * same (bin/nicsync schema --write schemas).
 */
class PublishedSchemasTest {
    private static final Path PUBLISHED = Path.of("..", "schemas");
    private static final Path BUILT = Path.of("target", "schemas");

    static Stream<String> files() {
        return PublishedSchemas.all(Plugins.installed()).keySet().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void theRepositorysSchemaIsTheComposedOne(String file) throws IOException {
        String composed = PublishedSchemas.text(PublishedSchemas.all(Plugins.installed()).get(file));
        assertThat(Files.readString(PUBLISHED.resolve(file)))
                .as("schemas/%s is not what the bundled plugins compose: run bin/nicsync schema --write schemas", file)
                .isEqualTo(composed);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void theBuildWroteTheComposedSchema(String file) throws IOException {
        assertThat(Files.readString(BUILT.resolve(file)))
                .isEqualTo(PublishedSchemas.text(PublishedSchemas.all(Plugins.installed()).get(file)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void noOtherSchemaIsPublished(String file) throws IOException {
        try (Stream<Path> published = Files.list(PUBLISHED)) {
            assertThat(published.map(p -> p.getFileName().toString())).containsExactlyInAnyOrderElementsOf(
                    files().toList());
        }
    }
}

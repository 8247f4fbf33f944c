package io.nicsync.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The corpus of bad inputs: each directory under {@code validate/bad} is a small repository as a user would
 * write it, with an {@code expected.txt} of {@code file:line:col: fragment} lines. Every diagnostic must be
 * expected and every expectation met, at exactly that place, with a message containing the fragment (which
 * is compared with {@code severity: message}, so {@code warning:} can be asserted too). An optional
 * {@code limits.properties} lowers the validator's limits for that case.
 */
class BadInputTest {
    private static final Path CASES = Path.of("src", "test", "resources", "validate", "bad");

    record Expected(String location, String fragment) {
        static Expected parse(String line) {
            String[] parts = line.split(":", 4);
            return new Expected(parts[0] + ":" + parts[1] + ":" + parts[2], parts[3].strip());
        }

        boolean matches(Diagnostic d) {
            String location = d.file() + ":" + d.line() + ":" + d.column();
            return location.equals(this.location) && d.format().substring(location.length() + 2).contains(fragment);
        }

        @Override
        public String toString() {
            return location + ": " + fragment;
        }
    }

    static Stream<String> cases() throws IOException {
        try (Stream<Path> dirs = Files.list(CASES)) {
            return dirs.map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reportsExactlyTheExpectedDiagnostics(String name) throws IOException {
        Path dir = CASES.resolve(name);
        Validation result = validator(dir).validate(Trees.read(dir), "");

        List<Diagnostic> unexpected = new ArrayList<>(result.diagnostics());
        List<Expected> missing = new ArrayList<>();
        for (Expected expected : expectations(dir)) {
            unexpected.stream().filter(expected::matches).findFirst()
                    .ifPresentOrElse(unexpected::remove, () -> missing.add(expected));
        }
        assertThat(missing).as("expected but not reported; reported: %s", result.diagnostics()).isEmpty();
        assertThat(unexpected).as("reported but not expected").isEmpty();
        assertThat(result.state()).as("a state despite errors").isNull();
    }

    private static List<Expected> expectations(Path dir) throws IOException {
        return Files.readAllLines(dir.resolve("expected.txt")).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#"))
                .map(Expected::parse)
                .toList();
    }

    private static Validator validator(Path dir) throws IOException {
        Path limitsFile = dir.resolve("limits.properties");
        if (!Files.exists(limitsFile)) {
            return Validator.withInstalledPlugins();
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(limitsFile)) {
            p.load(in);
        }
        Limits d = Limits.DEFAULT;
        Limits limits = new Limits(
                Integer.parseInt(p.getProperty("maxFileBytes", String.valueOf(d.maxFileBytes()))),
                Integer.parseInt(p.getProperty("maxNodesPerDocument", String.valueOf(d.maxNodesPerDocument()))),
                Integer.parseInt(p.getProperty("maxAliases", String.valueOf(d.maxAliases()))),
                Integer.parseInt(p.getProperty("maxDepth", String.valueOf(d.maxDepth()))));
        return new Validator(Validator.withInstalledPlugins().plugins(), limits);
    }
}

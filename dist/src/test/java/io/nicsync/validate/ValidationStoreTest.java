package io.nicsync.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.nicsync.platforms.Plugins;
import io.nicsync.source.GitSource;
import io.nicsync.source.Snapshot;
import io.nicsync.source.SourceFile;
import io.nicsync.source.SourceSpec;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The checks of each file kept on disk under its blob id: a later validation takes them instead of reading and
 * parsing the file, reports exactly what a validation from scratch reports, and never trusts an entry that is
 * damaged or made under another key.
 */
class ValidationStoreTest {
    private static final Path BAD = Path.of("src", "test", "resources", "validate", "bad");
    private static final Path GOOD = Path.of("src", "test", "resources", "validate", "good");
    private static final Validator VALIDATOR = Validator.withInstalledPlugins();

    @TempDir
    Path cache;

    static Stream<Path> corpora() throws IOException {
        try (Stream<Path> bad = Files.list(BAD); Stream<Path> good = Files.list(GOOD)) {
            return Stream.concat(bad, good).filter(p -> !Files.exists(p.resolve("limits.properties"))).sorted()
                    .toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpora")
    void aValidationFromTheStoreReportsWhatOneFromScratchReports(Path corpus) {
        List<SourceFile> files = Trees.read(corpus);
        Validation scratch = VALIDATOR.validate(files, "");

        Validation first = VALIDATOR.validate(Trees.read(corpus), "", new ValidationCache(store()));
        ValidationCache warm = new ValidationCache(store());
        Validation second = VALIDATOR.validate(Trees.read(corpus), "", warm);

        assertThat(formatted(first)).isEqualTo(formatted(scratch));
        assertThat(formatted(second)).isEqualTo(formatted(scratch));
        assertThat(second.ok()).isEqualTo(scratch.ok());
        if (scratch.ok()) {
            assertThat(second.state()).isEqualTo(scratch.state());
        }
        long loaded = files.stream().filter(f -> f.path().endsWith(".yaml") || f.path().endsWith(".yml"))
                .filter(SourceFile::loaded).count();
        assertThat(warm.fromStore()).as("every file that could be read comes from the store").isEqualTo((int) loaded);
    }

    @Test
    void filesTheStoreHoldsAreNeitherReadNorParsedAndAProblemAcrossFilesReadsThemForItsPosition(@TempDir Path work)
            throws Exception {
        Path repo = work.resolve("repo");
        copy(BAD.resolve("duplicate-vm"), repo);
        try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
            git.add().addFilepattern(".").call();
            git.commit().setMessage("desired").setSign(false).setAuthor("t", "t@example.org")
                    .setCommitter("t", "t@example.org").call();
        }
        SourceSpec spec = SourceSpec.of(repo.toString());
        Validation cold = VALIDATOR.validate(GitSource.read(spec).files(), "", new ValidationCache(store()));

        ValidationCache warm = new ValidationCache(store());
        Snapshot snapshot = GitSource.read(spec, warm::has);
        assertThat(snapshot.files()).filteredOn(f -> !f.path().equals("nicsync.yaml"))
                .allSatisfy(f -> assertThat(f.read()).as(f.path()).isFalse());
        Validation again = VALIDATOR.validate(snapshot.files(), "", warm);

        assertThat(formatted(again)).isEqualTo(formatted(cold)).anySatisfy(d -> assertThat(d).contains("declared"));
        assertThat(snapshot.files()).filteredOn(f -> !f.path().equals("nicsync.yaml")).anySatisfy(f ->
                assertThat(f.read()).as("read for the position of the duplicate").isTrue());
    }

    @Test
    void aDamagedEntryIsCheckedAgainAndWrittenAnew() throws IOException {
        Path corpus = GOOD.resolve(first(GOOD));
        Validation scratch = VALIDATOR.validate(Trees.read(corpus), "");
        VALIDATOR.validate(Trees.read(corpus), "", new ValidationCache(store()));
        Path file = store().file();
        List<String> lines = Files.readAllLines(file);
        int files = lines.size() - 1;

        // a word of the first entry's JSON changed, its checksum left as it was
        lines.set(1, lines.get(1).replace("\"docs\"", "\"dogs\""));
        Files.write(file, lines);
        ValidationCache damaged = new ValidationCache(store());
        Validation checked = VALIDATOR.validate(Trees.read(corpus), "", damaged);

        assertThat(formatted(checked)).isEqualTo(formatted(scratch));
        assertThat(checked.state()).isEqualTo(scratch.state());
        assertThat(damaged.fromStore()).isEqualTo(files - 1);
        ValidationCache mended = new ValidationCache(store());
        VALIDATOR.validate(Trees.read(corpus), "", mended);
        assertThat(mended.fromStore()).as("the entry was written anew").isEqualTo(files);
    }

    @Test
    void aStoreCutMidLineKeepsWhatCameBeforeTheCut() throws IOException {
        Path corpus = GOOD.resolve(first(GOOD));
        VALIDATOR.validate(Trees.read(corpus), "", new ValidationCache(store()));
        Path file = store().file();
        int files = Files.readAllLines(file).size() - 1;
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(raf.length() - 20);
        }
        ValidationCache cut = new ValidationCache(store());
        Validation checked = VALIDATOR.validate(Trees.read(corpus), "", cut);

        assertThat(checked.diagnostics()).isEqualTo(VALIDATOR.validate(Trees.read(corpus), "").diagnostics());
        assertThat(cut.fromStore()).isEqualTo(files - 1);
        assertThat(Files.readAllLines(file)).as("written anew, whole").hasSize(files + 1);
    }

    @Test
    void aStoreOfAnotherKeyIsNeverTaken() throws IOException {
        Path corpus = GOOD.resolve(first(GOOD));
        VALIDATOR.validate(Trees.read(corpus), "", new ValidationCache(store()));
        Path file = store().file();
        String[] lines = Files.readString(file).split("\n", 2);
        // the same entries under another key, as another build of nicsync or another plugin set would have made them
        Files.writeString(file, ValidationStore.HEADER + "0".repeat(64) + "\n" + lines[1]);

        ValidationCache foreign = new ValidationCache(store());
        VALIDATOR.validate(Trees.read(corpus), "", foreign);

        assertThat(foreign.fromStore()).isZero();
        assertThat(Files.readString(file)).startsWith(ValidationStore.HEADER + VALIDATOR.storeKey());
    }

    @Test
    void theKeyFollowsTheInstalledPluginsSchemas() {
        Plugins all = Plugins.installed();
        Plugins one = Plugins.of(List.of(all.get("libvirt").orElseThrow()));

        assertThat(Validator.storeKey(all)).isEqualTo(VALIDATOR.storeKey()).isNotEqualTo(Validator.storeKey(one));
    }

    @Test
    void aBoundedStoreKeepsTheEntriesOfTheLatestValidation() throws IOException {
        Path corpus = GOOD.resolve(first(GOOD));
        List<SourceFile> before = Trees.read(corpus);
        VALIDATOR.validate(before, "", new ValidationCache(store()));
        long full = Files.size(store().file());

        // the next commit changes every file (a comment: the same checks, other blobs), in a store bound to one
        // commit's entries and less than any entry more
        List<SourceFile> after = before.stream()
                .map(f -> new SourceFile(f.path(), (f.text() + "\n# edited\n").getBytes(StandardCharsets.UTF_8)))
                .toList();
        VALIDATOR.validate(after, "", new ValidationCache(ValidationStore.open(cache, VALIDATOR.storeKey(), full + 20)));

        assertThat(Files.size(store().file())).isLessThanOrEqualTo(full + 20);
        ValidationCache latest = new ValidationCache(store());
        VALIDATOR.validate(after, "", latest);
        assertThat(latest.fromStore()).isEqualTo(yaml(after));
        ValidationCache earlier = new ValidationCache(store());
        VALIDATOR.validate(before, "", earlier);
        assertThat(earlier.fromStore()).as("the earlier commit's entries made room").isZero();
    }

    private static int yaml(List<SourceFile> files) {
        return (int) files.stream().filter(f -> f.path().endsWith(".yaml") || f.path().endsWith(".yml")).count();
    }

    private ValidationStore store() {
        return ValidationStore.open(cache, VALIDATOR.storeKey(), ValidationStore.DEFAULT_MAX_BYTES);
    }

    private static List<String> formatted(Validation v) {
        return v.diagnostics().stream().map(Diagnostic::format).toList();
    }

    private static String first(Path dir) throws IOException {
        try (Stream<Path> cases = Files.list(dir)) {
            return cases.map(p -> p.getFileName().toString()).sorted().findFirst().orElseThrow();
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else if (!p.getFileName().toString().equals("expected.txt")) {
                    Files.copy(p, target);
                }
            }
        }
    }
}

package io.nicsync.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.nicsync.source.SourceFile;
import io.nicsync.testing.FixturePlugins;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A repository with thousands of problems costs the first ones and a count of the rest, not all of them. */
class DiagnosticsCapTest {

    @Test
    void aValidationKeepsTheFirstDiagnosticsAndCountsTheRest() {
        String bad = "---\napiVersion: nicsync.io/v1alpha1\nkind: Nope\n".repeat(600);
        List<SourceFile> files = List.of(new SourceFile("a.yaml", bad.getBytes(StandardCharsets.UTF_8)),
                new SourceFile("b.yaml", bad.getBytes(StandardCharsets.UTF_8)));
        Limits keepTen = new Limits(Limits.DEFAULT.maxFileBytes(), Limits.DEFAULT.maxNodesPerDocument(),
                Limits.DEFAULT.maxAliases(), Limits.DEFAULT.maxDepth(), Limits.DEFAULT.maxDocumentsPerFile(), 10);

        Validation all = new Validator(FixturePlugins.ALL).validate(files, "");
        Validation capped = new Validator(FixturePlugins.ALL, keepTen).validate(files, "");

        assertThat(all.errorCount()).isGreaterThan(1200);
        assertThat(capped.diagnostics()).hasSize(10).isEqualTo(all.diagnostics().subList(0, 10));
        assertThat(capped.errorCount()).isEqualTo(all.errorCount());
        assertThat(capped.omitted()).isEqualTo(all.errorCount() + all.warningCount() - 10);
        assertThat(capped.omittedLine()).isEqualTo("... and " + capped.omitted() + " more diagnostic(s) not shown");
        assertThat(all.diagnostics()).hasSize(Limits.DEFAULT.maxDiagnostics());
        assertThat(all.omitted()).isEqualTo(all.errorCount() + all.warningCount() - Limits.DEFAULT.maxDiagnostics());
    }
}

package io.nicsync.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nicsync.apply.Sleeper;
import io.nicsync.loop.ApplyOverrides;
import io.nicsync.loop.Selection;
import io.nicsync.platforms.TargetOverrides;
import io.nicsync.source.SourceSpec;
import io.nicsync.testing.FixturePlugins;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A commit with thousands of problems: the cycle's report, /status and last-run.json keep the first and count the rest. */
class ReconcilerDiagnosticsTest {
    @TempDir
    Path dir;

    @Test
    void theReportKeepsTheFirstDiagnosticsAndSaysHowManyMoreThereWere() throws Exception {
        Path repo = Files.createDirectories(dir.resolve("repo"));
        String bad = "---\napiVersion: nicsync.io/v1alpha1\nkind: Nope\n".repeat(900);
        try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
            Files.writeString(repo.resolve("a.yaml"), bad);
            Files.writeString(repo.resolve("b.yaml"), bad);
            git.add().addFilepattern(".").call();
            PersonIdent ada = new PersonIdent("Ada", "ada@example.org");
            git.commit().setMessage("many problems").setAuthor(ada).setCommitter(ada).setSign(false).call();
        }
        Reconciler reconciler = new Reconciler(new Reconciler.Settings(SourceSpec.of(repo.toString()), Selection.ALL,
                TargetOverrides.NONE, dir.resolve("state"), Duration.ZERO, ApplyOverrides.NONE, "test"),
                FixturePlugins.ALL, Clock.systemUTC(), Sleeper.REAL);

        RunReport report = reconciler.cycle();
        JsonNode kept = new ObjectMapper().readTree(Files.readString(dir.resolve("state/reconcile/last-run.json")));

        assertThat(report.outcome()).isEqualTo(RunOutcome.ERROR);
        assertThat(report.diagnostics()).hasSize(1001);
        assertThat(report.diagnostics().getLast()).matches("\\.\\.\\. and \\d+ more diagnostic\\(s\\) not shown");
        assertThat(kept.path("diagnostics")).hasSize(1001);
        assertThat(reconciler.lastRunJson()).hasValueSatisfying(json -> assertThat(json).contains("more diagnostic(s) not shown"));
        reconciler.close();
    }
}

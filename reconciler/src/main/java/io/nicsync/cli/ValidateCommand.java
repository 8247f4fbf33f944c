package io.nicsync.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.nicsync.apply.ExitCode;
import io.nicsync.platforms.Plugins;
import io.nicsync.source.GitSource;
import io.nicsync.source.SourceSpec;
import io.nicsync.source.WorkingTree;
import io.nicsync.source.Snapshot;
import io.nicsync.validate.Diagnostic;
import io.nicsync.validate.Validation;
import io.nicsync.validate.ValidationCache;
import io.nicsync.validate.Validator;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code nicsync validate}: every problem in a desired-state repository, with file, line and column. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        header = "Check the desired state; report every problem at once.",
        footerHeading = "%nExamples:%n",
        footer = {"  nicsync validate                # the repository you stand in",
                "  nicsync validate --working-tree # as on disk: pre-commit hooks, editors",
                "  nicsync validate --repo https://git.example.org/infra/nics.git -o json"},
        description = "Checks a desired-state repository and reports every problem at once, each as "
                + "FILE:LINE:COL: error: MESSAGE. Exit code 0 when valid, 1 when not.")
final class ValidateCommand implements Callable<Integer> {

    @Mixin
    SourceOptions source;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", description = "text (default) or json.")
    OutputFormat output = OutputFormat.TEXT;

    @Option(names = "--working-tree", description = "Check the files as they are on disk, uncommitted changes "
            + "included (for pre-commit hooks and editors), instead of the commit.")
    boolean workingTree;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        SourceSpec from = source.spec();
        Plugins plugins = Plugins.installed();
        // each file's checks are kept by content: a file checked before is neither read nor parsed again
        ValidationCache cache = ValidationCache.onDisk(plugins, from.cacheDir());
        Snapshot snapshot;
        if (workingTree) {
            snapshot = WorkingTree.read(from);
        } else {
            SourceOptions.UncommittedCheck uncommitted = source.checkUncommitted(from);
            try {
                snapshot = GitSource.read(from, cache::has);
            } finally {
                uncommitted.warn(spec.commandLine().getErr());
            }
        }
        Validation validation = new Validator(plugins).validate(snapshot.files(), snapshot.path(), cache);
        PrintWriter out = spec.commandLine().getOut();
        if (output == OutputFormat.JSON) {
            json(snapshot, validation, out);
        } else {
            text(snapshot, validation, out);
        }
        return validation.ok() ? ExitCode.OK.code() : ExitCode.ERROR.code();
    }

    private static void text(Snapshot snapshot, Validation validation, PrintWriter out) {
        out.println(SnapshotText.header(snapshot));
        validation.diagnostics().forEach(d -> out.println(d.format()));
        if (validation.omitted() > 0) {
            out.println(validation.omittedLine());
        }
        long errors = validation.errorCount();
        long warnings = validation.warningCount();
        String counts = errors + " error" + (errors == 1 ? "" : "s") + ", " + warnings + " warning" + (warnings == 1 ? "" : "s");
        if (validation.ok()) {
            out.println(counts + ": " + validation.state().vms().size() + " VM(s) on "
                    + validation.state().config().targets().size() + " target(s).");
        } else {
            out.println(counts + ".");
        }
    }

    private static void json(Snapshot snapshot, Validation validation, PrintWriter out) throws Exception {
        Map<String, Object> doc = new LinkedHashMap<>(SnapshotText.fields(snapshot));
        doc.put("valid", validation.ok());
        doc.put("errors", validation.errorCount());
        doc.put("warnings", validation.warningCount());
        if (validation.omitted() > 0) {
            doc.put("diagnosticsNotShown", validation.omitted());
        }
        List<Map<String, Object>> diagnostics = validation.diagnostics().stream().map(ValidateCommand::json).toList();
        doc.put("diagnostics", diagnostics);
        out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc));
    }

    /** A diagnostic as the JSON outputs show it. */
    static Map<String, Object> json(Diagnostic d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", d.file());
        m.put("line", d.line());
        m.put("column", d.column());
        m.put("severity", d.severity().name().toLowerCase(java.util.Locale.ROOT));
        m.put("message", d.message());
        return m;
    }
}

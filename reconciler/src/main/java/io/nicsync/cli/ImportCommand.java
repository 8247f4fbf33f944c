package io.nicsync.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.nicsync.apply.ExitCode;
import io.nicsync.importer.ImportException;
import io.nicsync.importer.ImportRequest;
import io.nicsync.importer.ImportResult;
import io.nicsync.importer.Importer;
import io.nicsync.importer.TargetChoice;
import io.nicsync.loop.Desired;
import io.nicsync.platforms.Plugins;
import io.nicsync.platforms.TargetOverrides;
import io.nicsync.spi.TargetConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code nicsync import}: the desired state of what is live, to bring an existing fleet under Git. */
@Command(name = "import", mixinStandardHelpOptions = true,
        header = "Write the NICs of a target's VMs as VmNics files.",
        footerHeading = "%nExamples:%n",
        footer = {"  nicsync import --kind libvirt --uri qemu:///system --target lab --out desired",
                "  nicsync import --repo . --target prod --vm web/web-01 --out ."},
        description = "Writes a VmNics file for each VM of a target, declaring the NICs it has, so that a plan "
                + "right after shows no changes. The target comes from --repo's nicsync.yaml, or from --kind and "
                + "--uri. Writes nothing when anything fails. Exit 0, or 1 on error.")
final class ImportCommand implements Callable<Integer> {

    /** Optional as a whole: without it, the target is given by --kind and --uri. */
    @ArgGroup(exclusive = false, heading = "%nRead the target from a desired-state repository:%n")
    SourceOptions source;

    @Option(names = "--target", required = true, paramLabel = "T",
            description = "The target to import: declared in --repo's nicsync.yaml, or the name to give it.")
    String target;

    @Option(names = "--vm", paramLabel = "NAME",
            description = "Only this VM: name or namespace/name (repeatable; default: every VM of the target).")
    List<String> vms = List.of();

    @Option(names = {"--out", "-out"}, paramLabel = "DIR",
            description = "Where to write (default: the current directory; -out=DIR as Terraform spells it works too).")
    Path out = Path.of(".");

    @Option(names = "--force", description = "Overwrite files that exist already.")
    boolean force;

    @Option(names = "--kind", paramLabel = "K", description = "Without --repo: the target's kind (`nicsync plugins` lists them; needed when several"
                    + " are installed).")
    String kind;

    @Option(names = "--uri", paramLabel = "U",
            description = "The target's endpoint setting (libvirt uri, e.g. qemu:///system; KubeVirt context); with"
                    + " --repo it replaces the declared one.")
    String uri;

    @Option(names = "--setting", paramLabel = "KEY=VALUE",
            description = "Another setting of the target (repeatable), e.g. hotplug=migration; with --repo it"
                    + " replaces the declared one. `nicsync plugins` lists each kind's settings.")
    Map<String, String> settings = new LinkedHashMap<>();

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", description = "text (default) or json.")
    OutputFormat output = OutputFormat.TEXT;

    @CommandLine.Mixin
    AllowOptions allow = new AllowOptions();

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Plugins plugins = Plugins.installed();
        PrintWriter err = spec.commandLine().getErr();
        ImportResult result;
        try {
            result = new Importer(plugins).run(new ImportRequest(target(plugins), vms, out, force));
        } catch (ImportException e) {
            e.details().forEach(err::println);
            err.println("nicsync: error: " + e.getMessage());
            return ExitCode.ERROR.code();
        }
        PrintWriter stdout = spec.commandLine().getOut();
        if (output == OutputFormat.JSON) {
            json(result, stdout);
        } else {
            text(result, stdout);
        }
        return ExitCode.OK.code();
    }

    /** The target to read: declared by --repo or by --kind, with --uri and --setting checked against its plugin. */
    private TargetConfig target(Plugins plugins) throws Exception {
        TargetConfig base;
        if (source == null) {
            base = new TargetConfig(target, kind == null ? onlyKind(plugins) : kind, Map.of());
            plugins.require(base.kind());
        } else if (kind != null) {
            throw new ImportException("--kind is for a target given on the command line; with --repo, the"
                    + " repository's nicsync.yaml declares the kind of " + target);
        } else {
            base = TargetChoice.declared(Desired.read(source.spec(), plugins).state().config(), target);
        }
        List<String> written = settings.entrySet().stream().map(e -> target + "." + e.getKey() + "=" + e.getValue())
                .toList();
        try {
            return TargetOverrides.of(uri == null ? Map.of() : Map.of(target, uri), written)
                    .allowing(allow.allowed()).applyTo(base, plugins);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage().replace("--target-setting " + target + ".", "--setting "));
        }
    }

    /** Without --repo and --kind, the kind of the one installed plugin; with several, the user names one. */
    private static String onlyKind(Plugins plugins) throws UserError {
        if (plugins.kinds().size() == 1) {
            return plugins.kinds().iterator().next();
        }
        throw new UserError("without --repo, --kind names the target's kind: one of "
                + String.join(", ", plugins.kinds()));
    }

    private static void text(ImportResult result, PrintWriter out) {
        for (ImportResult.WrittenFile f : result.files()) {
            out.println("wrote " + result.out().resolve(f.path()).normalize()
                    + (f.vm() == null ? "" : " (" + f.vm() + ", " + f.nics() + " NIC(s))"));
        }
        result.warnings().forEach(w -> out.println("warning: " + w));
        long vms = result.files().stream().filter(f -> f.vm() != null).count();
        out.println(result.files().size() + " file(s) written: " + vms + " VM(s) of target " + result.target() + ".");
    }

    private static void json(ImportResult result, PrintWriter out) throws Exception {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("target", result.target());
        doc.put("out", result.out().toString());
        doc.put("files", result.files().stream().map(f -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("path", f.path());
            m.put("vm", f.vm() == null ? null : f.vm().toString());
            m.put("nics", f.nics());
            return m;
        }).toList());
        doc.put("warnings", result.warnings());
        out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc));
    }
}

package io.nicsync.importer;

import io.nicsync.importer.ImportResult.WrittenFile;
import io.nicsync.loop.Selection;
import io.nicsync.platforms.Plugins;
import io.nicsync.platforms.UnknownKindException;
import io.nicsync.schemas.PublishedSchemas;
import io.nicsync.source.SourceFile;
import io.nicsync.spi.Capabilities;
import io.nicsync.spi.LiveVm;
import io.nicsync.spi.NetworkKind;
import io.nicsync.spi.Target;
import io.nicsync.spi.TargetException;
import io.nicsync.spi.TargetPlugin;
import io.nicsync.validate.Diagnostic;
import io.nicsync.validate.Validation;
import io.nicsync.validate.Validator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code nicsync import}: observes the VMs of one target and writes their desired state, one file per VM,
 * checked before anything is written: no file in the way (unless forced), and the output, with the output
 * directory's {@code nicsync.yaml}, passes the validator. Nothing is written when any check fails.
 */
public final class Importer {
    /** The schema's VM name; a VM named otherwise cannot be declared, nor be a file name safely. */
    private static final Pattern VM_NAME = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9._-]{0,251}[A-Za-z0-9])?");

    private final Plugins plugins;

    /** Where in the output directory the schemas of the written files go. */
    public static final String SCHEMAS = "schemas";

    public Importer(Plugins plugins) {
        this.plugins = plugins;
    }

    public ImportResult run(ImportRequest request) throws TargetException, ImportException, IOException {
        TargetPlugin plugin = plugin(request.target().kind());
        List<String> warnings = new ArrayList<>();
        List<ImportedVm> vms = new ArrayList<>();
        Capabilities capabilities;
        try (Target target = plugin.open(request.target())) {
            capabilities = target.capabilities();
            for (LiveVm live : selected(target.observeAll(), request.vms())) {
                if (VM_NAME.matcher(live.ref().name()).matches()) {
                    vms.add(VmImport.of(live, Set.copyOf(Plugins.declarableKeys(plugin))));
                } else {
                    warnings.add(live.ref() + ": not imported: its name is not one a VmNics document can declare");
                }
            }
        }
        vms.forEach(vm -> vm.skipped().forEach(s -> warnings.add(vm.live().ref() + ": NIC not imported: " + s)));
        Map<String, String> files = files(request, vms, plugin);
        refuseExisting(request, files);
        warnings.addAll(validate(request.out(), files));
        warnings.addAll(AfterImport.pendingSteps(vms, capabilities));
        OutputFiles.write(request.out(), files, request.force());
        // what the files' yaml-language-server lines point at: generated, so always the loaded plugins' own
        OutputFiles.write(request.out(), schemas(), true);
        return new ImportResult(request.target().name(), request.out(), written(files, vms), warnings);
    }

    private TargetPlugin plugin(String kind) throws ImportException {
        try {
            return plugins.require(kind);
        } catch (UnknownKindException e) {
            throw new ImportException(e.getMessage());
        }
    }

    /** Every VM when none is named; else the named ones, each of which must exist. */
    private static List<LiveVm> selected(List<LiveVm> all, List<String> names) throws ImportException {
        List<LiveVm> sorted = all.stream().sorted(Comparator.comparing(LiveVm::ref)).toList();
        if (names.isEmpty()) {
            return sorted;
        }
        List<String> unknown = names.stream()
                .filter(n -> sorted.stream().noneMatch(vm -> only(n).includes(vm.ref()))).toList();
        if (!unknown.isEmpty()) {
            throw new ImportException("unknown VM(s) on the target: " + String.join(", ", unknown) + "; nothing written");
        }
        return sorted.stream().filter(vm -> names.stream().anyMatch(n -> only(n).includes(vm.ref()))).toList();
    }

    private static Selection only(String vm) {
        return new Selection(Set.of(), Set.of(vm));
    }

    /** The files to write, in order: {@code nicsync.yaml} when the output directory has none, then the VMs. */
    private static Map<String, NetworkKind> kindsOf(TargetPlugin plugin) {
        Map<String, NetworkKind> kinds = new LinkedHashMap<>();
        plugin.networkKinds().stream().filter(NetworkKind::declarable).forEach(k -> kinds.put(k.key(), k));
        return kinds;
    }

    private static Map<String, String> files(ImportRequest request, List<ImportedVm> vms, TargetPlugin plugin)
            throws ImportException {
        Map<String, NetworkKind> kinds = kindsOf(plugin);
        Map<String, String> files = new LinkedHashMap<>();
        if (!Files.exists(request.out().resolve(ConfigYaml.FILE))) {
            files.put(ConfigYaml.FILE, ConfigYaml.of(request.target(), plugin.settings()));
        }
        for (ImportedVm vm : vms) {
            try {
                files.put(vm.file(), VmNicsYaml.of(vm, kinds));
            } catch (IllegalArgumentException e) {
                throw new ImportException(vm.live().ref() + ": " + e.getMessage() + "; nothing written");
            }
        }
        files.replaceAll((path, text) -> modeline(path) + text);
        return files;
    }

    /**
     * The first line of a written file: the schema editors (yaml-language-server: VS Code, Neovim, IntelliJ) check
     * it against as it is typed, relative to the file, in {@link #SCHEMAS} of the output directory.
     */
    static String modeline(String path) {
        String schema = path.equals(ConfigYaml.FILE) ? PublishedSchemas.CONFIG : PublishedSchemas.VM_NICS;
        String up = "../".repeat((int) path.chars().filter(c -> c == '/').count());
        return "# yaml-language-server: $schema=" + up + SCHEMAS + "/" + schema + "\n";
    }

    /** The Config and VmNics schemas of the loaded plugins, by path in the output directory. */
    private Map<String, String> schemas() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put(SCHEMAS + "/" + PublishedSchemas.CONFIG, PublishedSchemas.text(PublishedSchemas.config(plugins)));
        files.put(SCHEMAS + "/" + PublishedSchemas.VM_NICS, PublishedSchemas.text(PublishedSchemas.vmNics(plugins)));
        return files;
    }

    private static void refuseExisting(ImportRequest request, Map<String, String> files) throws ImportException {
        List<String> existing = OutputFiles.existing(request.out(), files);
        if (!existing.isEmpty() && !request.force()) {
            throw new ImportException(existing.size() + " file(s) exist already in " + request.out() + ": "
                    + String.join(", ", existing) + "; nothing written (--force overwrites them)");
        }
    }

    /** The validator's verdict on the output as the directory will hold it; its warnings are returned. */
    private List<String> validate(Path out, Map<String, String> files) throws ImportException, IOException {
        List<SourceFile> sources = new ArrayList<>();
        if (!files.containsKey(ConfigYaml.FILE)) {
            sources.add(new SourceFile(ConfigYaml.FILE, Files.readAllBytes(out.resolve(ConfigYaml.FILE))));
        }
        files.forEach((path, text) -> sources.add(new SourceFile(path, text.getBytes(StandardCharsets.UTF_8))));
        Validation validation = new Validator(plugins).validate(sources, "");
        List<String> lines = validation.diagnostics().stream().map(Diagnostic::format).toList();
        if (!validation.ok()) {
            throw new ImportException("the imported desired state would not validate: " + validation.errors().size()
                    + " error(s) (paths relative to " + out + "); nothing written", lines);
        }
        return lines;
    }

    private static List<WrittenFile> written(Map<String, String> files, List<ImportedVm> vms) {
        List<WrittenFile> out = new ArrayList<>();
        if (files.containsKey(ConfigYaml.FILE)) {
            out.add(new WrittenFile(ConfigYaml.FILE, null, 0));
        }
        vms.forEach(vm -> out.add(new WrittenFile(vm.file(), vm.live().ref(), vm.nics().size())));
        return out;
    }
}

package io.nicsync.validate;

import io.nicsync.source.SourceFile;
import io.nicsync.spi.DesiredVm;
import io.nicsync.spi.TargetPlugin;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks the desired-state files of one commit and, when they are free of errors, turns them into a
 * {@link DesiredState}. Every problem is reported, each at its file, line and column: YAML syntax, duplicate
 * keys, schema violations, and the semantic and platform rules. Thread-safe; reuse one instance.
 */
public final class Validator {
    private static final List<Rule> RULES = List.of(
            new TargetDeclarations(),
            new PolicyValues(),
            new TargetReferences(),
            new UniqueVms(),
            new UniqueNicKeys(),
            new MacAddresses(),
            new NetworkKinds(),
            new PlatformRules());

    private final Map<String, TargetPlugin> plugins;
    private final Limits limits;
    private final SchemaCheck schemaCheck;

    /** A validator that knows the plugins {@link ServiceLoader} finds on the class path. */
    public static Validator withInstalledPlugins() {
        Map<String, TargetPlugin> plugins = new LinkedHashMap<>();
        ServiceLoader.load(TargetPlugin.class).forEach(p -> plugins.putIfAbsent(p.kind(), p));
        return new Validator(plugins);
    }

    /** @param pluginsByKind the plugins that open targets, by {@link TargetPlugin#kind()} */
    public Validator(Map<String, TargetPlugin> pluginsByKind) {
        this(pluginsByKind, Limits.DEFAULT);
    }

    Validator(Map<String, TargetPlugin> pluginsByKind, Limits limits) {
        this.plugins = Map.copyOf(pluginsByKind);
        this.limits = limits;
        this.schemaCheck = new SchemaCheck(Schemas.load());
    }

    /**
     * @param files the {@code *.yaml} and {@code *.yml} files of the desired state; others are ignored
     * @param basePath the directory the files were read from, relative to the repository root ("" for the
     *     root): {@code nicsync.yaml} must be directly in it
     */
    public Validation validate(List<SourceFile> files, String basePath) {
        Objects.requireNonNull(basePath, "basePath");
        Diagnostics out = new Diagnostics();
        List<SourceFile> yaml = files.stream().filter(f -> isYaml(f.path())).toList();
        List<Typed> docs = read(yaml, out);
        Set<String> paths = yaml.stream().map(SourceFile::path).collect(Collectors.toSet());
        Optional<YamlDocument> configDoc = ConfigPlacement.select(docs, paths, basePath, out);
        Config config = configDoc.filter(doc -> schemaCheck.check(doc, Kind.CONFIG, out))
                .map(doc -> ConfigBinder.bind(doc.root()))
                .orElse(null);
        List<Declared> vms = bindVms(docs, out);
        Declarations declarations = new Declarations(config, configDoc.orElse(null), vms, plugins);
        RULES.forEach(rule -> rule.check(declarations, out));
        DesiredState state = out.hasErrors() ? null
                : new DesiredState(config, vms.stream().map(Declared::vm).toList());
        return new Validation(state, out.sorted());
    }

    Map<String, TargetPlugin> plugins() {
        return plugins;
    }

    private List<Typed> read(List<SourceFile> files, Diagnostics out) {
        YamlReader reader = new YamlReader(limits);
        List<Typed> docs = new ArrayList<>();
        for (SourceFile file : files) {
            for (YamlDocument doc : reader.read(file, out)) {
                KindCheck.check(doc, out).ifPresent(kind -> docs.add(new Typed(doc, kind)));
            }
        }
        return docs;
    }

    private List<Declared> bindVms(List<Typed> docs, Diagnostics out) {
        List<Declared> vms = new ArrayList<>();
        for (Typed typed : docs) {
            if (typed.kind() == Kind.VM_NICS && schemaCheck.check(typed.doc(), Kind.VM_NICS, out)) {
                DesiredVm vm = VmBinder.bind(typed.doc().root());
                vms.add(new Declared(vm, typed.doc()));
            }
        }
        return vms;
    }

    private static boolean isYaml(String path) {
        return path.endsWith(".yaml") || path.endsWith(".yml");
    }
}

package io.nicsync.validate;

import io.nicsync.platforms.Plugins;
import io.nicsync.schemas.PublishedSchemas;
import io.nicsync.source.SourceFile;
import io.nicsync.spi.DesiredVm;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks the desired-state files of one commit and, when they are free of errors, turns them into a
 * {@link DesiredState}. Every problem is reported, each at its file, line and column: YAML syntax, duplicate
 * keys, schema violations, and the semantic and platform rules. Thread-safe; reuse one instance (it compiles
 * the schemas once). Many files are checked on several threads.
 */
public final class Validator {
    private static final List<Rule> RULES = List.of(
            new TargetDeclarations(),
            new PolicyValues(),
            new TargetReferences(),
            new UniqueVms(),
            new UniqueNicKeys(),
            new MacAddresses(),
            new NicVocabulary(),
            new PlatformRules());

    /** Below this many files to check, doing it on several threads costs more than it saves. */
    static final int PARALLEL_FROM = 64;

    private final Plugins plugins;
    private final Limits limits;
    private final int parallelFrom;
    private final YamlReader reader;
    private final SchemaCheck schemaCheck;
    private final VmBinder binder;

    /** A validator that knows the plugins on the class path. */
    public static Validator withInstalledPlugins() {
        return new Validator(Plugins.installed());
    }

    /** @param plugins the plugins that open targets: their declarations make the schemas and the rules */
    public Validator(Plugins plugins) {
        this(plugins, Limits.DEFAULT);
    }

    Validator(Plugins plugins, Limits limits) {
        this(plugins, limits, PARALLEL_FROM);
    }

    /** @param parallelFrom from how many files to check they are checked on every core (the common pool's threads) */
    Validator(Plugins plugins, Limits limits, int parallelFrom) {
        this.plugins = plugins;
        this.limits = limits;
        this.parallelFrom = parallelFrom;
        this.reader = new YamlReader(limits);
        this.schemaCheck = new SchemaCheck(Schemas.compose(plugins));
        this.binder = new VmBinder(plugins);
    }

    /**
     * @param files the {@code *.yaml} and {@code *.yml} files of the desired state; others are ignored
     * @param basePath the directory the files were read from, relative to the repository root ("" for the
     *     root): {@code nicsync.yaml} must be directly in it
     */
    public Validation validate(List<SourceFile> files, String basePath) {
        return validate(files, basePath, new ValidationCache());
    }

    /**
     * As {@link #validate(List, String)}, taking each file's own checks from {@code cache} when the same path
     * had the same content in the last validation with it, and leaving this validation's there for the next.
     */
    public Validation validate(List<SourceFile> files, String basePath, ValidationCache cache) {
        Objects.requireNonNull(basePath, "basePath");
        Diagnostics out = new Diagnostics();
        List<SourceFile> yaml = files.stream().filter(f -> isYaml(f.path())).toList();
        List<Typed> docs = new ArrayList<>();
        List<Declared> vms = new ArrayList<>();
        for (CheckedFile file : checkFiles(yaml, cache)) {
            docs.addAll(file.docs());
            vms.addAll(file.vms());
            file.diagnostics().forEach(out::add);
        }
        cache.endValidation();
        Set<String> paths = yaml.stream().map(SourceFile::path).collect(Collectors.toSet());
        Optional<YamlDocument> configDoc = ConfigPlacement.select(docs, paths, basePath, out);
        Config config = configDoc.filter(doc -> schemaCheck.check(doc, Kind.CONFIG, out))
                .map(doc -> ConfigBinder.bind(doc.root()))
                .orElse(null);
        Set<YamlDocument> bound = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        vms.forEach(vm -> bound.add(vm.doc()));
        List<YamlDocument> unbound = docs.stream().filter(t -> t.kind() == Kind.VM_NICS && !bound.contains(t.doc()))
                .map(Typed::doc).toList();
        Declarations declarations = new Declarations(config, configDoc.orElse(null), vms, unbound, plugins);
        RULES.forEach(rule -> rule.check(declarations, out));
        DesiredState state = out.hasErrors() ? null
                : new DesiredState(config, vms.stream().map(Declared::vm).toList());
        List<Diagnostic> all = out.sorted();
        int errors = (int) all.stream().filter(Diagnostic::isError).count();
        List<Diagnostic> kept = all.size() <= limits.maxDiagnostics() ? all : all.subList(0, limits.maxDiagnostics());
        return new Validation(state, kept, errors, all.size() - errors);
    }

    /**
     * The Config of {@code nicsync.yaml} in {@code basePath}, read and checked on its own; empty when that file is
     * missing or not valid by itself. For work that can start before every file is validated (opening the
     * targets): only {@link #validate} says whether the desired state is valid.
     */
    public Optional<Config> configAlone(List<SourceFile> files, String basePath) {
        String root = ConfigPlacement.rootFile(basePath);
        for (SourceFile file : files) {
            if (file.path().equals(root)) {
                Diagnostics out = new Diagnostics();
                List<YamlDocument> docs = reader.read(file, out);
                if (docs.size() == 1 && !out.hasErrors()
                        && KindCheck.check(docs.get(0), out).filter(kind -> kind == Kind.CONFIG).isPresent()
                        && schemaCheck.check(docs.get(0), Kind.CONFIG, out)) {
                    return Optional.of(ConfigBinder.bind(docs.get(0).root()));
                }
            }
        }
        return Optional.empty();
    }

    Plugins plugins() {
        return plugins;
    }

    /** The key of the {@link ValidationStore} this validator's checks are kept in ({@link #storeKey(Plugins)}). */
    public String storeKey() {
        return storeKey(plugins, limits);
    }

    /**
     * What a file's own checks depend on besides its content: the schemas the plugins compose, the code of nicsync
     * and of each plugin ({@link Builds}), and the limits. The key of a {@link ValidationStore}: checks made under
     * another key are never taken. Cheap: nothing is compiled, so a store can be opened while a validator is made.
     */
    public static String storeKey(Plugins plugins) {
        return storeKey(plugins, Limits.DEFAULT);
    }

    private static String storeKey(Plugins plugins, Limits limits) {
        StringBuilder what = new StringBuilder()
                .append(PublishedSchemas.config(plugins)).append('\n')
                .append(PublishedSchemas.vmNics(plugins)).append('\n')
                .append(limits).append('\n')
                .append(Builds.of(Validator.class)).append('\n');
        plugins.all().forEach(p -> what.append(p.kind()).append('=').append(Builds.of(p.getClass())).append('\n'));
        byte[] bytes = what.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return ValidationStore.sha256(bytes, 0, bytes.length);
    }

    /** Each file's own checks, in the order of {@code files}: from the cache, else made now (on all cores when many). */
    private List<CheckedFile> checkFiles(List<SourceFile> files, ValidationCache cache) {
        CheckedFile[] checked = new CheckedFile[files.size()];
        List<Integer> toCheck = new ArrayList<>();
        for (int i = 0; i < checked.length; i++) {
            checked[i] = cache.find(files.get(i), file -> new ReadAgain(reader, file));
            if (checked[i] == null) {
                toCheck.add(i);
            }
        }
        var stream = toCheck.stream();
        (toCheck.size() >= parallelFrom ? stream.parallel() : stream).forEach(i -> checked[i] = check(files.get(i)));
        toCheck.forEach(i -> cache.put(files.get(i), checked[i]));
        return List.of(checked);
    }

    /** Parse, kind, and for {@code VmNics} documents schema and binding: what depends on this file alone. */
    private CheckedFile check(SourceFile file) {
        Diagnostics out = new Diagnostics();
        List<Typed> docs = new ArrayList<>();
        for (YamlDocument doc : reader.read(file, out)) {
            KindCheck.check(doc, out).ifPresent(kind -> docs.add(new Typed(doc, kind)));
        }
        return new CheckedFile(docs, bindVms(docs, out), out.sorted())
                .lighter(new ReadAgain(reader, file));
    }

    private List<Declared> bindVms(List<Typed> docs, Diagnostics out) {
        List<Declared> vms = new ArrayList<>();
        for (Typed typed : docs) {
            if (typed.kind() == Kind.VM_NICS && schemaCheck.check(typed.doc(), Kind.VM_NICS, out)) {
                DesiredVm vm = binder.bind(typed.doc().root());
                vms.add(new Declared(vm, typed.doc()));
            }
        }
        return vms;
    }

    private static boolean isYaml(String path) {
        return path.endsWith(".yaml") || path.endsWith(".yml");
    }
}

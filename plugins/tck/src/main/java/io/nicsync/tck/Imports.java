package io.nicsync.tck;

import static org.assertj.core.api.Assertions.assertThat;

import io.nicsync.importer.ImportRequest;
import io.nicsync.importer.Importer;
import io.nicsync.plan.DesiredSource;
import io.nicsync.plan.PlanInput;
import io.nicsync.plan.Planner;
import io.nicsync.platforms.Plugins;
import io.nicsync.source.SourceFile;
import io.nicsync.spi.DesiredVm;
import io.nicsync.spi.Step;
import io.nicsync.spi.Target;
import io.nicsync.spi.TargetPlugin;
import io.nicsync.spi.VmRef;
import io.nicsync.validate.Diagnostic;
import io.nicsync.validate.Validation;
import io.nicsync.validate.Validator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** {@code nicsync import} of one VM, then its validation and the plan of it, as a user would run them in a row. */
final class Imports {
    private Imports() {
    }

    /** The steps a plan makes right after {@code platform}'s running VM was imported into {@code out}. */
    static List<Step> planAfterImport(TargetPlugin plugin, Platform platform, Path out) throws Exception {
        Plugins plugins = Plugins.of(List.of(OpenedBy.reaching(plugin, platform.target())));
        VmRef vm = platform.running();
        String name = vm.namespace() == null ? vm.name() : vm.namespace() + "/" + vm.name();
        new Importer(plugins).run(new ImportRequest(platform.config(), List.of(name), out, false));

        Validation validation = new Validator(plugins).validate(files(out), "");
        assertThat(validation.errors()).as("the imported desired state validates").extracting(Diagnostic::format)
                .isEmpty();
        DesiredVm desired = validation.state().vm(vm).orElseThrow(() -> new AssertionError(vm + " not imported"));
        Target target = platform.target();
        var plan = new Planner(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC)).plan(
                new DesiredSource("/tck", "0".repeat(40), "tck", "HEAD", ""),
                List.of(new PlanInput(desired, target.observe(vm), target.capabilities())));
        return plan.steps();
    }

    private static List<SourceFile> files(Path out) throws Exception {
        List<SourceFile> files = new ArrayList<>();
        try (Stream<Path> all = Files.walk(out)) {
            for (Path file : all.filter(Files::isRegularFile).sorted().toList()) {
                files.add(new SourceFile(out.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file)));
            }
        }
        return files;
    }
}

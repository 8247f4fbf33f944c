package io.nicsync.boundaries;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.nicsync.spi.Target;
import org.junit.jupiter.api.Test;

/**
 * The boundaries DESIGN.md draws, checked on the class files of the distribution: diff and plan are pure and know
 * no platform; only the applier changes live systems; nicsync knows its plugins only through the SPI, and a plugin
 * knows nicsync only through the SPI.
 */
class BoundariesTest {
    private static final String[] PLATFORMS = {"io.nicsync.plugin..", "org.libvirt..", "com.sun.jna..",
        "io.fabric8..", "io.vertx..", "io.netty.."};
    private static final JavaClasses NICSYNC = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.nicsync");

    @Test
    void diffAndPlanKnowNoPluginAndNoPlatformLibrary() {
        noClasses().that().resideInAnyPackage("io.nicsync.diff..", "io.nicsync.plan..")
                .should().dependOnClassesThat().resideInAnyPackage(PLATFORMS)
                .because("diffing and planning work on the SPI's values alone").check(NICSYNC);
    }

    @Test
    void onlyTheApplierChangesLiveSystems() {
        noClasses().that().resideOutsideOfPackages("io.nicsync.apply..", "io.nicsync.plugin..", "io.nicsync.tck..")
                .should().callMethod(Target.class, "execute", io.nicsync.spi.Step.class, java.time.Duration.class)
                .because("only the applier runs steps; plugins run their own, the contract kit tests them")
                .check(NICSYNC);
    }

    @Test
    void theReconcilerKnowsNoPlugin() {
        noClasses().that().resideOutsideOfPackages("io.nicsync.plugin..")
                .should().dependOnClassesThat().resideInAnyPackage("io.nicsync.plugin..")
                .because("plugins are found through ServiceLoader: nicsync knows them by their SPI only")
                .check(NICSYNC);
    }

    @Test
    void aPluginKnowsNicsyncOnlyThroughTheSpi() {
        noClasses().that().resideInAPackage("io.nicsync.plugin..")
                .should().dependOnClassesThat(resideInAPackage("io.nicsync..")
                        .and(not(resideInAnyPackage("io.nicsync.spi..", "io.nicsync.plugin.."))))
                .because("a plugin is one module against the SPI").check(NICSYNC);
    }
}

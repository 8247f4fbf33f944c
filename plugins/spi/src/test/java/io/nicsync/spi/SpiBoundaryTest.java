package io.nicsync.spi;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The SPI is all a third party compiles a plugin against: it depends on the JDK and nothing else. */
class SpiBoundaryTest {
    private static final JavaClasses SPI = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.nicsync.spi");

    @Test
    void theSpiDependsOnTheJdkAlone() {
        classes().should().onlyDependOnClassesThat().resideInAnyPackage("io.nicsync.spi..", "java..")
                .because("a plugin needs the SPI and nothing else").check(SPI);
    }
}

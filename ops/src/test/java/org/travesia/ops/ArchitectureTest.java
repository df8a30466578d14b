package org.travesia.ops;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** The boundaries the style guide asks for, checked on every build. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.travesia");

    @Test
    void theKernelKnowsNothingOfSpringMongoOrTheServices() {
        noClasses().that().resideInAPackage("org.travesia.kernel..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "com.mongodb..",
                        "org.bson..", "org.travesia.platform..", "org.travesia.command..", "org.travesia.query..")
                .check(CLASSES);
    }

    @Test
    void theServicesDoNotDependOnEachOther() {
        noClasses().that().resideInAPackage("org.travesia.command..")
                .should().dependOnClassesThat().resideInAPackage("org.travesia.query..").check(CLASSES);
        noClasses().that().resideInAPackage("org.travesia.query..")
                .should().dependOnClassesThat().resideInAPackage("org.travesia.command..").check(CLASSES);
    }

    @Test
    void thePlatformDependsOnNoService() {
        noClasses().that().resideInAPackage("org.travesia.platform..")
                .should().dependOnClassesThat().resideInAnyPackage("org.travesia.command..", "org.travesia.query..")
                .check(CLASSES);
    }
}

package org.travesia.ops.architecture;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** Travesía's own code, every module, held to the architecture rules on every build. */
class ArchitectureTest {

    /** Production classes only: neither test classes nor the test jars the modules share. */
    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.contains("-tests.jar"))
            .importPackages("org.travesia");

    @Test
    void theModelAndTheAggregatesKnowNoWebServletOrRequestClasses() {
        ArchitectureRules.MODEL_AND_AGGREGATES_KNOW_NO_WEB.check(PRODUCTION);
    }

    @Test
    void theEventStoreUsesNoSecurityOrWebCode() {
        ArchitectureRules.EVENT_STORE_KNOWS_NO_SECURITY_OR_WEB.check(PRODUCTION);
    }

    @Test
    void everyEventIsARecordWithARegisteredNameAndRevision() {
        ArchitectureRules.EVENTS_ARE_REGISTERED_RECORDS.check(PRODUCTION);
    }

    @Test
    void aFeatureUsesAnotherOnlyThroughItsPublishedApi() {
        ArchitectureRules.FEATURES_MEET_THROUGH_THEIR_APIS.check(PRODUCTION);
    }
}

package org.travesia.ops.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;

/**
 * Each architecture rule, run against a small deliberate offender in test sources, fails: a rule that cannot fail
 * would guard nothing.
 */
class RulesBiteTest {

    @Test
    void anAggregateThatReadsTheServletRequestBreaksTheModelRule() {
        EvaluationResult result = ArchitectureRules.MODEL_AND_AGGREGATES_KNOW_NO_WEB
                .evaluate(offenders("org.travesia.ops.architecture.offenders.aggregate"));

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails())
                .anyMatch(line -> line.contains("ServletRequestAggregate") && line.contains("HttpServletRequest"))
                .anyMatch(line -> line.contains("PatchingAggregate") && line.contains("PatchRequest"));
    }

    @Test
    void anEngineThatAsksWhoIsLoggedInBreaksTheEventStoreRule() {
        EvaluationResult result = ArchitectureRules.EVENT_STORE_KNOWS_NO_SECURITY_OR_WEB
                .evaluate(offenders("org.travesia.eventstore.offender"));

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails()).anyMatch(line -> line.contains("SecurityContextHolder"));
    }

    @Test
    void anUnregisteredOrNonRecordEventBreaksTheEventRule() {
        EvaluationResult result = ArchitectureRules.EVENTS_ARE_REGISTERED_RECORDS
                .evaluate(offenders("org.travesia.ops.architecture.offenders.events"));

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails())
                .anyMatch(line -> line.contains("UnnamedEvent") && line.contains("no @EventType"))
                .anyMatch(line -> line.contains("ClassEvent") && line.contains("not a record"))
                .anyMatch(line -> line.contains("UncataloguedEvent") && line.contains("not listed in the EventCatalogue"));
    }

    @Test
    void aFeatureReachingIntoAnotherFeaturesInternalsBreaksTheFeatureRuleButItsApiDoesNot() {
        EvaluationResult result = ArchitectureRules.FEATURES_MEET_THROUGH_THEIR_APIS
                .evaluate(offenders("org.travesia.query.offenderpeek", "org.travesia.query.offenderledger"));

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails()).isNotEmpty()
                .allMatch(line -> line.contains("<org.travesia.query.offenderledger.LedgerInternals"));
    }

    private static JavaClasses offenders(String... packages) {
        return new ClassFileImporter().importPackages(packages);
    }
}

package org.travesia.kernel.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.travesia.kernel.EventCatalogue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** Every event has a stable name by the rule and a revision, no name is taken twice, and none is left out. */
class EventCatalogueTest {

    @Test
    void everyEventIsARecordWithANameByTheRuleAndARevision() {
        assertThat(EventCatalogue.EVENTS).allSatisfy(event -> {
            EventType type = event.getAnnotation(EventType.class);
            assertThat(event.isRecord()).as(event.getName()).isTrue();
            assertThat(type).as(event.getName()).isNotNull();
            assertThat(type.name()).as(event.getName()).matches(EventType.NAME_RULE);
            assertThat(type.revision()).as(event.getName()).isPositive();
        });
    }

    @Test
    void theNamesAreTheContract() {
        assertThat(EventCatalogue.EVENTS).extracting(event -> {
            EventType type = event.getAnnotation(EventType.class);
            return type.name() + " r" + type.revision();
        }).containsExactly(
                "incident.reported r1",
                "incident.amended r2",
                "incident.source-attached r1",
                "incident.verified r1",
                "incident.marked-as-duplicate r1",
                "incident.retracted r1",
                "incident.sharing-changed r1",
                "incident.route-derived r1",
                "incident.route-overridden r1",
                "route.defined r1",
                "route.segment-added r1",
                "route.segment-redrawn r1",
                "route.segment-retired r1",
                "route.alert-rule-set r1",
                "route.alert-raised r1",
                "route.alert-acknowledged r1",
                "route.alert-resolved r1",
                "incident.free-text-redacted r1",
                "missing-person.reported r1",
                "missing-person.sighting-recorded r1",
                "missing-person.incident-linked r1",
                "missing-person.incident-unlinked r1",
                "missing-person.found-alive r1",
                "missing-person.found-deceased r1",
                "missing-person.case-closed r1",
                "missing-person.case-reopened r1",
                "missing-person.personal-data-erased r1",
                "incident.mmp-record-imported r1");
    }

    @Test
    void noNameIsTakenTwice() {
        List<String> names = EventCatalogue.EVENTS.stream().map(e -> e.getAnnotation(EventType.class).name()).toList();
        assertThat(names).doesNotHaveDuplicates();
    }

    @Test
    void everyNamedEventOfTheKernelIsCatalogued() {
        List<String> named = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.travesia.kernel").stream()
                .filter(javaClass -> javaClass.isAnnotatedWith(EventType.class)).map(JavaClass::getName).toList();
        assertThat(named).containsExactlyInAnyOrderElementsOf(
                EventCatalogue.EVENTS.stream().map(Class::getName).toList());
    }
}

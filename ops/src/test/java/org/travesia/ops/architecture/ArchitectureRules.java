package org.travesia.ops.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.spring.stereotype.Aggregate;
import org.springframework.web.bind.annotation.RestController;
import org.travesia.kernel.EventCatalogue;
import org.travesia.kernel.contract.EventType;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * The boundaries that the Maven module graph cannot hold, as rules that fail the build. (What the module graph does
 * hold, it holds more strongly: the kernel sees no Spring, MongoDB or service; the event-store module sees no Spring,
 * web, security or domain; neither service sees the other.) {@code RulesBiteTest} proves each rule fails on a
 * deliberate offender.
 */
final class ArchitectureRules {

    /** The domain model and the aggregates know nothing of HTTP: no web, servlet or request classes, even indirectly. */
    static final ArchRule MODEL_AND_AGGREGATES_KNOW_NO_WEB = noClasses()
            .that().resideInAPackage("org.travesia.kernel..").or().areAnnotatedWith(Aggregate.class)
            .should().transitivelyDependOnClassesThat(webOrRequestClasses())
            .because("the domain decides on values and commands, never on how a request was shaped");

    /** The event store and its wiring use no security or web code, even indirectly. */
    static final ArchRule EVENT_STORE_KNOWS_NO_SECURITY_OR_WEB = noClasses()
            .that().resideInAnyPackage("org.travesia.eventstore..", "org.travesia.platform.eventstore..")
            .should().transitivelyDependOnClassesThat().resideInAnyPackage("org.springframework.security..",
                    "org.springframework.web..", "org.springframework.http..", "jakarta.servlet..",
                    "org.travesia.platform.security..", "org.travesia.platform.web..")
            .because("the store keeps events for whoever may read them later; who is asking is not its business");

    /** Every event is a record with a registered stable name and revision. */
    static final ArchRule EVENTS_ARE_REGISTERED_RECORDS = CompositeArchRule
            .of(classes().that().areAnnotatedWith(EventType.class).should(beARegisteredRecord()))
            .and(methods().that().areAnnotatedWith(EventHandler.class)
                    .or().areAnnotatedWith(EventSourcingHandler.class)
                    .should(handleARegisteredRecord()))
            .because("a stored event is read forever by its name, never by its Java class");

    /**
     * A feature of a service ({@code org.travesia.query.export}, {@code org.travesia.query.incident}...) uses
     * another feature only through that feature's published API: its {@code api} subpackage.
     */
    static final ArchRule FEATURES_MEET_THROUGH_THEIR_APIS = classes()
            .that(resideInAFeature())
            .should(useOtherFeaturesOnlyThroughTheirApi())
            .because("what a feature stores and how it queries it may change without telling anyone else");

    private static final Pattern FEATURE = Pattern.compile("(org\\.travesia\\.(?:command|query)\\.[a-z0-9]+)(\\..*)?");

    private ArchitectureRules() {
    }

    private static DescribedPredicate<JavaClass> webOrRequestClasses() {
        return DescribedPredicate.describe("are web, servlet or request classes", javaClass ->
                javaClass.getPackageName().startsWith("org.springframework.web")
                        || javaClass.getPackageName().startsWith("org.springframework.http")
                        || javaClass.getPackageName().startsWith("jakarta.servlet")
                        || javaClass.getPackageName().startsWith("org.travesia.platform.web")
                        || javaClass.isAnnotatedWith(RestController.class)
                        || javaClass.getName().matches(".*(Request|Bodies)(\\$.*)?")
                        || javaClass.getSimpleName().endsWith("Body"));
    }

    private static ArchCondition<JavaClass> beARegisteredRecord() {
        return new ArchCondition<>("be records listed in the EventCatalogue, named by the rule") {
            @Override
            public void check(JavaClass event, ConditionEvents events) {
                registrationProblem(event).ifPresent(problem ->
                        events.add(SimpleConditionEvent.violated(event, event.getName() + " " + problem)));
            }
        };
    }

    private static ArchCondition<JavaMethod> handleARegisteredRecord() {
        return new ArchCondition<>("take a registered event record as their first parameter") {
            @Override
            public void check(JavaMethod handler, ConditionEvents events) {
                if (handler.getRawParameterTypes().isEmpty()) {
                    events.add(SimpleConditionEvent.violated(handler, handler.getFullName() + " takes no event"));
                    return;
                }
                JavaClass event = handler.getRawParameterTypes().get(0);
                registrationProblem(event).ifPresent(problem -> events.add(SimpleConditionEvent.violated(handler,
                        handler.getFullName() + " handles " + event.getName() + ", which " + problem)));
            }
        };
    }

    private static Optional<String> registrationProblem(JavaClass event) {
        Set<String> catalogued = EventCatalogue.EVENTS.stream().map(Class::getName).collect(Collectors.toSet());
        if (!event.isRecord()) {
            return Optional.of("is not a record");
        }
        if (!event.isAnnotatedWith(EventType.class)) {
            return Optional.of("has no @EventType name and revision");
        }
        EventType type = event.getAnnotationOfType(EventType.class);
        if (!type.name().matches(EventType.NAME_RULE) || type.revision() < 1) {
            return Optional.of("breaks the naming rule or has no revision");
        }
        if (!catalogued.contains(event.getName())) {
            return Optional.of("is not listed in the EventCatalogue");
        }
        return Optional.empty();
    }

    private static DescribedPredicate<JavaClass> resideInAFeature() {
        return DescribedPredicate.describe("reside in a feature of a service",
                javaClass -> featureOf(javaClass).isPresent());
    }

    private static ArchCondition<JavaClass> useOtherFeaturesOnlyThroughTheirApi() {
        return new ArchCondition<>("use other features only through their api packages") {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                String feature = featureOf(javaClass).orElseThrow();
                for (Dependency dependency : javaClass.getDirectDependenciesFromSelf()) {
                    JavaClass target = dependency.getTargetClass();
                    Optional<String> other = featureOf(target).filter(f -> !f.equals(feature));
                    if (other.isPresent() && !target.getPackageName().startsWith(other.get() + ".api")) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }

    private static Optional<String> featureOf(JavaClass javaClass) {
        Matcher matcher = FEATURE.matcher(javaClass.getPackageName());
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }
}

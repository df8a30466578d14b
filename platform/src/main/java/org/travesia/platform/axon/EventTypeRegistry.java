package org.travesia.platform.axon;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.SimpleSerializedType;
import org.travesia.kernel.contract.EventType;

/**
 * Maps stable event names to event classes and back, from the classes' {@link EventType} annotations (the kernel's
 * {@code EventCatalogue} lists them). A name maps to one class at its current revision only: an older revision is
 * readable after an upcaster has brought it up to date, never directly. Refuses, at start-up, a class that is not a
 * record, lacks its annotation, breaks the naming rule, or takes a name already taken.
 */
public final class EventTypeRegistry {

    private static final Pattern NAME = Pattern.compile(EventType.NAME_RULE);

    private final Map<String, Class<?>> classesByName = new LinkedHashMap<>();
    private final Map<Class<?>, SerializedType> typesByClass = new LinkedHashMap<>();

    private EventTypeRegistry(Collection<? extends Class<? extends Record>> events) {
        for (Class<? extends Record> event : events) {
            EventType type = event.getAnnotation(EventType.class);
            if (!event.isRecord() || type == null) {
                throw new IllegalArgumentException(event.getName() + " is not a record annotated with @EventType");
            }
            if (!NAME.matcher(type.name()).matches() || type.revision() < 1) {
                throw new IllegalArgumentException(event.getName() + ": '" + type.name() + "' revision "
                        + type.revision() + " breaks the rule <feature>.<past-tense-fact>, revision from 1");
            }
            if (classesByName.putIfAbsent(type.name(), event) != null) {
                throw new IllegalArgumentException("Two event classes take the name '" + type.name() + "'");
            }
            typesByClass.put(event, new SimpleSerializedType(type.name(), String.valueOf(type.revision())));
        }
    }

    public static EventTypeRegistry of(Collection<? extends Class<? extends Record>> events) {
        return new EventTypeRegistry(events);
    }

    /** The name and current revision a class is stored under; empty if it is not a registered event. */
    public Optional<SerializedType> typeOf(Class<?> event) {
        return Optional.ofNullable(typesByClass.get(event));
    }

    /** The class of a stored name at its current revision; empty for any other name or revision. */
    public Optional<Class<?>> classOf(String name, String revision) {
        Class<?> event = classesByName.get(name);
        return event != null && typesByClass.get(event).getRevision().equals(revision)
                ? Optional.of(event) : Optional.empty();
    }

    public Set<String> names() {
        return classesByName.keySet();
    }
}

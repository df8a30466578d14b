package org.travesia.kernel.contract;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The name and revision an event is stored under, independent of its Java class and package: the class may be
 * renamed or moved, the stored name never changes.
 * <p>
 * Names read {@code <feature>.<past-tense-fact>}, lower case, words joined by dashes ({@code incident.reported},
 * {@code incident.sharing-changed}). A name is never reused for another fact, and never renamed. A change to an
 * event's stored shape raises its revision and comes with an upcaster from the previous revision.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventType {

    /** The naming rule: {@code <feature>.<past-tense-fact>}, lower-case words joined by dashes. */
    String NAME_RULE = "[a-z]+(-[a-z]+)*\\.[a-z]+(-[a-z]+)*";

    /** The stable name, as stored. */
    String name();

    /** The revision of the stored shape, from 1. */
    int revision();
}

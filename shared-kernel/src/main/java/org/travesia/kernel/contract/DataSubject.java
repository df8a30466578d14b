package org.travesia.kernel.contract;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The field of an event whose value names the data subject: whose key protects the event's {@link PersonalData}
 * fields. For incident events it is the incident id, so that erasing an incident's key erases its free text in every
 * event at once.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface DataSubject {
}

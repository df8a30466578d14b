package org.travesia.kernel.contract;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A field of a stored event that can hold personal data: it will be encrypted under the key of the event's
 * {@link DataSubject}, and erased with that key. Marked fields are Strings or lists of Strings, so that ciphertext
 * fits where the plain text was.
 * <p>
 * The rule: free text typed by a person (descriptions, notes, reasons, references, localities) counts, because it
 * can name or describe someone; so does the name of anyone a record concerns. Codes, counts, dates, identifiers
 * (staff account names included: they authorise and audit, and are shown only to their own organisation), and the
 * names of administrative areas (published even in public exports) do not.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface PersonalData {
}

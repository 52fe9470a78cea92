package org.homelink.contracts.privacy;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The value of this record component is personal data about the event's data subject: a name, a date of birth,
 * contact details, an address, words written about a family or said by one, an answer a carer gave, a barrier or a
 * need. It is stored encrypted under the key of the family its {@link DataSubject} names, so that erasing the family
 * (deleting its key) leaves the value unreadable in the event log for good.
 * <p>
 * What a reader may rely on: while the family exists the component reads as it was written. Once the family has been
 * erased it reads as {@code null} (as {@code false} or {@code 0} for a primitive), even in events read again from the
 * start of the log, which always come before the family's {@code FamilyErased}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface PersonalData {
}

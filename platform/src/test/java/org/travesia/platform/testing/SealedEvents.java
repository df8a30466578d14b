package org.travesia.platform.testing;

import java.util.ArrayList;
import java.util.List;

import org.axonframework.eventhandling.EventMessage;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.travesia.platform.privacy.DataSubject;
import org.travesia.platform.privacy.PersonalDataCipher;
import org.travesia.platform.privacy.PersonalDataGuard;

/**
 * For aggregate fixtures: events are recorded with their personal fields sealed (a fresh IV each time), so they are
 * given sealed, as the store would hand them over, and compared after opening, each of those fields having been
 * sealed, never recorded in the clear.
 */
public final class SealedEvents {

    private SealedEvents() {
    }

    /** The events as they are recorded: each personal field sealed under its subject's key. */
    public static Object[] sealed(PersonalDataCipher cipher, Object... events) {
        Object[] sealed = new Object[events.length];
        for (int i = 0; i < events.length; i++) {
            Record event = (Record) events[i];
            sealed[i] = cipher.sealerFor(DataSubject.of(event)).sealRecord(event);
        }
        return sealed;
    }

    /** Matches when the events, opened, equal {@code expected} in order, and every personal field was sealed. */
    public static Matcher<List<EventMessage<?>>> openedAs(PersonalDataCipher cipher, Object... expected) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(List<EventMessage<?>> events) {
                return opened(cipher, events).equals(List.of(expected)) && everyPersonalFieldSealed(events);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("events that, opened, are ").appendValueList("[", ", ", "]", expected)
                        .appendText(", with every personal field sealed");
            }

            @Override
            protected void describeMismatchSafely(List<EventMessage<?>> events, Description mismatch) {
                mismatch.appendText("opened, they were ").appendValueList("[", ", ", "]", opened(cipher, events));
            }
        };
    }

    private static List<Object> opened(PersonalDataCipher cipher, List<EventMessage<?>> events) {
        List<Object> opened = new ArrayList<>();
        for (EventMessage<?> event : events) {
            Record payload = (Record) event.getPayload();
            DataSubject subject = DataSubject.of(payload);
            opened.add(cipher.openerFor(subject).openRecord(subject, payload, "").value());
        }
        return opened;
    }

    private static boolean everyPersonalFieldSealed(List<EventMessage<?>> events) {
        try {
            events.forEach(event -> PersonalDataGuard.requireSealed(event.getPayload()));
            return true;
        } catch (IllegalStateException plaintext) {
            return false;
        }
    }
}

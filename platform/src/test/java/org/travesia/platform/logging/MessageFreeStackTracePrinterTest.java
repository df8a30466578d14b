package org.travesia.platform.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Stack traces in the production logs keep exception types and frames, and lose every message. */
class MessageFreeStackTracePrinterTest {

    @Test
    void everyExceptionInTheChainIsPrintedByTypeAndFramesWithoutItsMessage() {
        IllegalArgumentException cause = new IllegalArgumentException("Unrecognized token 'Rosa Ibarra, 17'");
        IllegalStateException failure = new IllegalStateException("Could not apply 'Rosa Ibarra'", cause);
        failure.addSuppressed(new UnsupportedOperationException("Rosa again"));

        String printed = new MessageFreeStackTracePrinter().printStackTraceToString(failure);

        assertThat(printed).doesNotContain("Rosa");
        assertThat(printed).startsWith(IllegalStateException.class.getName())
                .contains("Caused by: " + IllegalArgumentException.class.getName())
                .contains("Suppressed: " + UnsupportedOperationException.class.getName())
                .contains("at " + MessageFreeStackTracePrinterTest.class.getName()
                        + ".everyExceptionInTheChainIsPrintedByTypeAndFramesWithoutItsMessage");
    }
}

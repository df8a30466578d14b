package org.travesia.platform.logging;

import java.io.IOException;

import org.springframework.boot.logging.StackTracePrinter;
import org.springframework.boot.logging.StandardStackTracePrinter;

/**
 * Prints stack traces in the production (JSON) logs with each exception's type and frames, and without its message:
 * a message can quote what a request or a stored event carried (Jackson quotes the JSON it could not read, MongoDB the
 * key it found twice, a handler whatever it was given), and a log line must never carry personal data. The type and
 * the frames say where it went wrong; the data stays where it is protected.
 */
public class MessageFreeStackTracePrinter implements StackTracePrinter {

    private final StackTracePrinter printer = StandardStackTracePrinter.rootLast()
            .withFormatter(throwable -> throwable.getClass().getName());

    @Override
    public void printStackTrace(Throwable throwable, Appendable out) throws IOException {
        printer.printStackTrace(throwable, out);
    }
}

package org.travesia.command.importing;

import org.travesia.kernel.common.InvalidValueException;

/**
 * A file that is not an MMP file at all: refused whole, before anything of it is imported (400, with the code and,
 * where it helps, the line). A bad row in a good file is not this: it is rejected on its own, with its line.
 */
final class MalformedMmpFileException extends InvalidValueException {

    MalformedMmpFileException(String code, Object... args) {
        super("file", code, args);
    }
}

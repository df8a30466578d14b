package org.travesia.platform.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.travesia.platform.privacy.keys.MasterKeyFile;

/**
 * A master key for tests: one file per JVM, in a temporary directory, created as the local default creates one. Every
 * service a test starts in this JVM shares it, as both services of a deployment share theirs.
 */
public final class TestMasterKey {

    private static Path file;

    private TestMasterKey() {
    }

    public static synchronized Path file() {
        if (file == null) {
            try {
                Path directory = Files.createTempDirectory("travesia-test-keys");
                directory.toFile().deleteOnExit();
                file = directory.resolve("master.key");
                MasterKeyFile.readOrCreate(file);
                file.toFile().deleteOnExit();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return file;
    }

    /** The property that points a service at it. */
    public static String property() {
        return "travesia.privacy.master-key-file=" + file();
    }
}

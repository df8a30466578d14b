package org.travesia.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.junit.jupiter.api.Test;

/** Every stable code has a message in English and one in Spanish. */
class MessagesTest {

    @Test
    void everyCodeHasAnEnglishAndASpanishMessage() throws IOException {
        Properties english = load("messages.properties");
        Properties spanish = load("messages_es.properties");

        assertThat(spanish.keySet()).containsExactlyInAnyOrderElementsOf(english.keySet());
    }

    private static Properties load(String name) throws IOException {
        Properties messages = new Properties();
        try (var in = MessagesTest.class.getResourceAsStream(name)) {
            messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return messages;
    }
}

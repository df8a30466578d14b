package org.travesia.platform.axon;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.travesia.kernel.EventCatalogue;

/**
 * The golden files: for each event name and revision, {@code events/<name>/<revision>.json} in test resources holds
 * the payload exactly as it is stored. They are written by hand (or checked by eye when first generated) and never
 * regenerated to make a test pass: a change to one is a change to the contract.
 */
final class GoldenEvents {

    static final EventTypeSerializer SERIALIZER = new EventTypeSerializer(EventTypeRegistry.of(EventCatalogue.EVENTS));

    /** One golden file: which name, which revision. */
    record Golden(String name, int revision) {

        String json() {
            try (InputStream in = GoldenEvents.class.getResourceAsStream(resource())) {
                if (in == null) {
                    throw new IllegalStateException("No golden file " + resource());
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String resource() {
            return "/events/" + name + "/" + revision + ".json";
        }
    }

    private GoldenEvents() {
    }

    /** Every golden file there is, of every revision. */
    static List<Golden> all() {
        URL root = GoldenEvents.class.getResource("/events");
        List<Golden> all = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of(root.toURI()))) {
            files.filter(file -> file.getFileName().toString().endsWith(".json")).forEach(file -> all.add(new Golden(
                    file.getParent().getFileName().toString(),
                    Integer.parseInt(file.getFileName().toString().replace(".json", "")))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return all;
    }
}

package org.travesia.ops.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.travesia.ops.EmbeddedStore;

/**
 * The embedded store in a JVM of its own, so that a test can kill it the way an operator's {@code kill -9} or a power
 * cut would: nothing in the store gets a chance to flush, close or say goodbye.
 */
public final class StoreProcess implements AutoCloseable {

    private static final String READY = "store ready on port ";

    private final Process process;
    private final int port;

    private StoreProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts the store on a free port over {@code data} and waits until it accepts connections. */
    public static StoreProcess start(Path data) {
        return start(data, 0);
    }

    /**
     * Starts the store on {@code port} (0 picks a free one) over {@code data} and waits until it accepts connections:
     * on the port of one killed before, it is that store restarted, as clients still connected to it see it.
     */
    public static StoreProcess start(Path data, int port) {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), StoreProcess.class.getName(),
                data.toString(), Integer.toString(port));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            CompletableFuture<Integer> bound = new CompletableFuture<>();
            Thread output = new Thread(() -> readOutput(process, bound), "store-process-output");
            output.setDaemon(true);
            output.start();
            try {
                return new StoreProcess(process, bound.get(60, TimeUnit.SECONDS));
            } catch (ExecutionException | TimeoutException e) {
                process.destroyForcibly();
                throw new IllegalStateException("The store process did not start", e);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void readOutput(Process process, CompletableFuture<Integer> port) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith(READY)) {
                    port.complete(Integer.parseInt(line.substring(READY.length()).trim()));
                } else {
                    System.out.println("[store] " + line);
                }
            }
        } catch (IOException e) {
            // The process is gone; whoever waits for it finds out.
        }
        port.completeExceptionally(new IllegalStateException("The store process ended before it was ready"));
    }

    public int port() {
        return port;
    }

    public String uri(String database) {
        return "mongodb://127.0.0.1:" + port + "/" + database;
    }

    /** SIGKILL: the process ends at once, in the middle of whatever it was doing. */
    public void kill() {
        try {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        kill();
    }

    /** The child JVM: the store over the directory given, on the port given, until it is killed. */
    public static void main(String[] args) throws InterruptedException {
        EmbeddedStore store = EmbeddedStore.start(Path.of(args[0]), "127.0.0.1", Integer.parseInt(args[1]));
        System.out.println(READY + store.port());
        System.out.flush();
        Thread.currentThread().join();
    }
}

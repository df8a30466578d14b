package org.travesia.ops.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import org.axonframework.updates.UpdateChecker;
import org.axonframework.updates.UpdateCheckerHttpClient;
import org.axonframework.updates.configuration.UsagePropertyProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.travesia.command.CommandServiceApplication;
import org.travesia.eventstore.testing.EmbeddedMongo;
import org.travesia.platform.testing.RunningService;
import org.travesia.query.QueryServiceApplication;

import com.sun.net.httpserver.HttpServer;

/**
 * Neither service calls home. Axon's update checker would report the machine, its OS, Java and library versions to
 * AxonIQ a second after start and every minute after; here it is pointed at a local listener, explicitly switched on
 * the way an operator's configuration could, and still never runs.
 */
class NoOutboundCallsTest {

    private static final AtomicInteger calls = new AtomicInteger();
    private static HttpServer updateServer;
    private static EmbeddedMongo mongo;
    private static List<RunningService> services;

    @BeforeAll
    static void start() throws IOException {
        updateServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        updateServer.createContext("/", exchange -> {
            calls.incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        updateServer.start();
        mongo = EmbeddedMongo.inMemory();
        String url = "axon.update-check.url=http://127.0.0.1:" + updateServer.getAddress().getPort() + "/updates";
        services = List.of(startAsInProduction(CommandServiceApplication.builder(), url),
                startAsInProduction(QueryServiceApplication.builder(), url));
    }

    @AfterAll
    static void stop() {
        services.forEach(RunningService::close);
        mongo.close();
        updateServer.stop(0);
    }

    @Test
    void theUpdateCheckerIsSwitchedOffWhateverTheConfigurationSays() {
        for (RunningService service : services) {
            assertThat(service.context().getEnvironment().getProperty("axon.update-check.disabled", Boolean.class))
                    .isTrue();
        }
    }

    @Test
    void noUpdateCheckerIsEverBuilt() {
        for (RunningService service : services) {
            for (Class<?> part : List.of(UpdateChecker.class, UpdateCheckerHttpClient.class,
                    UsagePropertyProvider.class)) {
                assertThat(service.context().getBeanNamesForType(part)).as(part.getSimpleName()).isEmpty();
            }
        }
    }

    @Test
    void nothingCallsTheUpdateServer() {
        // The checker's first call comes a second after start.
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> calls.get() == 0);
    }

    /**
     * Axon leaves its checker out when it finds a test framework on the stack of the thread that starts the
     * application. A service in production has none there, so neither may this one.
     */
    private static RunningService startAsInProduction(SpringApplicationBuilder application, String url) {
        CompletableFuture<RunningService> started = new CompletableFuture<>();
        Thread starter = new Thread(() -> {
            try {
                started.complete(RunningService.start(application, mongo.uri(), url, "axon.update-check.disabled=false"));
            } catch (RuntimeException | Error e) {
                started.completeExceptionally(e);
            }
        }, "production-like-start");
        starter.start();
        return started.join();
    }
}

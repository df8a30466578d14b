package org.travesia.command.route;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Loads the route seed before the service reports ready, when {@code travesia.routes.seed-on-start} is on:
 * {@code ./ops/run} turns it on when it starts the embedded store, so a new local system has the routes. The seed
 * changes nothing once loaded, so this costs a few idempotent commands on later starts.
 */
@Component
@ConditionalOnProperty(name = "travesia.routes.seed-on-start", havingValue = "true")
class RouteSeedAtStart implements ApplicationRunner {

    private final RouteSeed seed;

    RouteSeedAtStart(RouteSeed seed) {
        this.seed = seed;
    }

    @Override
    public void run(ApplicationArguments args) {
        seed.load(RouteSeed.AT_START);
    }
}

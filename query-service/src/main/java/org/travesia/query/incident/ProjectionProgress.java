package org.travesia.query.incident;

import java.time.Duration;

import org.springframework.stereotype.Component;

/**
 * Lets a read that waits for its own write ({@code minVersion}) wake as soon as this instance's projection moves,
 * instead of polling blind. With several instances the segment may be projected elsewhere, so waiters also wake on
 * a short timeout and look again.
 */
@Component
class ProjectionProgress {

    private final Object monitor = new Object();

    void advanced() {
        synchronized (monitor) {
            monitor.notifyAll();
        }
    }

    void awaitChange(Duration atMost) throws InterruptedException {
        synchronized (monitor) {
            monitor.wait(Math.max(1, atMost.toMillis()));
        }
    }
}

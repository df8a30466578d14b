package org.travesia.query.missing;

import java.time.Duration;

import org.springframework.stereotype.Component;

/**
 * Lets a read that waits for its own write ({@code minVersion}) wake as soon as this instance's projection moves;
 * with several instances waiters also wake on a short timeout and look again.
 */
@Component
class CaseProjectionProgress {

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

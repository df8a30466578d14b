package org.travesia.platform.testapp;

import java.util.concurrent.ThreadLocalRandom;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.travesia.eventstore.AllocationListener;

/**
 * Stretches the window between allocating positions and inserting the commit, at random: most commits go straight
 * through, some wait a few milliseconds (gaps open and fill late), and a few wait longer than the readers' gap
 * timeout (their positions get fenced and the commit is retried at new ones).
 */
@Component
@ConditionalOnProperty(name = "walks.slow-commits", havingValue = "true", matchIfMissing = true)
public class SlowCommits implements AllocationListener {

    @Override
    public void allocated(long firstPosition, int count) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int dice = random.nextInt(1000);
        long delayMillis = dice < 5 ? 400 : dice < 150 ? random.nextInt(1, 6) : 0;
        if (delayMillis > 0) {
            try {
                // The injected delay itself, not a wait for a condition.
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}

package org.travesia.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.travesia.eventstore.MongoEventStorageEngine;
import org.travesia.kernel.common.MetadataKeys;

/** The kernel names the metadata every event carries; the engine writes one of those keys itself. */
class MetadataKeysTest {

    @Test
    void theEngineWritesTheGlobalPositionUnderTheKernelsKey() {
        assertThat(MongoEventStorageEngine.GLOBAL_POSITION).isEqualTo(MetadataKeys.GLOBAL_POSITION);
    }
}

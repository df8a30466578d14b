package org.travesia.kernel.incident;

import java.util.List;

import org.travesia.kernel.taxonomy.SourceType;

/**
 * The effective source quality of a report with several sources, on MMP's scale: the best single source, raised
 * where the sources together meet a higher level's definition. Two media reports are "multiple media reports" (3);
 * two sources of level 4 or better are "several humanitarian actors" (5). It reads sources as history recorded them.
 */
public final class Corroboration {

    private Corroboration() {
    }

    /** Null when no source has a quality. */
    public static Integer effectiveQuality(List<IncidentFacts.Source> sources) {
        int best = 0;
        int media = 0;
        int strong = 0;
        for (IncidentFacts.Source source : sources) {
            if (source == null || source.quality() == null) {
                continue;
            }
            int quality = source.quality();
            best = Math.max(best, quality);
            if (SourceType.MEDIA.name().equals(source.type())) {
                media++;
            }
            if (quality >= 4) {
                strong++;
            }
        }
        if (best == 0) {
            return null;
        }
        if (media >= 2) {
            best = Math.max(best, 3);
        }
        if (strong >= 2) {
            best = 5;
        }
        return best;
    }
}

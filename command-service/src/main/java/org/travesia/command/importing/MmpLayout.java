package org.travesia.command.importing;

import java.util.List;

/**
 * The two layouts MMP data comes in. Told apart by their headers: only the HDX file has "Incident Type" and
 * "Country of Incident"; the web export writes its dates the US way ({@code Thu, 01/01/2026 - 12:00}).
 */
enum MmpLayout {
    WEB_EXPORT,
    HDX;

    static MmpLayout of(List<String> headers) {
        boolean hdx = headers.stream().anyMatch(MmpColumn.INCIDENT_TYPE::isNamed)
                && headers.stream().anyMatch(MmpColumn.COUNTRY::isNamed);
        return hdx ? HDX : WEB_EXPORT;
    }
}

package org.travesia.kernel.incident;

import java.util.List;

/**
 * What the IOM Missing Migrants Project says of an incident beyond Travesía's own facts, kept as MMP wrote it: its
 * ids ({@code mainId} groups the rows of a split incident, {@code incidentIds} lists them), its region, the country
 * and route names and the cause of death in MMP's own words, its source quality (1–5) and information source, the
 * links, and the licence and attribution every copy must carry. Plain and unvalidated like every stored payload.
 * <p>
 * Not personal data: every field is copied verbatim from a dataset IOM publishes to everyone under CC BY-IGO, and
 * the MMP export gives it back. The one field of a row that describes a place in free words ("Location of death")
 * goes to the incident's sealed {@code place.locality} instead.
 */
public record MmpRecord(String mainId, List<String> incidentIds, String region, String countryName, String routeName,
                        String causeOfDeath, String informationSource, String url, String unsdGrouping,
                        Integer sourceQuality, String licence, String attribution) {

    public static final String LICENCE = "CC BY-IGO";
    public static final String ATTRIBUTION = "IOM Missing Migrants Project";
}

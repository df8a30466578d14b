package org.travesia.ops.bench;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Random;

/**
 * An MMP file in the HDX layout, of as many rows as asked, the same for the same seed: what a large MMP download looks
 * like to the import (routes of the Americas and elsewhere, empty and signed counts, several causes, a split incident
 * now and then, sea incidents without a country), without shipping a 20,000-row file in the checkout.
 */
final class GeneratedMmpFile {

    private static final String HEADER = "Main ID,Incident ID,Incident Type,Region of Incident,Incident Date,"
            + "Incident Year,Month,Number of Dead,Minimum Estimated Number of Missing,Total Number of Dead and Missing,"
            + "Number of Survivors,Number of Females,Number of Males,Number of Children,Country of Origin,"
            + "Region of Origin,Cause of Death,Country of Incident,Migration Route,Location of Incident,Coordinates,"
            + "UNSD Geographical Grouping,Information Source,URL,Source Quality\n";
    private static final String[][] PLACES = {
            // region, country, route, lat, lon, UNSD grouping
            {"Central America", "Panama", "Darien", "8.1", "-77.6", "Central America"},
            {"North America", "United States of America", "US-Mexico border crossing", "31.9", "-111.2",
                    "Northern America"},
            {"Caribbean", "", "Caribbean to US", "24.1", "-80.4", "Caribbean"},
            {"Caribbean", "", "Dominican Republic to Puerto Rico", "18.6", "-67.9", "Caribbean"},
            {"Central America", "Mexico", "", "16.9", "-93.1", "Central America"},
            {"Mediterranean", "", "Central Mediterranean", "34.5", "12.8", "Uncategorized"},
    };
    private static final String[] CAUSES = {"Drowning", "Harsh environmental conditions / lack of adequate shelter, "
            + "food, water", "Violence", "Vehicle accident / death linked to hazardous transport", "Sickness / lack "
            + "of access to adequate healthcare", "Mixed or unknown", "Drowning,Violence"};

    private GeneratedMmpFile() {
    }

    static byte[] rows(int rows, long seed) {
        Random random = new Random(seed);
        StringBuilder csv = new StringBuilder(rows * 300).append(HEADER);
        int written = 0;
        for (int incident = 0; written < rows; incident++) {
            String mainId = String.format("2099.GEN%06d", incident);
            // One incident in fifty is split over two rows (MMP's Main ID groups), where room is left for both.
            int parts = random.nextInt(50) == 0 && written + 2 <= rows ? 2 : 1;
            String[] place = PLACES[random.nextInt(PLACES.length)];
            LocalDate date = LocalDate.of(2014, 1, 1).plusDays(random.nextInt(4000));
            for (int part = 0; part < parts; part++) {
                String incidentId = parts == 1 ? mainId : mainId + "-" + part;
                int dead = random.nextInt(5);
                String missing = random.nextInt(4) == 0 ? "" : String.valueOf(random.nextInt(3));
                csv.append(mainId).append(',').append(incidentId).append(",Incident,").append(place[0]).append(',')
                        .append(date).append(',').append(date.getYear()).append(',')
                        .append(date.getMonth().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.US))
                        .append(',').append(dead).append(',').append(missing).append(',')
                        .append(dead + (missing.isEmpty() ? 0 : Integer.parseInt(missing))).append(',')
                        .append(random.nextInt(3) == 0 ? String.valueOf(random.nextInt(20)) : "").append(",,")
                        .append(random.nextInt(2)).append(",,,,\"").append(CAUSES[random.nextInt(CAUSES.length)])
                        .append("\",").append(place[1]).append(',').append(place[2]).append(",\"Generated place ")
                        .append(incident).append("\",\"").append(coordinate(place[3], random)).append(", ")
                        .append(coordinate(place[4], random)).append("\",").append(place[5])
                        .append(",Generated source,https://example.org/").append(incident).append(',')
                        .append(1 + random.nextInt(5)).append('\n');
                written++;
            }
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String coordinate(String centre, Random random) {
        return String.format(java.util.Locale.ROOT, "%.5f", Double.parseDouble(centre) + random.nextDouble() - 0.5);
    }
}

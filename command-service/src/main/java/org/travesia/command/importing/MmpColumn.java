package org.travesia.command.importing;

import java.util.List;
import java.util.Locale;

/**
 * The columns of an MMP file the import reads, each under the names the two layouts give it (the MMP website's
 * export and the HDX file). Headers are matched by name, never by position, without regard to case or surrounding
 * spaces; other columns ("Year", "Reported Month", "Region of Origin"…) are not read.
 */
enum MmpColumn {
    MAIN_ID(true, "Main ID"),
    INCIDENT_ID(true, "Incident ID"),
    INCIDENT_TYPE(false, "Incident Type"),
    REGION(true, "Region", "Region of Incident"),
    DATE(true, "Incident Date"),
    DEAD(true, "Number Dead", "Number of Dead"),
    MISSING(true, "Minimum Estimated Number of Missing"),
    SURVIVORS(true, "Number of Survivors"),
    FEMALES(true, "Number of Females"),
    MALES(true, "Number of Males"),
    CHILDREN(true, "Number of Children"),
    CAUSE(true, "Cause of Death"),
    COUNTRY(false, "Country of Incident"),
    ROUTE(true, "Migration Route"),
    LOCATION(true, "Location of death", "Location of Incident"),
    INFORMATION_SOURCE(true, "Information Source"),
    COORDINATES(true, "Coordinates"),
    URL(true, "URL"),
    UNSD_GROUPING(true, "UNSD Geographical Grouping"),
    SOURCE_QUALITY(true, "Source Quality");

    private final boolean required;
    private final List<String> names;

    MmpColumn(boolean required, String... names) {
        this.required = required;
        this.names = List.of(names);
    }

    boolean required() {
        return required;
    }

    /** The first of its names, as error messages quote it. */
    String displayName() {
        return names.get(0);
    }

    boolean isNamed(String header) {
        String normalised = normalise(header);
        return names.stream().anyMatch(name -> normalise(name).equals(normalised));
    }

    static String normalise(String header) {
        return header.strip().toLowerCase(Locale.ROOT);
    }
}

package org.travesia.command.importing;

import java.util.Map;

/**
 * MMP migration routes that are one of Travesía's reference routes (see the README's routes seed). Only these
 * match: MMP's Caribbean routes to the US and to Puerto Rico are the seed's sea crossings, its Darién and US–Mexico
 * routes the seed's own; other MMP routes of the Americas ("Haiti to Dominican Republic", a land border) have no
 * Travesía route, and an incident's route may still be derived from its coordinates. MMP's route name is kept
 * either way.
 */
final class MmpRoutes {

    private static final Map<String, String> TRAVESIA_ROUTE = Map.of(
            "us-mexico border crossing", "us-mexico-border",
            "darien", "darien",
            "caribbean to us", "caribbean-sea",
            "dominican republic to puerto rico", "caribbean-sea");

    private MmpRoutes() {
    }

    /** The Travesía route id an MMP route name stands for, or null. */
    static String travesiaRoute(String mmpRoute) {
        return mmpRoute == null ? null : TRAVESIA_ROUTE.get(MmpColumn.normalise(mmpRoute));
    }
}

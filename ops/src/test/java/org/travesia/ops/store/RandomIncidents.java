package org.travesia.ops.store;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Random;

import org.bson.Document;
import org.bson.conversions.Bson;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;

/**
 * Incident-like documents, changes and searches drawn at random from small value sets (so that equalities hit and
 * sort keys tie), with the values an index must place right: missing, null, numbers of three types, strings,
 * dates, and now and then an array or a document where a string belongs.
 */
final class RandomIncidents {

    static final List<String> FIELDS = List.of("route", "type", "status", "place.country", "quality", "occurredFrom");
    private static final String[] ROUTES = {"darien", "sonora", "tapachula"};
    private static final String[] TYPES = {"DISAPPEARANCE", "DEATH", "ASSAULT"};
    private static final String[] STATUSES = {"OPEN", "VERIFIED"};
    private static final String[] COUNTRIES = {"PA", "MX", "GT"};

    private final Random random;
    private final boolean irregularValues;
    private int nextId;

    /** With arrays and documents now and then where a string belongs: values that switch an index off. */
    RandomIncidents(long seed) {
        this(seed, true);
    }

    /**
     * @param irregularValues whether arrays and documents come now and then where a string belongs; without them
     *                        every index stays usable, so a search compares what an index serves with a scan
     */
    RandomIncidents(long seed, boolean irregularValues) {
        this.random = new Random(seed);
        this.irregularValues = irregularValues;
    }

    Document incident() {
        Document incident = new Document("_id", "incident-" + nextId++);
        putMaybe(incident, "route", oneOf(ROUTES));
        putMaybe(incident, "type", oneOf(TYPES));
        putMaybe(incident, "status", oneOf(STATUSES));
        if (random.nextInt(8) > 0) {
            incident.append("place", new Document("country", odd(oneOf(COUNTRIES))));
        }
        putMaybe(incident, "quality", number());
        putMaybe(incident, "occurredFrom", date());
        incident.append("organisation", "org-" + random.nextInt(3));
        return incident;
    }

    /** Mostly the given value; sometimes null, a number, and (if irregular values are drawn) an array or a document. */
    private Object odd(Object value) {
        int draw = random.nextInt(20);
        return switch (draw) {
            case 0 -> null;
            case 1 -> random.nextInt(3);
            // An array sorts by its smallest element ascending, its largest descending: one before or after the value.
            case 2 -> irregularValues ? List.of(value, random.nextBoolean() ? "0-before" : "z-after") : value;
            case 3 -> irregularValues ? new Document("nested", value) : value;
            default -> value;
        };
    }

    private void putMaybe(Document document, String field, Object value) {
        if (random.nextInt(10) > 0) {
            document.append(field, field.equals("route") || field.equals("type") ? odd(value) : value);
        }
    }

    private Object number() {
        int value = random.nextInt(5);
        return switch (random.nextInt(3)) {
            case 0 -> value;
            case 1 -> (long) value;
            default -> value + (random.nextBoolean() ? 0.0 : 0.5);
        };
    }

    private Date date() {
        return new Date(1_700_000_000_000L + random.nextInt(6) * 86_400_000L);
    }

    Bson change() {
        String field = FIELDS.get(random.nextInt(FIELDS.size()));
        return switch (random.nextInt(4)) {
            case 0 -> new Document("$unset", new Document(field, ""));
            case 1 -> new Document("$set", new Document(field, null));
            default -> new Document("$set", new Document(field, valueFor(field)));
        };
    }

    private Object valueFor(String field) {
        return switch (field) {
            case "route" -> odd(oneOf(ROUTES));
            case "type" -> odd(oneOf(TYPES));
            case "status" -> oneOf(STATUSES);
            case "place.country" -> odd(oneOf(COUNTRIES));
            case "quality" -> number();
            default -> date();
        };
    }

    /** Equalities on some fields, often the read scope's $or too, sometimes a range on the time. */
    Bson filter() {
        List<Bson> all = new ArrayList<>();
        all.add(Filters.exists("_id"));
        if (random.nextBoolean()) {
            all.add(Filters.eq("route", oneOf(ROUTES)));
        }
        if (random.nextInt(3) == 0) {
            all.add(Filters.eq("type", oneOf(TYPES)));
        }
        if (random.nextInt(3) == 0) {
            all.add(Filters.eq("status", oneOf(STATUSES)));
        }
        if (random.nextInt(3) == 0) {
            all.add(Filters.eq("place.country", oneOf(COUNTRIES)));
        }
        if (random.nextInt(4) == 0) {
            all.add(Filters.eq("quality", random.nextInt(5)));
        }
        if (random.nextBoolean()) {
            all.add(Filters.or(Filters.eq("organisation", "org-0"), Filters.eq("status", "VERIFIED")));
        }
        if (random.nextInt(4) == 0) {
            all.add(Filters.gte("occurredFrom", date()));
        }
        return random.nextInt(4) == 0 ? Filters.and(all) : Filters.and(Filters.and(all.subList(0, 1)), Filters.and(all));
    }

    /** The search's and the export's orders, orders on an index's later keys, and none. */
    Bson sort() {
        return switch (random.nextInt(7)) {
            case 0 -> Sorts.descending("occurredFrom", "_id");
            case 1 -> Sorts.ascending("occurredFrom", "_id");
            case 2 -> Sorts.descending("occurredFrom");
            case 3 -> Sorts.orderBy(Sorts.ascending("type"), Sorts.descending("occurredFrom"));
            case 4 -> Sorts.descending("quality");
            case 5 -> Sorts.orderBy(Sorts.ascending("place.country"), Sorts.ascending("occurredFrom"));
            default -> null;
        };
    }

    int nextInt(int bound) {
        return random.nextInt(bound);
    }

    private <T> T oneOf(T[] values) {
        return values[random.nextInt(values.length)];
    }
}

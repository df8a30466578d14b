package org.travesia.command.alert;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bson.Document;
import org.springframework.stereotype.Component;
import org.travesia.kernel.alert.AlertRuleSet;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;

/**
 * What alert evaluation remembers, in its own collections, each read and written by {@code _id} (which the embedded
 * store serves from its index):
 * <ul>
 * <li>{@code alert_cells}: one document per route, segment and day, holding what each incident placed there
 * contributes ({@link CellEntry}); a window is a handful of cells read by {@code $in};</li>
 * <li>{@code alert_incidents}: per incident, what evaluation needs of it and the cell it is in now;</li>
 * <li>{@code alert_rules}: the rules, one document per route holding every organisation's;</li>
 * <li>{@code alert_open}: the alert evaluation takes as unresolved per rule and segment.</li>
 * </ul>
 */
@Component
class AlertState {

    static final String CELLS = "alert_cells";
    static final String INCIDENTS = "alert_incidents";
    static final String RULES = "alert_rules";
    static final String OPEN = "alert_open";

    private final MongoCollection<Document> cells;
    private final MongoCollection<Document> incidents;
    private final MongoCollection<Document> rules;
    private final MongoCollection<Document> open;

    AlertState(MongoDatabase travesiaDatabase) {
        this.cells = travesiaDatabase.getCollection(CELLS);
        this.incidents = travesiaDatabase.getCollection(INCIDENTS);
        this.rules = travesiaDatabase.getCollection(RULES);
        this.open = travesiaDatabase.getCollection(OPEN);
    }

    static String cellId(String routeId, String segmentId, LocalDate day) {
        return routeId + "|" + (segmentId == null ? "" : segmentId) + "|" + day;
    }

    Optional<Document> incident(String incidentId) {
        return Optional.ofNullable(incidents.find(Filters.eq("_id", incidentId)).first());
    }

    void saveIncident(Document incident) {
        incidents.replaceOne(Filters.eq("_id", incident.getString("_id")), incident, new ReplaceOptions().upsert(true));
    }

    void removeFromCell(String cellId, String incidentId) {
        cells.updateOne(Filters.eq("_id", cellId), Updates.unset("entries." + incidentId));
    }

    void putInCell(String cellId, CellEntry entry) {
        cells.updateOne(Filters.eq("_id", cellId), Updates.set("entries." + entry.incidentId(), entry.toDocument()),
                new UpdateOptions().upsert(true));
    }

    /** The cells of the given days of a segment, in one read. */
    Map<LocalDate, List<CellEntry>> cells(String routeId, String segmentId, List<LocalDate> days) {
        Map<String, LocalDate> byId = new HashMap<>();
        days.forEach(day -> byId.put(cellId(routeId, segmentId, day), day));
        Map<LocalDate, List<CellEntry>> found = new HashMap<>();
        for (Document cell : cells.find(Filters.in("_id", byId.keySet()))) {
            Document entries = cell.get("entries", Document.class);
            List<CellEntry> list = new ArrayList<>();
            if (entries != null) {
                entries.forEach((id, entry) -> list.add(CellEntry.of(id, (Document) entry)));
            }
            found.put(byId.get(cell.getString("_id")), list);
        }
        return found;
    }

    void saveRule(AlertRuleSet rule) {
        rules.updateOne(Filters.eq("_id", rule.routeId()),
                Updates.set("rules." + ruleKey(rule.organisation(), rule.ruleId()), ruleDocument(rule)),
                new UpdateOptions().upsert(true));
    }

    @SuppressWarnings("unchecked")
    List<AlertRuleSet> rules(String routeId) {
        Document route = rules.find(Filters.eq("_id", routeId)).first();
        List<AlertRuleSet> found = new ArrayList<>();
        if (route != null) {
            route.get("rules", Document.class).values().forEach(value -> {
                Document r = (Document) value;
                found.add(new AlertRuleSet(routeId, r.getString("organisation"), r.getString("ruleId"),
                        r.getString("kind"), r.getString("segmentId"), (List<String>) r.get("incidentTypes"),
                        r.getInteger("minCount"), r.getInteger("minDeadAndMissing"), r.getInteger("windowDays"),
                        r.getDouble("factor"), r.getInteger("baselineWeeks")));
            });
        }
        found.sort(Comparator.comparing(AlertRuleSet::organisation).thenComparing(AlertRuleSet::ruleId));
        return found;
    }

    Optional<String> openAlert(String openKey) {
        return Optional.ofNullable(open.find(Filters.eq("_id", openKey)).first()).map(d -> d.getString("alertId"));
    }

    void markOpen(String openKey, String alertId) {
        open.replaceOne(Filters.eq("_id", openKey), new Document("_id", openKey).append("alertId", alertId),
                new ReplaceOptions().upsert(true));
    }

    void markResolved(String alertId) {
        open.deleteMany(Filters.eq("alertId", alertId));
    }

    void deleteAll() {
        for (MongoCollection<Document> collection : List.of(cells, incidents, rules, open)) {
            collection.deleteMany(new Document());
        }
    }

    /** A field name for a rule: organisation names are free text, so they are hex-encoded to hold no dot or dollar. */
    private static String ruleKey(String organisation, String ruleId) {
        StringBuilder hex = new StringBuilder();
        for (byte b : organisation.getBytes(StandardCharsets.UTF_8)) {
            hex.append(String.format("%02x", b));
        }
        return hex + "_" + ruleId;
    }

    private static Document ruleDocument(AlertRuleSet rule) {
        return new Document("organisation", rule.organisation()).append("ruleId", rule.ruleId())
                .append("kind", rule.kind()).append("segmentId", rule.segmentId())
                .append("incidentTypes", rule.incidentTypes()).append("minCount", rule.minCount())
                .append("minDeadAndMissing", rule.minDeadAndMissing()).append("windowDays", rule.windowDays())
                .append("factor", rule.factor()).append("baselineWeeks", rule.baselineWeeks());
    }
}

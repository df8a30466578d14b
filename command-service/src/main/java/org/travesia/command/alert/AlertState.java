package org.travesia.command.alert;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.bson.Document;
import org.springframework.stereotype.Component;
import org.travesia.kernel.alert.AlertRuleSet;
import org.travesia.platform.viewwrites.MergedUpdate;
import org.travesia.platform.viewwrites.ViewWrites;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

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
 * Within a processed batch the writes are held and sent when it ends ({@link ViewWrites}): the cells first, in one
 * bulk write, then the rest, one bulk write per collection. Cells before incidents, because an incident's state says
 * which cell holds it: a crash between the two hands the batch again to incidents that do not know their new cell,
 * and they are moved again (setting or unsetting an incident's entry twice leaves it as once); the other order would
 * leave an incident that believes itself in a cell that never received it. The cells then already hold what the
 * batch's later events put there: each entry carries the position of the event that put it, and a rule evaluated
 * for an event counts only the entries put at or before it ({@link RuleEvaluation#from(Map, long)}), so a batch
 * handed again never counts a report beside one that came after it. What the batch wrote so far is kept
 * beside the writes ({@link ViewWrites#local}), and every read looks there first: a rule evaluated later in the
 * batch counts the cells as the batch's earlier events left them.
 */
@Component
class AlertState {

    static final String CELLS = "alert_cells";
    static final String INCIDENTS = "alert_incidents";
    static final String RULES = "alert_rules";
    static final String OPEN = "alert_open";

    /** The steps of a batch's writes: cells, then what points at them. */
    private static final int CELLS_STEP = 0;
    private static final int STATE_STEP = 1;

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

    /** The incident's state, as a copy its caller may change before saving it. */
    Optional<Document> incident(String incidentId) {
        Document written = incidentsWritten(ViewWrites.current()).get(incidentId);
        if (written != null) {
            return Optional.of(ViewWrites.asStored(incidents, written));
        }
        return Optional.ofNullable(incidents.find(Filters.eq("_id", incidentId)).first());
    }

    void saveIncident(Document incident) {
        ViewWrites writes = ViewWrites.current();
        writes.upsert(STATE_STEP, incidents, incident);
        incidentsWritten(writes).put(incident.getString("_id"), ViewWrites.asStored(incidents, incident));
    }

    void removeFromCell(String cellId, String incidentId) {
        ViewWrites writes = ViewWrites.current();
        // An upsert: merged with a put into the same cell earlier in the batch, the cell may not exist yet.
        writes.updateById(CELLS_STEP, cells, cellId, new MergedUpdate().unset("entries." + incidentId), true);
        cellChanges(writes).computeIfAbsent(cellId, id -> new LinkedHashMap<>()).put(incidentId, null);
    }

    void putInCell(String cellId, CellEntry entry) {
        ViewWrites writes = ViewWrites.current();
        writes.updateById(CELLS_STEP, cells, cellId,
                new MergedUpdate().set("entries." + entry.incidentId(), entry.toDocument()), true);
        cellChanges(writes).computeIfAbsent(cellId, id -> new LinkedHashMap<>()).put(entry.incidentId(), entry);
    }

    /** The cells of the given days of a segment, in one read, with the batch's changes to them. */
    Map<LocalDate, List<CellEntry>> cells(String routeId, String segmentId, List<LocalDate> days) {
        Map<String, LocalDate> byId = new HashMap<>();
        days.forEach(day -> byId.put(cellId(routeId, segmentId, day), day));
        Map<String, Map<String, CellEntry>> found = new HashMap<>();
        for (Document cell : cells.find(Filters.in("_id", byId.keySet()))) {
            Document entries = cell.get("entries", Document.class);
            Map<String, CellEntry> byIncident = new LinkedHashMap<>();
            if (entries != null) {
                entries.forEach((id, entry) -> byIncident.put(id, CellEntry.of(id, (Document) entry)));
            }
            found.put(cell.getString("_id"), byIncident);
        }
        cellChanges(ViewWrites.current()).forEach((cellId, changes) -> {
            if (byId.containsKey(cellId)) {
                Map<String, CellEntry> byIncident = found.computeIfAbsent(cellId, id -> new LinkedHashMap<>());
                changes.forEach((incidentId, entry) -> {
                    if (entry == null) {
                        byIncident.remove(incidentId);
                    } else {
                        byIncident.put(incidentId, entry);
                    }
                });
            }
        });
        Map<LocalDate, List<CellEntry>> byDay = new HashMap<>();
        found.forEach((cellId, byIncident) -> byDay.put(byId.get(cellId), new ArrayList<>(byIncident.values())));
        return byDay;
    }

    void saveRule(AlertRuleSet rule) {
        ViewWrites writes = ViewWrites.current();
        String key = ruleKey(rule.organisation(), rule.ruleId());
        writes.updateById(STATE_STEP, rules, rule.routeId(), new MergedUpdate().set("rules." + key,
                ruleDocument(rule)), true);
        rulesWritten(writes).computeIfAbsent(rule.routeId(), id -> new HashMap<>()).put(key, rule);
    }

    @SuppressWarnings("unchecked")
    List<AlertRuleSet> rules(String routeId) {
        Document route = rules.find(Filters.eq("_id", routeId)).first();
        Map<String, AlertRuleSet> found = new HashMap<>();
        if (route != null) {
            route.get("rules", Document.class).forEach((key, value) -> {
                Document r = (Document) value;
                found.put(key, new AlertRuleSet(routeId, r.getString("organisation"), r.getString("ruleId"),
                        r.getString("kind"), r.getString("segmentId"), (List<String>) r.get("incidentTypes"),
                        r.getInteger("minCount"), r.getInteger("minDeadAndMissing"), r.getInteger("windowDays"),
                        r.getDouble("factor"), r.getInteger("baselineWeeks")));
            });
        }
        found.putAll(rulesWritten(ViewWrites.current()).getOrDefault(routeId, Map.of()));
        List<AlertRuleSet> sorted = new ArrayList<>(found.values());
        sorted.sort(Comparator.comparing(AlertRuleSet::organisation).thenComparing(AlertRuleSet::ruleId));
        return sorted;
    }

    Optional<String> openAlert(String openKey) {
        Map<String, String> written = openWritten(ViewWrites.current());
        if (written.containsKey(openKey)) {
            return Optional.ofNullable(written.get(openKey));
        }
        return Optional.ofNullable(open.find(Filters.eq("_id", openKey)).first()).map(d -> d.getString("alertId"));
    }

    void markOpen(String openKey, String alertId) {
        ViewWrites writes = ViewWrites.current();
        writes.upsert(STATE_STEP, open, new Document("_id", openKey).append("alertId", alertId));
        openWritten(writes).put(openKey, alertId);
    }

    void markResolved(String alertId) {
        ViewWrites writes = ViewWrites.current();
        Map<String, String> written = openWritten(writes);
        Set<String> keys = new HashSet<>();
        open.find(Filters.eq("alertId", alertId)).forEach(d -> {
            if (!written.containsKey(d.getString("_id"))) {
                keys.add(d.getString("_id"));
            }
        });
        written.forEach((key, marked) -> {
            if (alertId.equals(marked)) {
                keys.add(key);
            }
        });
        for (String key : keys) {
            writes.deleteById(STATE_STEP, open, key);
            written.put(key, null);
        }
    }

    void deleteAll() {
        for (MongoCollection<Document> collection : List.of(cells, incidents, rules, open)) {
            collection.deleteMany(new Document());
        }
    }

    private Map<String, Document> incidentsWritten(ViewWrites writes) {
        return writes.local(incidents, HashMap::new);
    }

    /** Per cell, per incident: the entry the batch put there, or null for one it took out. */
    private Map<String, Map<String, CellEntry>> cellChanges(ViewWrites writes) {
        return writes.local(cells, HashMap::new);
    }

    private Map<String, Map<String, AlertRuleSet>> rulesWritten(ViewWrites writes) {
        return writes.local(rules, HashMap::new);
    }

    /** Per open key: the alert the batch marked open, or null where it marked it resolved. */
    private Map<String, String> openWritten(ViewWrites writes) {
        return writes.local(open, HashMap::new);
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

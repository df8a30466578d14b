package org.travesia.query.alert;

import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;
import org.travesia.platform.privacy.DataSubject;
import org.travesia.platform.privacy.PersonalDataCipher;
import org.travesia.platform.privacy.SubjectOpener;
import org.travesia.query.alert.api.AlertLog;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;

/**
 * The alert read models: {@code alerts}, one document per alert as it stands now, and {@code alert_events}, one per
 * alert event keyed by its global position, which the stream resumes from and webhooks deliver from. Both hold the
 * notes sealed, as recorded; they are opened in memory when an alert is handed out.
 */
@Component
class AlertReadModel implements AlertLog {

    private final MongoCollection<Document> alerts;
    private final MongoCollection<Document> events;
    private final Object news = new Object();
    private final PersonalDataCipher cipher;

    AlertReadModel(MongoDatabase travesiaDatabase, PersonalDataCipher cipher) {
        this.cipher = cipher;
        this.alerts = travesiaDatabase.getCollection("alerts");
        this.events = travesiaDatabase.getCollection("alert_events");
        alerts.createIndex(Indexes.ascending("organisation", "routeId", "status"), new IndexOptions().name("scope"));
    }

    Optional<Document> alert(String alertId) {
        return Optional.ofNullable(alerts.find(Filters.eq("_id", alertId)).first());
    }

    void save(Document alert) {
        alerts.replaceOne(Filters.eq("_id", alert.getString("_id")), alert, new ReplaceOptions().upsert(true));
    }

    /** Records an alert event once (a redelivery finds its position taken), and wakes whoever waits for news. */
    void record(long position, String event, Document alert) {
        try {
            events.insertOne(new Document("_id", position).append("event", event)
                    .append("organisation", alert.getString("organisation")).append("routeId", alert.getString("routeId"))
                    .append("alert", alert));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
        synchronized (news) {
            news.notifyAll();
        }
    }

    /** A page of an organisation's alerts, newest first by the position they were raised at. */
    List<Document> page(String organisation, String routeId, String status, Long beforePosition, int limit) {
        List<Bson> filters = new ArrayList<>(List.of(Filters.eq("organisation", organisation)));
        if (routeId != null) {
            filters.add(Filters.eq("routeId", routeId));
        }
        if (status != null) {
            filters.add(Filters.eq("status", status));
        }
        if (beforePosition != null) {
            filters.add(Filters.lt("raisedPosition", beforePosition));
        }
        return alerts.find(Filters.and(filters)).sort(Sorts.descending("raisedPosition")).limit(limit)
                .into(new ArrayList<>());
    }

    /** An organisation's unresolved alerts on a route (all routes when null). */
    List<Document> open(String organisation, String routeId) {
        List<Bson> filters = new ArrayList<>(List.of(Filters.eq("organisation", organisation),
                Filters.in("status", "OPEN", "ACKNOWLEDGED")));
        if (routeId != null) {
            filters.add(Filters.eq("routeId", routeId));
        }
        return alerts.find(Filters.and(filters)).sort(Sorts.ascending("raisedPosition")).into(new ArrayList<>());
    }

    void deleteAll() {
        alerts.deleteMany(new Document());
        events.deleteMany(new Document());
    }

    @Override
    public List<AlertEvent> after(long position, int limit) {
        List<AlertEvent> found = new ArrayList<>();
        SubjectOpener opener = cipher.openerFor(List.of());
        for (Document e : events.find(Filters.gt("_id", position)).sort(Sorts.ascending("_id")).limit(limit)) {
            found.add(new AlertEvent(((Number) e.get("_id")).longValue(), e.getString("event"),
                    e.getString("organisation"), e.getString("routeId"), view(e.get("alert", Document.class), opener)));
        }
        return found;
    }

    @Override
    public long head() {
        Document last = events.find().sort(Sorts.descending("_id")).limit(1).first();
        return last == null ? 0 : ((Number) last.get("_id")).longValue();
    }

    @Override
    public void awaitNews(long millis) throws InterruptedException {
        synchronized (news) {
            news.wait(Math.max(1, millis));
        }
    }

    /** Alerts as clients read them, their notes opened. */
    List<Map<String, Object>> views(List<Document> alerts) {
        SubjectOpener opener = cipher.openerFor(alerts.stream()
                .map(alert -> DataSubject.route(alert.getString("routeId"))).distinct().toList());
        return alerts.stream().map(alert -> view(alert, opener)).toList();
    }

    /**
     * An alert as clients read it (the api.md shape, plus window, position and who acknowledged or resolved), its
     * notes opened with {@code opener}: a note whose key is gone shows as null.
     */
    static Map<String, Object> view(Document alert, SubjectOpener opener) {
        DataSubject route = DataSubject.route(alert.getString("routeId"));
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("alertId", alert.getString("_id"));
        view.put("routeId", alert.getString("routeId"));
        view.put("segmentId", alert.getString("segmentId"));
        view.put("ruleId", alert.getString("ruleId"));
        view.put("status", alert.getString("status"));
        view.put("raisedAt", instant(alert.getDate("raisedAt")));
        view.put("window", alert.get("window"));
        view.put("figures", alert.get("figures"));
        view.put("incidentIds", alert.get("incidentIds"));
        view.put("acknowledgement", curation(alert.get("acknowledgement", Document.class), opener, route));
        view.put("resolution", curation(alert.get("resolution", Document.class), opener, route));
        view.put("position", alert.get("raisedPosition"));
        return view;
    }

    private static Document curation(Document curation, SubjectOpener opener, DataSubject route) {
        if (curation == null) {
            return null;
        }
        Document shown = new Document(curation);
        shown.put("note", opener.text(route, "note", curation.getString("note")));
        return shown;
    }

    private static String instant(Date date) {
        return date == null ? null : date.toInstant().toString();
    }
}

package org.travesia.query.alert;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.travesia.kernel.common.Actor;
import org.travesia.kernel.common.InvalidValueException;
import org.travesia.platform.security.CurrentActor;
import org.travesia.platform.web.PageCursor;
import org.travesia.query.route.api.RouteCatalogue;

/**
 * An organisation's alerts: listed with cursor paging, streamed as Server-Sent Events, and served as a CAP 1.2 Atom
 * feed. Analysts and admins read their own organisation's alerts, and nobody else's.
 */
@RestController
@RequestMapping("/api/v1/alerts")
@PreAuthorize("hasAnyRole('ANALYST', 'ADMIN')")
class AlertController {

    private static final List<String> STATUSES = List.of("OPEN", "ACKNOWLEDGED", "RESOLVED");

    private final AlertReadModel alerts;
    private final AlertStream stream;
    private final RouteCatalogue routes;
    private final CurrentActor currentActor;
    private final String capSender;

    AlertController(AlertReadModel alerts, AlertStream stream, RouteCatalogue routes, CurrentActor currentActor,
                    @Value("${travesia.alerts.cap.sender:travesia.local}") String capSender) {
        this.alerts = alerts;
        this.stream = stream;
        this.routes = routes;
        this.currentActor = currentActor;
        this.capSender = capSender;
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> list(@RequestParam(required = false) String route, @RequestParam(required = false) String status,
                             @RequestParam(required = false) Integer limit,
                             @RequestParam(required = false) String cursor) {
        if (status != null && !STATUSES.contains(status)) {
            throw new InvalidValueException("status", "parameter.invalid", "status");
        }
        int size = PageCursor.limit(limit);
        Long before = cursor == null ? null : PageCursor.decode(cursor).sortMillis();
        List<Document> page = alerts.page(currentActor.get().organisation(), route, status, before, size);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("items", alerts.views(page));
        answer.put("nextCursor", page.size() < size ? null : new PageCursor(
                page.get(page.size() - 1).getLong("raisedPosition"), page.get(page.size() - 1).getString("_id")).encode());
        return answer;
    }

    /**
     * The organisation's alert events, live. Each event's {@code id} is its global position; a client that
     * reconnects with {@code Last-Event-ID} is sent what it missed, then live events.
     */
    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(@RequestParam(required = false) String route,
                      @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
        Long after = null;
        if (lastEventId != null) {
            try {
                after = Long.parseLong(lastEventId.trim());
            } catch (NumberFormatException e) {
                throw new InvalidValueException("Last-Event-ID", "parameter.invalid", "Last-Event-ID");
            }
        }
        Actor actor = currentActor.get();
        return stream.subscribe(actor.organisation(), route, after);
    }

    @GetMapping(path = "/cap", produces = "application/atom+xml")
    ResponseEntity<String> cap(@RequestParam(required = false) String route) {
        Actor actor = currentActor.get();
        String feed = CapFeed.write(alerts.open(actor.organisation(), route), routes, capSender,
                "urn:travesia:alerts" + (route == null ? "" : ":" + route), Instant.now());
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/atom+xml;charset=UTF-8"))
                .body(feed);
    }
}

package org.travesia.query.webhook;

import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.travesia.kernel.common.Actor;
import org.travesia.kernel.common.InvalidValueException;
import org.travesia.kernel.common.Slug;
import org.travesia.platform.security.CurrentActor;
import org.travesia.platform.web.NotFoundException;
import org.travesia.query.alert.api.AlertLog;
import org.travesia.query.route.api.RouteCatalogue;

/**
 * Webhooks for a route's alerts ({@code /api/v1/webhooks}). An analyst registers a URL and is shown its
 * {@code whsec_} secret once; the organisation's alerts on that route are delivered to it from then on. Its
 * deliveries, with every attempt, are listed for the organisation that registered it.
 */
@RestController
@RequestMapping(path = "/api/v1/webhooks", produces = MediaType.APPLICATION_JSON_VALUE)
class WebhookController {

    private static final Logger log = LoggerFactory.getLogger(WebhookController.class);

    private final WebhookStore store;
    private final WebhookTargets targets;
    private final RouteCatalogue routes;
    private final AlertLog alerts;
    private final CurrentActor currentActor;

    WebhookController(WebhookStore store, WebhookTargets targets, RouteCatalogue routes, AlertLog alerts,
                      CurrentActor currentActor) {
        this.store = store;
        this.targets = targets;
        this.routes = routes;
        this.alerts = alerts;
        this.currentActor = currentActor;
    }

    /** What a client registers: a route and a URL. */
    record Registration(String routeId, String url) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('ANALYST')")
    ResponseEntity<Map<String, Object>> register(@RequestBody Registration body) {
        Actor actor = currentActor.get();
        if (body.routeId() == null || !Slug.isValid(body.routeId()) || routes.find(body.routeId()).isEmpty()) {
            throw new InvalidValueException("routeId", "route.unknown");
        }
        targets.check(body.url());
        String webhookId = "wh_" + UUID.randomUUID().toString().replace("-", "");
        String secret = WebhookSignature.newSecret();
        store.register(new Document("_id", webhookId).append("routeId", body.routeId()).append("url", body.url())
                .append("organisation", actor.organisation()).append("createdBy", actor.user())
                .append("createdAt", Date.from(Instant.now())).append("secret", secret)
                .append("fromPosition", alerts.head()));
        log.info("Webhook {} registered for route {} by organisation {}", webhookId, body.routeId(),
                actor.organisation());
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("webhookId", webhookId, "secret", secret));
    }

    @GetMapping("/{webhookId}/deliveries")
    @PreAuthorize("hasAnyRole('ANALYST', 'ADMIN')")
    Map<String, Object> deliveries(@PathVariable String webhookId) {
        Actor actor = currentActor.get();
        Document webhook = store.webhook(webhookId)
                .filter(w -> w.getString("organisation").equals(actor.organisation()))
                .orElseThrow(() -> new NotFoundException("webhook.not-found"));
        List<Map<String, Object>> items = store.deliveriesOf(webhook.getString("_id")).stream().map(d -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("webhookId", d.getString("webhookId"));
            item.put("messageId", d.getString("messageId"));
            item.put("event", d.getString("event"));
            item.put("position", d.get("position"));
            item.put("state", d.getString("state"));
            item.put("nextAttemptAt", instant(d.getDate("nextAttemptAt")));
            item.put("attempts", d.getList("attempts", Document.class).stream().map(a -> {
                Map<String, Object> attempt = new LinkedHashMap<>();
                attempt.put("attempt", a.get("attempt"));
                attempt.put("at", instant(a.getDate("at")));
                attempt.put("status", a.get("status"));
                attempt.put("error", a.get("error"));
                attempt.put("durationMs", a.get("durationMs"));
                return attempt;
            }).toList());
            return item;
        }).toList();
        return Map.of("items", items);
    }

    private static String instant(Date date) {
        return date == null ? null : date.toInstant().toString();
    }
}

package org.travesia.platform.axon;

import java.util.Map;

import org.axonframework.messaging.MetaData;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.travesia.kernel.common.Actor;
import org.travesia.kernel.common.MetadataKeys;
import org.travesia.platform.web.CorrelationIdFilter;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The metadata a command carries, and through Axon's correlation data every event it causes: who (user and
 * organisation), which client, and the request's correlation id. When it was recorded is the event's timestamp.
 */
public final class CommandMetadata {

    /** Clients name themselves in this header; otherwise the User-Agent is kept, shortened. */
    public static final String CLIENT_HEADER = "X-Travesia-Client";
    private static final int MAX_CLIENT_LENGTH = 120;

    private CommandMetadata() {
    }

    public static MetaData of(Actor actor) {
        HttpServletRequest request = currentRequest();
        String client = "unknown";
        String correlationId = java.util.UUID.randomUUID().toString();
        if (request != null) {
            client = clientOf(request);
            correlationId = CorrelationIdFilter.of(request);
        }
        return MetaData.from(Map.of(
                MetadataKeys.USER, actor.user(),
                MetadataKeys.ORGANISATION, actor.organisation(),
                MetadataKeys.CLIENT, client,
                MetadataKeys.CORRELATION_ID, correlationId));
    }

    private static String clientOf(HttpServletRequest request) {
        String client = request.getHeader(CLIENT_HEADER);
        if (client == null || client.isBlank()) {
            client = request.getHeader("User-Agent");
        }
        if (client == null || client.isBlank()) {
            return "unknown";
        }
        String printable = client.replaceAll("[^\\x20-\\x7E]", "?");
        return printable.length() > MAX_CLIENT_LENGTH ? printable.substring(0, MAX_CLIENT_LENGTH) : printable;
    }

    private static HttpServletRequest currentRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest()
                : null;
    }
}

package org.travesia.query.alert;

import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.bson.Document;
import org.travesia.query.route.api.RouteCatalogue;
import org.travesia.query.route.api.RouteCatalogue.RouteView;
import org.travesia.query.route.api.RouteCatalogue.SegmentView;

/**
 * Open alerts as an Atom feed of OASIS CAP 1.2 messages, one entry per alert, its CAP {@code <alert>} inline as the
 * entry's content. Each message has an English and a Spanish {@code <info>}, and one {@code <area>} per segment
 * polygon (CAP wants "lat,lon" pairs, space-separated, the ring closed). Nothing in it is personal: counts, dates,
 * codes and incident ids.
 */
final class CapFeed {

    static final String ATOM = "http://www.w3.org/2005/Atom";
    static final String CAP = "urn:oasis:names:tc:emergency:cap:1.2";
    /** CAP's dateTime: an explicit offset, never "Z". */
    private static final DateTimeFormatter CAP_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx");

    private CapFeed() {
    }

    static String write(List<Document> alerts, RouteCatalogue routes, String sender, String feedId, Instant now) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newInstance().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.setDefaultNamespace(ATOM);
            xml.writeStartElement(ATOM, "feed");
            xml.writeDefaultNamespace(ATOM);
            text(xml, ATOM, "id", feedId);
            text(xml, ATOM, "title", "Travesía route alerts");
            text(xml, ATOM, "updated", now.toString());
            xml.writeStartElement(ATOM, "author");
            text(xml, ATOM, "name", sender);
            xml.writeEndElement();
            for (Document alert : alerts) {
                entry(xml, alert, routes.find(alert.getString("routeId")), sender);
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    private static void entry(XMLStreamWriter xml, Document alert, Optional<RouteView> route, String sender)
            throws XMLStreamException {
        String alertId = alert.getString("_id");
        Instant raisedAt = alert.getDate("raisedAt").toInstant();
        xml.writeStartElement(ATOM, "entry");
        text(xml, ATOM, "id", "urn:travesia:alert:" + alertId);
        text(xml, ATOM, "title", headline(alert, route, "en"));
        text(xml, ATOM, "updated", raisedAt.toString());
        xml.writeStartElement(ATOM, "content");
        xml.writeAttribute("type", "application/cap+xml");
        xml.setPrefix("cap", CAP);
        xml.writeStartElement(CAP, "alert");
        xml.writeNamespace("cap", CAP);
        text(xml, CAP, "identifier", alertId);
        text(xml, CAP, "sender", sender);
        text(xml, CAP, "sent", CAP_TIME.format(raisedAt.atOffset(ZoneOffset.UTC)));
        text(xml, CAP, "status", "Actual");
        text(xml, CAP, "msgType", "Alert");
        text(xml, CAP, "scope", "Restricted");
        text(xml, CAP, "restriction", "For the organisation that set the rule; lists incident identifiers only");
        info(xml, alert, route, "en-US", "en");
        info(xml, alert, route, "es-419", "es");
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private static void info(XMLStreamWriter xml, Document alert, Optional<RouteView> route, String language,
                             String lang) throws XMLStreamException {
        Document figures = alert.get("figures", Document.class);
        Document window = alert.get("window", Document.class);
        xml.writeStartElement(CAP, "info");
        text(xml, CAP, "language", language);
        text(xml, CAP, "category", "Safety");
        text(xml, CAP, "category", "Security");
        text(xml, CAP, "event", "es".equals(lang) ? "Riesgo de protección en aumento en la ruta"
                : "Rising protection risk on a migration route");
        text(xml, CAP, "urgency", "Expected");
        text(xml, CAP, "severity", "Severe");
        text(xml, CAP, "certainty", "Likely");
        text(xml, CAP, "senderName", "Travesía");
        text(xml, CAP, "headline", headline(alert, route, lang));
        text(xml, CAP, "description", "es".equals(lang)
                ? String.format("%d incidentes (umbral %d), %d personas muertas o desaparecidas, del %s al %s.",
                        number(figures, "incidents"), number(figures, "threshold"), number(figures, "deadAndMissing"),
                        window.getString("from"), window.getString("to"))
                : String.format("%d incidents (threshold %d), %d people dead or missing, from %s to %s.",
                        number(figures, "incidents"), number(figures, "threshold"), number(figures, "deadAndMissing"),
                        window.getString("from"), window.getString("to")));
        parameter(xml, "travesia:ruleId", alert.getString("ruleId"));
        parameter(xml, "travesia:routeId", alert.getString("routeId"));
        if (alert.getString("segmentId") != null) {
            parameter(xml, "travesia:segmentId", alert.getString("segmentId"));
        }
        parameter(xml, "travesia:incidentIds", String.join(" ", alert.getList("incidentIds", String.class)));
        for (SegmentView segment : segments(alert, route)) {
            xml.writeStartElement(CAP, "area");
            text(xml, CAP, "areaDesc", segment.name() == null ? segment.segmentId()
                    : "es".equals(lang) ? segment.name().es() : segment.name().en());
            for (List<List<List<Double>>> polygon : segment.area()) {
                text(xml, CAP, "polygon", polygon(polygon.get(0)));
            }
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }

    /** The alert's segment, or every active segment of its route when the alert is for the route as a whole. */
    private static List<SegmentView> segments(Document alert, Optional<RouteView> route) {
        List<SegmentView> segments = new ArrayList<>();
        route.ifPresent(r -> r.segments().stream()
                .filter(s -> alert.getString("segmentId") == null ? s.active()
                        : s.segmentId().equals(alert.getString("segmentId")))
                .forEach(segments::add));
        return segments;
    }

    /** A ring as CAP writes it: "lat,lon" pairs separated by spaces, first equal to last. */
    static String polygon(List<List<Double>> ring) {
        List<String> pairs = new ArrayList<>();
        for (List<Double> position : ring) {
            pairs.add(position.get(1) + "," + position.get(0));
        }
        if (!ring.get(0).equals(ring.get(ring.size() - 1))) {
            pairs.add(ring.get(0).get(1) + "," + ring.get(0).get(0));
        }
        return String.join(" ", pairs);
    }

    private static String headline(Document alert, Optional<RouteView> route, String lang) {
        String routeName = route.map(r -> r.name() == null ? r.routeId() : "es".equals(lang) ? r.name().es()
                : r.name().en()).orElse(alert.getString("routeId"));
        return ("es".equals(lang) ? "Alerta " : "Alert ") + alert.getString("ruleId") + ": " + routeName
                + (alert.getString("segmentId") == null ? "" : " / " + alert.getString("segmentId"));
    }

    private static void parameter(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeStartElement(CAP, "parameter");
        text(xml, CAP, "valueName", name);
        text(xml, CAP, "value", value);
        xml.writeEndElement();
    }

    private static long number(Document figures, String name) {
        Object value = figures == null ? null : figures.get(name);
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static void text(XMLStreamWriter xml, String namespace, String name, String value)
            throws XMLStreamException {
        xml.writeStartElement(namespace, name);
        xml.writeCharacters(value == null ? "" : value);
        xml.writeEndElement();
    }
}

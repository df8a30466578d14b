package org.travesia.query.risk;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.bson.Document;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;
import org.travesia.kernel.incident.Corroboration;
import org.travesia.kernel.incident.IncidentAmended;
import org.travesia.kernel.incident.IncidentFacts;
import org.travesia.kernel.incident.IncidentMarkedAsDuplicate;
import org.travesia.kernel.incident.IncidentReported;
import org.travesia.kernel.incident.IncidentRetracted;
import org.travesia.kernel.incident.IncidentRouteDerived;
import org.travesia.kernel.incident.IncidentRouteOverridden;
import org.travesia.kernel.incident.IncidentVerified;
import org.travesia.kernel.incident.MmpRecordImported;
import org.travesia.kernel.incident.PartnerReadConsent;
import org.travesia.kernel.incident.RouteAssignment;
import org.travesia.kernel.incident.SharingChanged;
import org.travesia.kernel.incident.SourceAttached;
import org.travesia.kernel.missing.MissingPersonReported;
import org.travesia.platform.viewwrites.ViewWritesPerBatch;

/**
 * Keeps the risk buckets ({@link RiskBuckets}) up to date from incident events, and counts the missing-person cases
 * opened ({@link CaseContribution}), with no recomputation: each incident event changes the incident's state, and the
 * buckets lose what it contributed before and gain what it contributes now (an amendment moves it from one day or
 * type to another; a retraction or a duplicate mark takes it out). Source quality is the effective quality of the
 * reported and attached sources, as the incident view computes it. An event at or below the last sequence applied to
 * the incident is a redelivery and changes nothing; a replay starts from empty buckets ({@code @ResetHandler}) and
 * ends with the same figures.
 * <p>
 * The buckets are written before the incident's state, without a transaction: if the service dies between the two,
 * the event comes again to an incident state that does not know it, and each bucket document, marked with the
 * event it took ({@link RiskBuckets#move}), refuses it a second time.
 */
@Component
@ProcessingGroup(RiskProjection.PROCESSING_GROUP)
class RiskProjection {

    static final String PROCESSING_GROUP = "route-risk";

    /** Its processor sends a batch's writes when the batch ends, before it stores its token. */
    @Bean
    static ConfigurerModule writesPerBatchOfRouteRisk() {
        return ViewWritesPerBatch.on(List.of(PROCESSING_GROUP));
    }

    private final RiskBuckets buckets;

    RiskProjection(RiskBuckets buckets) {
        this.buckets = buckets;
    }

    @EventHandler
    void on(IncidentReported event, @SequenceNumber long sequence) {
        if (buckets.incident(event.incidentId(), sequence) != null) {
            return;
        }
        Document incident = new Document("_id", event.incidentId()).append("sequence", -1L)
                .append("organisation", event.organisation()).append("sharing", event.sharing())
                .append("verified", false).append("duplicate", false).append("retracted", false)
                .append("reportedRoute", event.details().routeId())
                .append("reportedSegment", event.details().segmentId())
                .append("sources", new ArrayList<Document>());
        withFacts(incident, event.details(), null);
        if (event.details().source() != null) {
            incident.getList("sources", Document.class).add(source(event.details().source()));
        }
        apply(incident, sequence);
    }

    @EventHandler
    void on(IncidentAmended event, @SequenceNumber long sequence) {
        change(event.incidentId(), sequence, incident -> {
            withFacts(incident, event.changes(), event.changedFields());
            if (event.changedFields().contains("routeId")) {
                incident.append("reportedRoute", event.changes().routeId());
            }
            if (event.changedFields().contains("segmentId")) {
                incident.append("reportedSegment", event.changes().segmentId());
            }
        });
    }

    /** MMP's record: its licence stands in for consent, for the figures as for the read scope. */
    @EventHandler
    void on(MmpRecordImported event, @SequenceNumber long sequence) {
        change(event.incidentId(), sequence,
                incident -> incident.append("licensed", PartnerReadConsent.licensed(event.record())));
    }

    @EventHandler
    void on(SourceAttached event, @SequenceNumber long sequence) {
        change(event.incidentId(), sequence, incident -> {
            List<Document> sources = new ArrayList<>(incident.getList("sources", Document.class));
            sources.add(source(event.source()));
            incident.append("sources", sources);
        });
    }

    @EventHandler
    void on(IncidentVerified event, @SequenceNumber long sequence) {
        change(event.incidentId(), sequence, incident -> incident.append("verified", true));
    }

    @EventHandler
    void on(IncidentMarkedAsDuplicate event, @SequenceNumber long sequence) {
        change(event.incidentId(), sequence, incident -> incident.append("duplicate", true));
    }

    @EventHandler
    void on(IncidentRetracted event, @SequenceNumber long sequence) {
        change(event.incidentId(), sequence, incident -> incident.append("retracted", true));
    }

    @EventHandler
    void on(SharingChanged event, @SequenceNumber long sequence) {
        change(event.incidentId(), sequence, incident -> incident.append("sharing", event.to()));
    }

    @EventHandler
    void on(IncidentRouteDerived event, @SequenceNumber long sequence) {
        change(event.incidentId(), sequence, incident -> incident.append("derivedRoute", event.routeId())
                .append("derivedSegment", event.segmentId()));
    }

    @EventHandler
    void on(IncidentRouteOverridden event, @SequenceNumber long sequence) {
        change(event.incidentId(), sequence, incident -> incident.append("overriddenRoute", event.routeId())
                .append("overriddenSegment", event.segmentId()));
    }

    /**
     * A missing-person case opened counts once, where and when the person was last seen; nothing later changes that
     * (a case's last-seen route and date and its sharing level are never amended, and an erasure keeps them).
     */
    @EventHandler
    void on(MissingPersonReported event, @SequenceNumber long sequence) {
        if (buckets.caseCounted(event.caseId())) {
            return;
        }
        CaseContribution opened = CaseContribution.of(event.organisation(), event.sharing(), event.lastSeen());
        String mark = RiskBuckets.caseMark(event.caseId());
        if (opened != null) {
            buckets.move(mark, sequence, null, opened);
        }
        buckets.saveCase(event.caseId(), sequence);
        if (opened != null) {
            buckets.settle(mark, sequence, null, opened);
        }
    }

    @ResetHandler
    void reset() {
        buckets.deleteAll();
    }

    private void change(String incidentId, long sequence, Consumer<Document> change) {
        Document incident = buckets.incident(incidentId, sequence);
        if (incident == null || sequence <= incident.getLong("sequence")) {
            return;
        }
        change.accept(incident);
        apply(incident, sequence);
    }

    private void apply(Document incident, long sequence) {
        RiskContribution before = RiskContribution.of(incident.get("contribution", Document.class));
        RiskContribution after = contribution(incident);
        boolean moved = !Objects.equals(before, after);
        String incidentId = incident.getString("_id");
        if (moved) {
            buckets.move(RiskBuckets.incidentMark(incidentId), sequence, before, after);
        }
        buckets.saveIncident(incident.append("sequence", sequence)
                .append("contribution", after == null ? null : after.toDocument()));
        if (moved) {
            buckets.settle(RiskBuckets.incidentMark(incidentId), sequence, before, after);
        }
    }

    /** What the incident counts for now: nothing when it is a duplicate, retracted, or has no route or date. */
    static RiskContribution contribution(Document incident) {
        RouteAssignment at = RouteAssignment.effective(
                RouteAssignment.analyst(incident.getString("overriddenRoute"), incident.getString("overriddenSegment")),
                RouteAssignment.reported(incident.getString("reportedRoute"), incident.getString("reportedSegment")),
                RouteAssignment.derived(incident.getString("derivedRoute"), incident.getString("derivedSegment")));
        LocalDate day = RiskContribution.day(incident.getString("occurredAt"));
        if (at.routeId() == null || day == null || incident.getBoolean("duplicate")
                || incident.getBoolean("retracted")) {
            return null;
        }
        List<IncidentFacts.Source> sources = incident.getList("sources", Document.class).stream()
                .map(s -> new IncidentFacts.Source(s.getString("type"), s.getInteger("quality"), null)).toList();
        boolean verified = incident.getBoolean("verified");
        long qualityWeight = Math.round(100 * RiskIndex.quality(verified, Corroboration.effectiveQuality(sources)));
        String type = incident.getString("type") == null ? "UNKNOWN" : incident.getString("type");
        return new RiskContribution(at.routeId(), at.segmentId() == null ? RiskContribution.NO_SEGMENT : at.segmentId(),
                RiskContribution.organisationKey(incident.getString("organisation")), incident.getString("sharing"),
                Boolean.TRUE.equals(incident.getBoolean("partnerConsent"))
                        || Boolean.TRUE.equals(incident.getBoolean("licensed")), type, verified, day,
                RiskContribution.metrics(incident.getInteger("dead"), incident.getInteger("missing"),
                        incident.getInteger("injured"), qualityWeight));
    }

    private static void withFacts(Document incident, IncidentFacts facts, List<String> changed) {
        if (changed == null || changed.contains("type")) {
            incident.append("type", facts.type());
        }
        if (changed == null || changed.contains("occurredAt")) {
            incident.append("occurredAt", facts.occurredAt());
        }
        if (changed == null || changed.contains("affected")) {
            IncidentFacts.Affected affected = facts.affected();
            incident.append("dead", affected == null ? null : affected.dead())
                    .append("missing", affected == null ? null : affected.missing())
                    .append("injured", affected == null ? null : affected.injured());
        }
        if (changed == null || changed.contains("consent")) {
            incident.append("partnerConsent", PartnerReadConsent.givenIn(facts.consent()));
        }
    }

    private static Document source(IncidentFacts.Source source) {
        return new Document("type", source.type()).append("quality", source.quality());
    }
}

package org.travesia.kernel;

import java.util.List;

import org.travesia.kernel.alert.AlertRuleSet;
import org.travesia.kernel.alert.RouteAlertAcknowledged;
import org.travesia.kernel.alert.RouteAlertRaised;
import org.travesia.kernel.alert.RouteAlertResolved;
import org.travesia.kernel.incident.IncidentAmended;
import org.travesia.kernel.incident.IncidentFreeTextRedacted;
import org.travesia.kernel.incident.IncidentMarkedAsDuplicate;
import org.travesia.kernel.incident.IncidentReported;
import org.travesia.kernel.incident.IncidentRetracted;
import org.travesia.kernel.incident.IncidentRouteDerived;
import org.travesia.kernel.incident.IncidentRouteOverridden;
import org.travesia.kernel.incident.IncidentVerified;
import org.travesia.kernel.incident.MmpRecordImported;
import org.travesia.kernel.incident.SharingChanged;
import org.travesia.kernel.incident.SourceAttached;
import org.travesia.kernel.missing.IncidentLinkedToCase;
import org.travesia.kernel.missing.IncidentUnlinkedFromCase;
import org.travesia.kernel.missing.MissingPersonCaseClosed;
import org.travesia.kernel.missing.MissingPersonCaseReopened;
import org.travesia.kernel.missing.MissingPersonFoundAlive;
import org.travesia.kernel.missing.MissingPersonFoundDeceased;
import org.travesia.kernel.missing.MissingPersonReported;
import org.travesia.kernel.missing.PersonalDataErased;
import org.travesia.kernel.missing.SightingRecorded;
import org.travesia.kernel.route.RouteDefined;
import org.travesia.kernel.route.SegmentAdded;
import org.travesia.kernel.route.SegmentRedrawn;
import org.travesia.kernel.route.SegmentRetired;

/**
 * Every event Travesía stores: the source of truth of the event registry. An event class missing here can be neither
 * written nor read; a stored name missing here stops the reader, loudly, at its position. Each class carries its
 * stable name and revision ({@link org.travesia.kernel.contract.EventType}).
 */
public final class EventCatalogue {

    public static final List<Class<? extends Record>> EVENTS = List.of(
            IncidentReported.class,
            IncidentAmended.class,
            SourceAttached.class,
            IncidentVerified.class,
            IncidentMarkedAsDuplicate.class,
            IncidentRetracted.class,
            SharingChanged.class,
            IncidentRouteDerived.class,
            IncidentRouteOverridden.class,
            RouteDefined.class,
            SegmentAdded.class,
            SegmentRedrawn.class,
            SegmentRetired.class,
            AlertRuleSet.class,
            RouteAlertRaised.class,
            RouteAlertAcknowledged.class,
            RouteAlertResolved.class,
            IncidentFreeTextRedacted.class,
            MissingPersonReported.class,
            SightingRecorded.class,
            IncidentLinkedToCase.class,
            IncidentUnlinkedFromCase.class,
            MissingPersonFoundAlive.class,
            MissingPersonFoundDeceased.class,
            MissingPersonCaseClosed.class,
            MissingPersonCaseReopened.class,
            PersonalDataErased.class,
            MmpRecordImported.class);

    private EventCatalogue() {
    }
}

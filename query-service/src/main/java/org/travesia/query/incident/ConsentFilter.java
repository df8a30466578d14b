package org.travesia.query.incident;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.travesia.kernel.common.Actor;
import org.travesia.kernel.common.ConsentUse;
import org.travesia.query.incident.api.RequiredConsent;

import com.mongodb.client.model.Filters;

/**
 * The incidents that carry the consent a selection requires, as a MongoDB filter on incident documents (or, with the
 * prefix {@code state.}, on the states kept in {@code incident_history}), so that what lacks it is withheld inside the
 * query and can be counted there. Consent counts only where it was obtained and names every use required; an
 * incident whose source carries a licence (a public dataset's) needs none. The same rule is applied in memory
 * ({@link #carries}) to a document already fetched; a test holds the two together.
 */
final class ConsentFilter {

    private ConsentFilter() {
    }

    static Bson of(RequiredConsent required, Actor reader, String prefix) {
        if (required.isNone()) {
            return Filters.empty();
        }
        List<Bson> allowed = new ArrayList<>();
        allowed.add(licensed(prefix));
        allowed.add(consentsTo(required.all(), prefix));
        if (!required.ofOtherOrganisations().isEmpty()) {
            allowed.add(Filters.and(Filters.eq(prefix + IncidentDocument.ORGANISATION, reader.organisation()),
                    consentsTo(required.ofEveryReport(), prefix)));
        }
        return Filters.or(allowed);
    }

    /** The incidents {@link #of} leaves out. */
    static Bson lacking(RequiredConsent required, Actor reader, String prefix) {
        return Filters.nor(of(required, reader, prefix));
    }

    /** Whether {@code incident} (a document of {@code incidents} or a kept state) carries what is required. */
    static boolean carries(RequiredConsent required, Actor reader, Document incident) {
        Document details = incident.get(IncidentDocument.DETAILS, Document.class);
        Document consent = details == null ? null : details.get("consent", Document.class);
        return required.metBy(reader.organisation().equals(incident.getString(IncidentDocument.ORGANISATION)),
                consent == null ? null : consent.get("obtained") instanceof Boolean obtained ? obtained : null,
                usesOf(consent == null ? null : consent.get("uses")),
                details != null && IncidentDocument.licence(incident) != null);
    }

    /** Uses as stored: a list of names, or (as a query matches it too) a single name. */
    private static List<String> usesOf(Object uses) {
        if (uses instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return uses instanceof String use ? List.of(use) : null;
    }

    /** A licence is a non-empty text: anything else (an empty string, a number, null) stands in for nothing. */
    private static Bson licensed(String prefix) {
        return Filters.and(Filters.type(prefix + IncidentDocument.LICENCE, "string"),
                Filters.ne(prefix + IncidentDocument.LICENCE, ""));
    }

    private static Bson consentsTo(Set<ConsentUse> uses, String prefix) {
        if (uses.isEmpty()) {
            return Filters.empty();
        }
        return Filters.and(Filters.eq(prefix + IncidentDocument.CONSENT_OBTAINED, true),
                Filters.all(prefix + IncidentDocument.CONSENT_USES, uses.stream().map(ConsentUse::name).toList()));
    }
}

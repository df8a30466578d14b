package org.travesia.query.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.travesia.kernel.common.Actor;
import org.travesia.kernel.common.Role;
import org.travesia.platform.privacy.DataSubject;
import org.travesia.platform.privacy.SubjectOpener;
import org.travesia.platform.privacy.SubjectSealer;
import org.travesia.platform.testing.TestPrivacy;

/**
 * A history entry's free text is opened only when its values are shown: shown, the reason and the changes read in
 * the clear, or as redacted once shredded; not shown (the states were not shared then), the entry says only which
 * fields changed, and nothing about the text, not even that it was redacted.
 */
class HistoryEntryFreeTextTest {

    private static final Actor OWNER = new Actor("ana", "org-a", Set.of(Role.ANALYST));
    private static final Actor PARTNER = new Actor("olga", "org-b", Set.of(Role.ANALYST));

    private static TestPrivacy privacy;

    @BeforeAll
    static void start() {
        privacy = TestPrivacy.inMemory();
    }

    @AfterAll
    static void stop() {
        privacy.close();
    }

    @Test
    void shownTheTextIsOpened() {
        Document entry = amended("i-shown");

        Map<String, Object> view = IncidentView.historyEntry(entry, OWNER, true, true, opener("i-shown"));

        assertThat(view.get("shared")).isEqualTo(true);
        assertThat(view.get("changedFields")).isEqualTo(List.of("description"));
        assertThat(view.get("reason")).isEqualTo("her sister called");
        assertThat(((Document) ((Document) view.get("changes")).get("description")).get("to"))
                .isEqualTo("two women taken");
        assertThat(view.get("redacted")).isEqualTo(List.of());
    }

    @Test
    void notShownNothingIsOpenedAndOnlyTheChangedFieldsAreSaid() {
        Document entry = amended("i-hidden");

        Map<String, Object> view = IncidentView.historyEntry(entry, PARTNER, false, false, opener("i-hidden"));

        assertThat(view.get("shared")).isEqualTo(false);
        assertThat(view.get("changedFields")).isEqualTo(List.of("description"));
        assertThat(view.get("reason")).isNull();
        assertThat(view.get("note")).isNull();
        assertThat(view.get("changes")).isNull();
        assertThat(view.get("redacted")).isEqualTo(List.of());
    }

    @Test
    void afterARedactionShownTextIsListedAsRedactedAndHiddenTextStillSaysNothing() {
        Document entry = amended("i-redacted");
        privacy.cipher().shred(DataSubject.incident("i-redacted"));

        Map<String, Object> shown = IncidentView.historyEntry(entry, OWNER, true, true, opener("i-redacted"));
        Map<String, Object> hidden = IncidentView.historyEntry(entry, PARTNER, false, false, opener("i-redacted"));

        assertThat(shown.get("reason")).isNull();
        assertThat(shown.get("redacted")).asList().contains("reason", "changes.description.to");
        assertThat(hidden.get("redacted")).isEqualTo(List.of());
        assertThat(hidden.get("changedFields")).isEqualTo(List.of("description"));
    }

    private static SubjectOpener opener(String incidentId) {
        return privacy.cipher().openerFor(DataSubject.incident(incidentId));
    }

    /** An amendment's entry as the projection records it: its reason and changed text sealed. */
    private static Document amended(String incidentId) {
        SubjectSealer sealer = privacy.cipher().sealerFor(DataSubject.incident(incidentId));
        return new Document(IncidentHistoryDocument.INCIDENT_ID, incidentId)
                .append(IncidentHistoryDocument.POSITION, 7L)
                .append(IncidentHistoryDocument.SEQUENCE, 1L)
                .append(IncidentHistoryDocument.EVENT, "IncidentAmended")
                .append(IncidentHistoryDocument.RECORDED_AT, new Date())
                .append(IncidentHistoryDocument.ACTOR, new Document(IncidentHistoryDocument.USER, "maria")
                        .append(IncidentHistoryDocument.ORGANISATION, "org-a"))
                .append(IncidentHistoryDocument.REASON, sealer.seal("reason", "her sister called"))
                .append(IncidentHistoryDocument.CHANGES, new Document("description",
                        new Document(IncidentHistoryDocument.FROM, sealer.seal("description", "two men taken"))
                                .append(IncidentHistoryDocument.TO, sealer.seal("description", "two women taken"))));
    }
}

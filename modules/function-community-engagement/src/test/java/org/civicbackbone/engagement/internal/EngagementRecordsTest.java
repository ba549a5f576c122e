package org.civicbackbone.engagement.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.civicbackbone.api.initiative.Sector;
import org.civicbackbone.api.store.BackboneStore;
import org.civicbackbone.api.store.GeneratedKey;
import org.civicbackbone.engagement.internal.Engagement.Kind;
import org.civicbackbone.engagement.internal.EngagementRecords.CommunicationRow;
import org.civicbackbone.engagement.internal.EngagementRecords.EventRow;
import org.civicbackbone.engagement.internal.EngagementRecords.ParticipationRow;
import org.civicbackbone.testkit.TestStore;
import org.junit.Test;

/** The engagement tables through their mapper on a real database: enums, dates, nulls, per initiative. */
public class EngagementRecordsTest {

    private static final Instant AT = Instant.parse("2026-04-01T09:30:00Z");

    private final BackboneStore store = TestStore.inMemory();

    {
        store.migrate(CommunityEngagement.MODULE, EngagementSchema.MIGRATIONS);
    }

    @Test
    public void communicationsAreWrittenAndReadBackByName() {
        long id = store.inTransaction(c -> {
            GeneratedKey key = new GeneratedKey();
            store.mapper(c, EngagementRecords.class).insertCommunication(key, "town", Kind.values()[0], "Spring news",
                    "body", "one\ntwo", null, "staff1", AT);
            store.mapper(c, EngagementRecords.class).insertCommunication(new GeneratedKey(), "elsewhere",
                    Kind.values()[0], "Other", "b", "", "Ann", "staff2", AT);
            return key.id();
        });
        store.inTransaction(c -> store.mapper(c, EngagementRecords.class).setStatementProposal(id, 7, null, 0));
        List<CommunicationRow> rows = store.read(c -> store.mapper(c, EngagementRecords.class).communications("town"));
        assertEquals(List.of(new CommunicationRow(id, Kind.values()[0], "Spring news", "body", "one\ntwo", null, null, 7L,
                "staff1", AT, 0)), rows);
        assertEquals("put to proposal 7 since it was read as a plain draft", 0, (int) store.inTransaction(c ->
                store.mapper(c, EngagementRecords.class).setPublished(id, AT.plusSeconds(60), null, 0)));
        assertEquals("edited since it was read", 0, (int) store.inTransaction(c -> store.mapper(c,
                EngagementRecords.class).setPublished(id, AT.plusSeconds(60), 7L, 1)));
        assertEquals(1, (int) store.inTransaction(c -> store.mapper(c, EngagementRecords.class).setPublished(id,
                AT.plusSeconds(60), 7L, 0)));
        assertEquals("published once", 0, (int) store.inTransaction(c -> store.mapper(c, EngagementRecords.class)
                .setPublished(id, AT.plusSeconds(90), 7L, 0)));
        assertEquals(AT.plusSeconds(60), store.read(c -> store.mapper(c, EngagementRecords.class).communications("town"))
                .get(0).publishedAt());
    }

    @Test
    public void eventsWithTheirParticipation() {
        long id = store.inTransaction(c -> {
            GeneratedKey key = new GeneratedKey();
            EngagementRecords records = store.mapper(c, EngagementRecords.class);
            records.insertEvent(key, "town", "Forum", LocalDate.of(2026, 3, 9), null, 640, "staff1");
            records.insertParticipation(key.id(), Sector.BUSINESS, 4);
            records.insertParticipation(key.id(), Sector.FUNDER, 3);
            return key.id();
        });
        List<EventRow> events = store.read(c -> store.mapper(c, EngagementRecords.class).events("town"));
        assertEquals(List.of(new EventRow(id, "Forum", LocalDate.of(2026, 3, 9), null, 640, "staff1")), events);
        assertNull(events.get(0).location());
        assertEquals(List.of(new ParticipationRow(id, Sector.BUSINESS, 4), new ParticipationRow(id, Sector.FUNDER, 3)),
                store.read(c -> store.mapper(c, EngagementRecords.class).participation("town")));
        assertEquals(0, store.read(c -> store.mapper(c, EngagementRecords.class).events("elsewhere")).size());
    }
}

package org.civicbackbone.engagement.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.civicbackbone.api.csv.CsvTable;
import org.civicbackbone.api.initiative.Sector;
import org.civicbackbone.engagement.internal.Engagement.Communication;
import org.civicbackbone.engagement.internal.Engagement.Event;
import org.civicbackbone.engagement.internal.Engagement.Overview;
import org.civicbackbone.engagement.internal.Engagement.Participation;
import org.civicbackbone.engagement.internal.Engagement.Status;

/** What the community engagement function reports: its overview and its CSV exports, from records already read. */
final class EngagementReports {

    private EngagementReports() {
    }

    /** Communications by status, participation by sector over the last year, and what needs attention. */
    static Overview overview(String initiativeId, List<Communication> communications, List<Event> events,
                             List<String> spokespeople, LocalDate today) {
        Map<Status, Long> byStatus = new EnumMap<>(Status.class);
        communications.forEach(m -> byStatus.merge(m.status(), 1L, Long::sum));
        List<Event> lastYear = events.stream().filter(e -> !e.heldOn().isBefore(today.minusYears(1))).toList();
        Map<Sector, Long> bySector = new EnumMap<>(Sector.class);
        for (Sector s : Sector.values()) {
            bySector.put(s, 0L);
        }
        lastYear.forEach(e -> e.participation().forEach(p -> bySector.merge(p.sector(), (long) p.count(), Long::sum)));
        long reached = lastYear.stream().mapToLong(Event::communityMembersReached).sum();
        List<String> attention = new ArrayList<>();
        communications.stream().filter(m -> m.status() == Status.STATEMENT_PROPOSED).forEach(m -> attention.add(
                "statement '" + m.title() + "' awaits a decision (proposal " + m.statementProposalId() + ")"));
        if (spokespeople.isEmpty()) {
            attention.add("nobody may speak for the initiative: no member sits on a body that decides on speaking on behalf");
        }
        if (lastYear.isEmpty()) {
            attention.add("no engagement event in the last twelve months");
        } else if (bySector.get(Sector.COMMUNITY_MEMBER) == 0) {
            attention.add("no community members or residents took part in an event in the last twelve months");
        }
        return new Overview(initiativeId, byStatus, lastYear.size(), bySector, reached, spokespeople, attention);
    }

    /** The communications as CSV, one row each. */
    static String communications(List<Communication> communications) {
        CsvTable csv = new CsvTable(List.of("id", "kind", "title", "status", "spokesperson", "key_messages",
                "statement_proposal", "published_at", "created_by"));
        for (Communication m : communications) {
            csv.row(m.id(), m.kind(), m.title(), m.status(), m.spokesperson(), String.join(" | ", m.keyMessages()),
                    m.statementProposalId(), m.publishedAt(), m.createdBy());
        }
        return csv.toString();
    }

    /** The events as CSV, one row each with a column per sector. */
    static String events(List<Event> events) {
        List<String> header = new ArrayList<>(List.of("id", "title", "held_on", "location", "participants",
                "community_members_reached"));
        Arrays.stream(Sector.values()).forEach(s -> header.add(s.name().toLowerCase()));
        CsvTable csv = new CsvTable(header);
        for (Event e : events) {
            List<Object> row = new ArrayList<>(List.of(e.id(), e.title(), e.heldOn(), e.location() == null ? "" : e.location(),
                    e.participants(), e.communityMembersReached()));
            for (Sector s : Sector.values()) {
                row.add(e.participation().stream().filter(p -> p.sector() == s).mapToInt(Participation::count).sum());
            }
            csv.row(row.toArray());
        }
        return csv.toString();
    }
}

package org.civicbackbone.engagement.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.civicbackbone.api.audit.AuditLog;
import org.civicbackbone.api.audit.Changes;
import org.civicbackbone.api.audit.RecordEdit;
import org.civicbackbone.api.audit.RecordEdits;
import org.civicbackbone.api.initiative.SameName;
import org.civicbackbone.api.initiative.Sector;
import org.civicbackbone.api.problem.Problem;
import org.civicbackbone.api.problem.ProblemException;
import org.civicbackbone.api.problem.RecordDays;
import org.civicbackbone.api.problem.Violation;
import org.civicbackbone.api.store.BackboneStore;
import org.civicbackbone.api.store.GeneratedKey;
import org.civicbackbone.engagement.internal.Engagement.Event;
import org.civicbackbone.engagement.internal.Engagement.EventSpec;
import org.civicbackbone.engagement.internal.Engagement.Participation;

/**
 * The rules of engagement events: recorded once they have taken place, each sector counted once, and each event
 * once (its title on its day), since the reports add up every event's participants; corrected under the same rules.
 */
record EngagementEvents(BackboneStore store, AuditLog audit, RecordEdits<EngagementRecords> edits) {

    List<Event> all(String initiativeId) {
        return store.read(c -> all(records(c), initiativeId));
    }

    /** The initiative's events with their participation, read through {@code records}: two queries. */
    private static List<Event> all(EngagementRecords records, String initiativeId) {
        Map<Long, List<Participation>> participation = new LinkedHashMap<>();
        records.participation(initiativeId).forEach(p -> participation.computeIfAbsent(p.eventId(),
                k -> new ArrayList<>()).add(new Participation(p.sector(), p.participants())));
        return records.events(initiativeId).stream().map(row -> {
            List<Participation> of = participation.getOrDefault(row.id(), List.of());
            return new Event(row.id(), initiativeId, row.title(), row.heldOn(), row.location(), of,
                    of.stream().mapToInt(Participation::count).sum(), row.communityMembersReached(), row.recordedBy());
        }).toList();
    }

    Event one(String initiativeId, long id) {
        return all(initiativeId).stream().filter(e -> e.id() == id).findFirst().orElseThrow(() ->
                new ProblemException(Problem.notFound("Initiative '" + initiativeId + "' has no event " + id + ".")));
    }

    /** Records a checked event; a second record of one (a second click, a colleague entering it too) is refused. */
    Event record(String initiativeId, EventSpec spec, String actor) {
        refuseIfWrong(spec);
        String title = spec.title().strip();
        long id = store.inTurn(CommunityEngagement.MODULE, initiativeId, c -> {
            refuseRecorded(records(c), initiativeId, spec, null);
            GeneratedKey key = new GeneratedKey();
            records(c).insertEvent(key, initiativeId, title, spec.heldOn(), spec.location(),
                    spec.communityMembersReached(), actor);
            long created = key.id();
            for (Participation p : spec.participation()) {
                records(c).insertParticipation(created, p.sector(), p.count());
            }
            audit.record(c, actor, initiativeId, CommunityEngagement.MODULE, "event.record", "event " + created + " '"
                    + title + "' on " + spec.heldOn());
            return created;
        });
        // what was written, as written: reading every event again would only find it
        return new Event(id, initiativeId, title, spec.heldOn(), spec.location(), spec.participation(),
                spec.participation().stream().mapToInt(Participation::count).sum(), spec.communityMembersReached(), actor);
    }

    /**
     * Corrects a recorded event to what {@code spec} says (a count mistyped, a day misremembered), checked as a new
     * one is; its participation is replaced whole. The audit log says what changed. Returns whether anything did.
     */
    boolean correct(String initiativeId, Event event, EventSpec spec, String actor) {
        refuseIfWrong(spec);
        String title = spec.title().strip();
        return edits.edit(initiativeId, actor, "event.correct", records -> {
            // compared with the event as it is now: a correction sent at the same moment is the "before" of this one
            Event now = all(records, initiativeId).stream().filter(e -> e.id() == event.id()).findFirst()
                    .orElseThrow(RecordEdits.gone("Event '" + event.title() + "'"));
            return new RecordEdit("event " + event.id(), new Changes().quoted("title", now.title(), title)
                    .shown("held on", now.heldOn(), spec.heldOn())
                    .named("location", now.location(), spec.location())
                    .shown("participants", now.participants(), spec.participation().stream()
                            .mapToInt(Participation::count).sum())
                    .named("participation by sector", Set.copyOf(now.participation()), Set.copyOf(spec.participation()))
                    .shown("community members reached", now.communityMembersReached(), spec.communityMembersReached()),
                    () -> {
                        refuseRecorded(records, initiativeId, spec, event.id());
                        records.updateEvent(event.id(), title, spec.heldOn(), spec.location(),
                                spec.communityMembersReached());
                        records.deleteParticipation(event.id());
                        for (Participation p : spec.participation()) {
                            records.insertParticipation(event.id(), p.sector(), p.count());
                        }
                    });
        });
    }

    /** Refuses (400, each field with its reason) a sector counted twice, or a day to come or out of the records' years. */
    private static void refuseIfWrong(EventSpec spec) {
        List<Violation> violations = new ArrayList<>();
        Set<Sector> seen = EnumSet.noneOf(Sector.class);
        for (int i = 0; i < spec.participation().size(); i++) {
            if (!seen.add(spec.participation().get(i).sector())) {
                violations.add(new Violation("participation[" + i + "].sector", spec.participation().get(i).sector()
                        + " appears twice"));
            }
        }
        if (spec.heldOn().isAfter(RecordDays.latestToday())) {
            violations.add(new Violation("heldOn", "an event is recorded once it has taken place"));
        }
        violations.addAll(RecordDays.outsideYears("heldOn", spec.heldOn()));
        ProblemException.refuseIfAny(violations);
    }

    /** Refuses (409 naming {@code title}) the title of an event recorded that day, other than {@code self}. */
    private static void refuseRecorded(EngagementRecords records, String initiativeId, EventSpec spec, Long self) {
        for (EngagementRecords.EventRow recorded : records.events(initiativeId)) {
            if (!Long.valueOf(recorded.id()).equals(self) && recorded.heldOn().equals(spec.heldOn())
                    && SameName.of(recorded.title(), spec.title())) {
                throw new ProblemException(Problem.conflict("'" + recorded.title() + "' on " + recorded.heldOn()
                        + " is recorded already (event " + recorded.id() + ", by " + recorded.recordedBy() + ").",
                        List.of(new Violation("title", "recorded on " + recorded.heldOn() + " already, as event "
                                + recorded.id()))));
            }
        }
    }

    private EngagementRecords records(java.sql.Connection c) {
        return store.mapper(c, EngagementRecords.class);
    }
}

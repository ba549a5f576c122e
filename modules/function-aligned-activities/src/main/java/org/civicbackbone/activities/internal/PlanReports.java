package org.civicbackbone.activities.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.civicbackbone.activities.internal.JointPlan.ActionItem;
import org.civicbackbone.activities.internal.JointPlan.Activity;
import org.civicbackbone.activities.internal.JointPlan.ActivityStatus;
import org.civicbackbone.activities.internal.JointPlan.Alignment;
import org.civicbackbone.activities.internal.JointPlan.Attendee;
import org.civicbackbone.activities.internal.JointPlan.GroupMember;
import org.civicbackbone.activities.internal.JointPlan.GroupRole;
import org.civicbackbone.activities.internal.JointPlan.Material;
import org.civicbackbone.activities.internal.JointPlan.Meeting;
import org.civicbackbone.activities.internal.JointPlan.Overlap;
import org.civicbackbone.activities.internal.JointPlan.Overview;
import org.civicbackbone.activities.internal.JointPlan.Share;
import org.civicbackbone.activities.internal.JointPlan.WorkingGroup;
import org.civicbackbone.api.agenda.GoalRef;
import org.civicbackbone.api.csv.CsvTable;

/** What the joint plan reports, from records alone: alignment to the agenda, the overview and the CSV exports. */
final class PlanReports {

    private PlanReports() {
    }

    /** When a meeting's materials are due: the initiative's number of days before it is held. */
    static Instant materialsDue(Instant heldAt, int daysBefore) {
        return heldAt.minus(Duration.ofDays(daysBefore));
    }

    /** Gaps, overlaps and shares over the active activities; {@code goals} null or empty when unknown. */
    static Alignment alignment(String initiativeId, List<Activity> all, List<GoalRef> goals) {
        List<Activity> active = all.stream().filter(a -> a.status().active()).toList();
        boolean known = goals != null && !goals.isEmpty();
        Map<Integer, String> titles = new TreeMap<>();
        if (known) {
            goals.forEach(g -> titles.put(g.number(), g.title()));
        }
        List<String> gaps = new ArrayList<>();
        if (known) {
            for (GoalRef g : goals) {
                if (active.stream().noneMatch(a -> a.goalNumbers().contains(g.number()))) {
                    gaps.add("goal " + g.number() + " '" + g.title() + "'");
                }
            }
        }
        Map<Integer, List<Activity>> byGoal = new TreeMap<>();
        active.forEach(a -> a.goalNumbers().forEach(n -> byGoal.computeIfAbsent(n, k -> new ArrayList<>()).add(a)));
        List<Overlap> overlaps = new ArrayList<>();
        byGoal.forEach((goal, activities) -> {
            Set<String> organisations = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
            activities.forEach(a -> organisations.add(a.ownerOrganisation()));
            if (organisations.size() > 1) {
                overlaps.add(new Overlap(goal, titles.get(goal), List.copyOf(organisations),
                        activities.stream().map(Activity::id).toList()));
            }
        });
        Map<String, Integer> counts = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        active.forEach(a -> counts.merge(a.ownerOrganisation(), 1, Integer::sum));
        List<Share> shares = counts.entrySet().stream()
                .map(e -> new Share(e.getKey(), e.getValue(), (int) Math.round(100.0 * e.getValue() / active.size())))
                .sorted((a, b) -> b.activities() - a.activities()).toList();
        List<Integer> unknownGoals = known ? byGoal.keySet().stream().filter(n -> !titles.containsKey(n)).toList() : List.of();
        return new Alignment(initiativeId, known, gaps, overlaps, shares, unknownGoals);
    }

    static Overview overview(String initiativeId, List<Activity> activities, List<WorkingGroup> groups,
                             List<Meeting> meetings, int days, Alignment alignment, Instant now) {
        Map<ActivityStatus, Long> byStatus = new EnumMap<>(ActivityStatus.class);
        activities.forEach(a -> byStatus.merge(a.status(), 1L, Long::sum));
        List<String> attention = new ArrayList<>();
        if (!alignment.goalsKnown()) {
            attention.add("gaps unknown: no adopted common agenda (or vision and strategy is not installed)");
        }
        alignment.gaps().forEach(g -> attention.add("nobody works on " + g));
        alignment.overlaps().forEach(o -> attention.add("goal " + o.goal() + ": " + String.join(", ", o.organisations())
                + " work on it; check for duplication"));
        alignment.unknownGoals().forEach(n -> attention.add("activities link goal " + n + ", which the adopted agenda does not have"));
        groups.stream().filter(g -> g.members().stream().noneMatch(m -> m.role() == GroupRole.CO_CHAIR))
                .forEach(g -> attention.add("working group '" + g.name() + "' has no co-chair"));
        groups.forEach(g -> attention.addAll(missedMeetings(g, meetings)));
        int upcoming = 0;
        for (Meeting m : meetings) {
            if (m.heldAt().isAfter(now)) {
                upcoming++;
                if (!m.materialsDue().isAfter(now) && m.materials().isEmpty()) {
                    attention.add("meeting '" + m.title() + "': materials were due " + m.materialsDue() + " and none are out");
                }
            }
            m.materials().stream().filter(Material::late).forEach(x -> attention.add("meeting '" + m.title()
                    + "': '" + x.title() + "' went out late"));
            if (m.heldAt().isBefore(now) && m.minutes() == null) {
                attention.add("meeting '" + m.title() + "' has no minutes");
            }
        }
        List<ActionItem> open = meetings.stream().flatMap(m -> m.actionItems().stream()).filter(a -> a.doneOn() == null).toList();
        open.stream().filter(ActionItem::overdue).forEach(a -> attention.add("action overdue since " + a.dueOn() + ": "
                + a.owner() + ", " + a.description()));
        return new Overview(initiativeId, byStatus, groups.size(), upcoming, open.size(), days, alignment, attention);
    }

    /** How many of their group's last meetings in a row a member may miss before a co-chair should ask why. */
    static final int MISSED_IN_A_ROW = 3;

    /**
     * The group's members who missed its last {@value #MISSED_IN_A_ROW} meetings they were expected at, among those
     * whose attendance is recorded (meetings come newest first).
     */
    static List<String> missedMeetings(WorkingGroup group, List<Meeting> meetings) {
        List<Meeting> recorded = meetings.stream().filter(m -> Long.valueOf(group.id()).equals(m.workingGroupId())
                && m.attendance() != null && m.attendance().recorded()).toList();
        List<String> missed = new ArrayList<>();
        for (GroupMember member : group.members()) {
            List<Meeting> expected = recorded.stream().filter(m -> m.attendance().members().stream()
                    .anyMatch(a -> a.memberId() == member.id())).limit(MISSED_IN_A_ROW).toList();
            if (expected.size() == MISSED_IN_A_ROW && expected.stream().allMatch(m -> m.attendance().absent().stream()
                    .anyMatch(a -> a.memberId() == member.id()))) {
                missed.add("working group '" + group.name() + "': " + member.person() + " missed its last "
                        + MISSED_IN_A_ROW + " meetings");
            }
        }
        return missed;
    }

    static String activities(List<Activity> activities) {
        CsvTable csv = new CsvTable(List.of("id", "title", "owner_organisation", "goals", "start_on", "end_on", "status"));
        for (Activity a : activities) {
            csv.row(a.id(), a.title(), a.ownerOrganisation(), a.goalNumbers().stream().map(String::valueOf)
                    .collect(Collectors.joining(";")), a.startOn(), a.endOn(), a.status());
        }
        return csv.toString();
    }

    static String workingGroups(List<WorkingGroup> groups) {
        CsvTable csv = new CsvTable(List.of("group", "name", "purpose", "person", "organisation", "role", "joined_on",
                "left_on"));
        for (WorkingGroup g : groups) {
            if (g.members().isEmpty() && g.formerMembers().isEmpty()) {
                csv.row(g.id(), g.name(), g.purpose(), null, null, null, null, null);
            }
            // those in the group now, then those who left it: a row per membership, with its days
            for (GroupMember m : Stream.concat(g.members().stream(), g.formerMembers().stream()).toList()) {
                csv.row(g.id(), g.name(), g.purpose(), m.person(), m.organisation(), m.role(), m.joinedOn(), m.leftOn());
            }
        }
        return csv.toString();
    }

    /**
     * Who came to each meeting whose attendance is recorded, oldest first: a row per member it expected, and per
     * person recorded as present beyond them (a meeting moved since), with whether they came; each row says how many
     * others (guests) came to its meeting.
     */
    static String attendance(List<Meeting> meetings, List<WorkingGroup> groups) {
        Map<Long, String> names = groups.stream().collect(Collectors.toMap(WorkingGroup::id, WorkingGroup::name));
        CsvTable csv = new CsvTable(List.of("meeting", "meeting_title", "held_at", "working_group", "member", "person",
                "organisation", "present", "guests"));
        for (int i = meetings.size() - 1; i >= 0; i--) { // meetings come newest first
            Meeting m = meetings.get(i);
            if (m.attendance() == null || !m.attendance().recorded()) {
                continue;
            }
            Set<Long> present = m.attendance().present().stream().map(Attendee::memberId).collect(Collectors.toSet());
            Map<Long, Attendee> everyone = new LinkedHashMap<>();
            Stream.concat(m.attendance().members().stream(), m.attendance().present().stream())
                    .forEach(a -> everyone.putIfAbsent(a.memberId(), a));
            everyone.values().forEach(a -> csv.row(m.id(), m.title(), m.heldAt(), names.get(m.workingGroupId()),
                    a.memberId(), a.person(), a.organisation(), present.contains(a.memberId()) ? "yes" : "no",
                    m.attendance().guests()));
        }
        return csv.toString();
    }

    static String actionItems(List<Meeting> meetings) {
        CsvTable csv = new CsvTable(List.of("meeting", "meeting_title", "held_at", "action", "owner", "due_on", "done_on",
                "overdue"));
        for (Meeting m : meetings) {
            for (ActionItem a : m.actionItems()) {
                csv.row(m.id(), m.title(), m.heldAt(), a.description(), a.owner(), a.dueOn(), a.doneOn(), a.overdue());
            }
        }
        return csv.toString();
    }
}

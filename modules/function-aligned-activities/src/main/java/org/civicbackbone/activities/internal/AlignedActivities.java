package org.civicbackbone.activities.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.civicbackbone.activities.internal.JointPlan.ActionItem;
import org.civicbackbone.activities.internal.JointPlan.ActionItemSpec;
import org.civicbackbone.activities.internal.JointPlan.Activity;
import org.civicbackbone.activities.internal.JointPlan.ActivitySpec;
import org.civicbackbone.activities.internal.JointPlan.ActivityStatus;
import org.civicbackbone.activities.internal.JointPlan.Alignment;
import org.civicbackbone.activities.internal.JointPlan.GroupMember;
import org.civicbackbone.activities.internal.JointPlan.GroupMemberSpec;
import org.civicbackbone.activities.internal.JointPlan.GroupRole;
import org.civicbackbone.activities.internal.JointPlan.Material;
import org.civicbackbone.activities.internal.JointPlan.MaterialSpec;
import org.civicbackbone.activities.internal.JointPlan.Meeting;
import org.civicbackbone.activities.internal.JointPlan.MeetingSpec;
import org.civicbackbone.activities.internal.JointPlan.MinutesSpec;
import org.civicbackbone.activities.internal.JointPlan.Overlap;
import org.civicbackbone.activities.internal.JointPlan.Overview;
import org.civicbackbone.activities.internal.JointPlan.Settings;
import org.civicbackbone.activities.internal.JointPlan.Share;
import org.civicbackbone.activities.internal.JointPlan.StatusSpec;
import org.civicbackbone.activities.internal.JointPlan.WorkingGroup;
import org.civicbackbone.activities.internal.JointPlan.WorkingGroupSpec;
import org.civicbackbone.api.agenda.GoalCatalogue;
import org.civicbackbone.api.agenda.GoalRef;
import org.civicbackbone.api.audit.AuditLog;
import org.civicbackbone.api.csv.CsvTable;
import org.civicbackbone.api.initiative.InitiativeService;
import org.civicbackbone.api.problem.InputValidator;
import org.civicbackbone.api.problem.Problem;
import org.civicbackbone.api.problem.ProblemException;
import org.civicbackbone.api.problem.Violation;
import org.civicbackbone.api.store.BackboneStore;
import org.civicbackbone.api.store.SchemaMigration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Supporting aligned activities: the joint plan of action (activities owned by partners, linked to goals of the
 * adopted common agenda), working groups with co-chairs, meetings with agendas, materials (flagged late after the
 * initiative's "materials out early" limit), minutes and action items, and the alignment view: goals nobody works
 * on, goals several partners work on, and each partner's share.
 */
@Component(service = AlignedActivities.class)
public class AlignedActivities {

    static final String FUNCTION_ID = "aligned-activities";
    static final String MODULE = "function-aligned-activities";
    static final int DEFAULT_MATERIALS_DAYS = 3;

    static final List<SchemaMigration> MIGRATIONS = List.of(new SchemaMigration(1, "plan, working groups, meetings", """
            CREATE TABLE aa_activity (
              id BIGINT AUTO_INCREMENT PRIMARY KEY,
              initiative_id VARCHAR(64) NOT NULL,
              title VARCHAR(300) NOT NULL,
              description VARCHAR(4000),
              owner_organisation VARCHAR(200) NOT NULL,
              goal_numbers VARCHAR(200) NOT NULL,
              start_on DATE NOT NULL,
              end_on DATE,
              status VARCHAR(10) NOT NULL,
              created_by VARCHAR(100) NOT NULL,
              created_at TIMESTAMP WITH TIME ZONE NOT NULL);
            CREATE TABLE aa_working_group (
              id BIGINT AUTO_INCREMENT PRIMARY KEY,
              initiative_id VARCHAR(64) NOT NULL,
              name VARCHAR(200) NOT NULL,
              purpose VARCHAR(2000),
              CONSTRAINT aa_working_group_name UNIQUE (initiative_id, name));
            CREATE TABLE aa_group_member (
              id BIGINT AUTO_INCREMENT PRIMARY KEY,
              group_id BIGINT NOT NULL REFERENCES aa_working_group(id),
              person VARCHAR(200) NOT NULL,
              organisation VARCHAR(200) NOT NULL,
              group_role VARCHAR(10) NOT NULL);
            CREATE TABLE aa_meeting (
              id BIGINT AUTO_INCREMENT PRIMARY KEY,
              initiative_id VARCHAR(64) NOT NULL,
              group_id BIGINT REFERENCES aa_working_group(id),
              title VARCHAR(300) NOT NULL,
              held_at TIMESTAMP WITH TIME ZONE NOT NULL,
              agenda VARCHAR(10000) NOT NULL,
              minutes CLOB);
            CREATE TABLE aa_material (
              id BIGINT AUTO_INCREMENT PRIMARY KEY,
              meeting_id BIGINT NOT NULL REFERENCES aa_meeting(id),
              title VARCHAR(300) NOT NULL,
              link VARCHAR(1000) NOT NULL,
              shared_at TIMESTAMP WITH TIME ZONE NOT NULL);
            CREATE TABLE aa_action_item (
              id BIGINT AUTO_INCREMENT PRIMARY KEY,
              meeting_id BIGINT NOT NULL REFERENCES aa_meeting(id),
              description VARCHAR(1000) NOT NULL,
              owner VARCHAR(200) NOT NULL,
              due_on DATE NOT NULL,
              done_on DATE);
            CREATE TABLE aa_setting (
              initiative_id VARCHAR(64) PRIMARY KEY,
              materials_days_before INT NOT NULL);
            CREATE TABLE aa_demo_loaded (
              initiative_id VARCHAR(64) PRIMARY KEY);
            """), new SchemaMigration(2, "indexes on every column the module looks rows up by", """
            CREATE INDEX aa_action_item_meeting_idx ON aa_action_item(meeting_id);
            CREATE INDEX aa_group_member_group_idx ON aa_group_member(group_id);
            CREATE INDEX aa_material_meeting_idx ON aa_material(meeting_id);
            CREATE INDEX aa_meeting_group_idx ON aa_meeting(group_id);
            CREATE INDEX aa_activity_initiative_idx ON aa_activity(initiative_id);
            CREATE INDEX aa_meeting_initiative_idx ON aa_meeting(initiative_id);
            """));

    private final BackboneStore store;
    private final AuditLog audit;
    private final InitiativeService initiatives;
    private final InputValidator validator;

    // optional and dynamic: vision and strategy may come and go while this module runs
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile GoalCatalogue goalCatalogue;

    @Activate
    public AlignedActivities(@Reference BackboneStore store, @Reference AuditLog audit,
                             @Reference InitiativeService initiatives, @Reference InputValidator validator) {
        this.store = store;
        this.audit = audit;
        this.initiatives = initiatives;
        this.validator = validator;
        store.migrate(MODULE, MIGRATIONS);
    }

    BackboneStore store() {
        return store;
    }

    private void require(String initiativeId) {
        initiatives.requireFunction(initiativeId, FUNCTION_ID);
    }

    // ---- activities

    public List<Activity> activities(String initiativeId) {
        require(initiativeId);
        return store.read(c -> {
            List<Activity> found = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT id, title, description, owner_organisation, goal_numbers, "
                    + "start_on, end_on, status FROM aa_activity WHERE initiative_id = ? ORDER BY id")) {
                p.setString(1, initiativeId);
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        List<Integer> goals = r.getString(5).isEmpty() ? List.of()
                                : Arrays.stream(r.getString(5).split(",")).map(Integer::valueOf).toList();
                        java.sql.Date end = r.getDate(7);
                        found.add(new Activity(r.getLong(1), initiativeId, r.getString(2), r.getString(3), r.getString(4),
                                goals, r.getDate(6).toLocalDate(), end == null ? null : end.toLocalDate(),
                                ActivityStatus.valueOf(r.getString(8))));
                    }
                }
            }
            return found;
        });
    }

    public Activity activity(String initiativeId, long id) {
        return activities(initiativeId).stream().filter(a -> a.id() == id).findFirst().orElseThrow(() ->
                new ProblemException(Problem.notFound("Initiative '" + initiativeId + "' has no activity " + id + ".")));
    }

    /** Adds an activity; goal numbers are checked against the adopted agenda when it is known. */
    public Activity addActivity(String initiativeId, ActivitySpec spec, String actor) {
        validator.validate(spec);
        require(initiativeId);
        List<Violation> violations = new ArrayList<>();
        if (spec.endOn() != null && spec.endOn().isBefore(spec.startOn())) {
            violations.add(new Violation("endOn", "ends before it starts (" + spec.startOn() + ")"));
        }
        List<GoalRef> goals = goals(initiativeId);
        if (goals != null && !goals.isEmpty()) {
            Set<Integer> known = goals.stream().map(GoalRef::number).collect(Collectors.toSet());
            for (int i = 0; i < spec.goalNumbers().size(); i++) {
                if (!known.contains(spec.goalNumbers().get(i))) {
                    violations.add(new Violation("goalNumbers[" + i + "]", "the adopted common agenda has no goal "
                            + spec.goalNumbers().get(i) + " (goals: " + known.stream().sorted().map(String::valueOf)
                            .collect(Collectors.joining(", ")) + ")"));
                }
            }
        }
        refuseIfAny(violations);
        long id = store.inTransaction(c -> {
            long created = Rows.insert(c, "INSERT INTO aa_activity (initiative_id, title, description, owner_organisation, "
                    + "goal_numbers, start_on, end_on, status, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    initiativeId, spec.title().strip(), spec.description(), spec.ownerOrganisation().strip(),
                    spec.goalNumbers().stream().distinct().map(String::valueOf).collect(Collectors.joining(",")),
                    spec.startOn(), spec.endOn(), ActivityStatus.PLANNED.name(), actor, Timestamp.from(Instant.now()));
            audit.record(c, actor, initiativeId, MODULE, "activity.add", "activity " + created + " '"
                    + spec.title().strip() + "' by " + spec.ownerOrganisation().strip());
            return created;
        });
        return activity(initiativeId, id);
    }

    public Activity setStatus(String initiativeId, long id, StatusSpec spec, String actor) {
        validator.validate(spec);
        activity(initiativeId, id);
        store.inTransaction(c -> {
            Rows.update(c, "UPDATE aa_activity SET status = ? WHERE id = ?", spec.status().name(), id);
            audit.record(c, actor, initiativeId, MODULE, "activity.status", "activity " + id + " " + spec.status());
            return null;
        });
        return activity(initiativeId, id);
    }

    // ---- working groups

    public List<WorkingGroup> workingGroups(String initiativeId) {
        require(initiativeId);
        return store.read(c -> {
            Map<Long, List<GroupMember>> members = new LinkedHashMap<>();
            try (PreparedStatement p = c.prepareStatement("SELECT m.group_id, m.person, m.organisation, m.group_role "
                    + "FROM aa_group_member m JOIN aa_working_group g ON g.id = m.group_id WHERE g.initiative_id = ? "
                    + "ORDER BY m.id")) {
                p.setString(1, initiativeId);
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        members.computeIfAbsent(r.getLong(1), k -> new ArrayList<>()).add(new GroupMember(r.getString(2),
                                r.getString(3), GroupRole.valueOf(r.getString(4))));
                    }
                }
            }
            List<WorkingGroup> groups = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement(
                    "SELECT id, name, purpose FROM aa_working_group WHERE initiative_id = ? ORDER BY name")) {
                p.setString(1, initiativeId);
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        groups.add(new WorkingGroup(r.getLong(1), initiativeId, r.getString(2), r.getString(3),
                                members.getOrDefault(r.getLong(1), List.of())));
                    }
                }
            }
            return groups;
        });
    }

    public WorkingGroup workingGroup(String initiativeId, long id) {
        return workingGroups(initiativeId).stream().filter(g -> g.id() == id).findFirst().orElseThrow(() ->
                new ProblemException(Problem.notFound("Initiative '" + initiativeId + "' has no working group " + id + ".")));
    }

    public WorkingGroup formGroup(String initiativeId, WorkingGroupSpec spec, String actor) {
        validator.validate(spec);
        String name = spec.name().strip();
        if (workingGroups(initiativeId).stream().anyMatch(g -> g.name().equalsIgnoreCase(name))) {
            throw new ProblemException(Problem.conflict("Initiative '" + initiativeId + "' already has a working group named '"
                    + name + "'."));
        }
        long id = store.inTransaction(c -> {
            long created = Rows.insert(c, "INSERT INTO aa_working_group (initiative_id, name, purpose) VALUES (?, ?, ?)",
                    initiativeId, name, spec.purpose());
            audit.record(c, actor, initiativeId, MODULE, "group.form", "working group " + created + " '" + name + "'");
            return created;
        });
        return workingGroup(initiativeId, id);
    }

    public WorkingGroup addGroupMember(String initiativeId, long groupId, GroupMemberSpec spec, String actor) {
        validator.validate(spec);
        WorkingGroup group = workingGroup(initiativeId, groupId);
        if (group.members().stream().anyMatch(m -> m.person().equalsIgnoreCase(spec.person().strip()))) {
            throw new ProblemException(Problem.conflict(spec.person().strip() + " is already in '" + group.name() + "'."));
        }
        store.inTransaction(c -> {
            Rows.insert(c, "INSERT INTO aa_group_member (group_id, person, organisation, group_role) VALUES (?, ?, ?, ?)",
                    groupId, spec.person().strip(), spec.organisation().strip(), spec.role().name());
            audit.record(c, actor, initiativeId, MODULE, "group.member", spec.person().strip() + " joins '" + group.name()
                    + "' as " + spec.role());
            return null;
        });
        return workingGroup(initiativeId, groupId);
    }

    // ---- settings and meetings

    public Settings settings(String initiativeId) {
        require(initiativeId);
        return new Settings(store.read(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT materials_days_before FROM aa_setting WHERE initiative_id = ?")) {
                p.setString(1, initiativeId);
                try (ResultSet r = p.executeQuery()) {
                    return r.next() ? r.getInt(1) : DEFAULT_MATERIALS_DAYS;
                }
            }
        }));
    }

    public Settings setSettings(String initiativeId, Settings spec, String actor) {
        validator.validate(spec);
        require(initiativeId);
        store.inTransaction(c -> {
            Rows.update(c, "MERGE INTO aa_setting (initiative_id, materials_days_before) KEY (initiative_id) VALUES (?, ?)",
                    initiativeId, spec.materialsDaysBefore());
            audit.record(c, actor, initiativeId, MODULE, "settings.set", "materials due " + spec.materialsDaysBefore()
                    + " days before meetings");
            return null;
        });
        return settings(initiativeId);
    }

    public List<Meeting> meetings(String initiativeId) {
        int days = settings(initiativeId).materialsDaysBefore();
        LocalDate today = LocalDate.now();
        return store.read(c -> {
            Map<Long, List<Object[]>> materials = new LinkedHashMap<>();
            try (PreparedStatement p = c.prepareStatement("SELECT m.meeting_id, m.id, m.title, m.link, m.shared_at FROM aa_material m "
                    + "JOIN aa_meeting g ON g.id = m.meeting_id WHERE g.initiative_id = ? ORDER BY m.id")) {
                p.setString(1, initiativeId);
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        materials.computeIfAbsent(r.getLong(1), k -> new ArrayList<>()).add(new Object[] {r.getLong(2),
                                r.getString(3), r.getString(4), r.getTimestamp(5).toInstant()});
                    }
                }
            }
            Map<Long, List<ActionItem>> actions = new LinkedHashMap<>();
            try (PreparedStatement p = c.prepareStatement("SELECT a.meeting_id, a.id, a.description, a.owner, a.due_on, a.done_on "
                    + "FROM aa_action_item a JOIN aa_meeting g ON g.id = a.meeting_id WHERE g.initiative_id = ? ORDER BY a.id")) {
                p.setString(1, initiativeId);
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        LocalDate due = r.getDate(5).toLocalDate();
                        java.sql.Date done = r.getDate(6);
                        actions.computeIfAbsent(r.getLong(1), k -> new ArrayList<>()).add(new ActionItem(r.getLong(2),
                                r.getLong(1), r.getString(3), r.getString(4), due, done == null ? null : done.toLocalDate(),
                                done == null && due.isBefore(today)));
                    }
                }
            }
            List<Meeting> meetings = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT id, group_id, title, held_at, agenda, minutes FROM aa_meeting "
                    + "WHERE initiative_id = ? ORDER BY held_at DESC, id DESC")) {
                p.setString(1, initiativeId);
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        long groupId = r.getLong(2);
                        Long group = r.wasNull() ? null : groupId;
                        Instant held = r.getTimestamp(4).toInstant();
                        Instant due = materialsDue(held, days);
                        List<Material> of = materials.getOrDefault(r.getLong(1), List.of()).stream()
                                .map(m -> new Material((Long) m[0], (String) m[1], (String) m[2], (Instant) m[3],
                                        ((Instant) m[3]).isAfter(due))).toList();
                        meetings.add(new Meeting(r.getLong(1), initiativeId, group, r.getString(3), held, r.getString(5),
                                r.getString(6), due, of, actions.getOrDefault(r.getLong(1), List.of())));
                    }
                }
            }
            return meetings;
        });
    }

    static Instant materialsDue(Instant heldAt, int daysBefore) {
        return heldAt.minus(Duration.ofDays(daysBefore));
    }

    public Meeting meeting(String initiativeId, long id) {
        return meetings(initiativeId).stream().filter(m -> m.id() == id).findFirst().orElseThrow(() ->
                new ProblemException(Problem.notFound("Initiative '" + initiativeId + "' has no meeting " + id + ".")));
    }

    public Meeting schedule(String initiativeId, MeetingSpec spec, String actor) {
        validator.validate(spec);
        if (spec.workingGroupId() != null && workingGroups(initiativeId).stream().noneMatch(g -> g.id() == spec.workingGroupId())) {
            refuseIfAny(List.of(new Violation("workingGroupId", "initiative '" + initiativeId + "' has no working group "
                    + spec.workingGroupId())));
        }
        require(initiativeId);
        long id = store.inTransaction(c -> {
            long created = Rows.insert(c, "INSERT INTO aa_meeting (initiative_id, group_id, title, held_at, agenda) "
                    + "VALUES (?, ?, ?, ?, ?)", initiativeId, spec.workingGroupId(), spec.title().strip(),
                    Timestamp.from(spec.heldAt()), spec.agenda());
            audit.record(c, actor, initiativeId, MODULE, "meeting.schedule", "meeting " + created + " '"
                    + spec.title().strip() + "' at " + spec.heldAt());
            return created;
        });
        return meeting(initiativeId, id);
    }

    /** Sends material for a meeting; material after the limit is kept and flagged late. */
    public Meeting addMaterial(String initiativeId, long meetingId, MaterialSpec spec, String actor) {
        validator.validate(spec);
        meeting(initiativeId, meetingId);
        store.inTransaction(c -> {
            Rows.insert(c, "INSERT INTO aa_material (meeting_id, title, link, shared_at) VALUES (?, ?, ?, ?)", meetingId,
                    spec.title().strip(), spec.link().strip(), Timestamp.from(Instant.now()));
            audit.record(c, actor, initiativeId, MODULE, "meeting.material", "'" + spec.title().strip() + "' for meeting "
                    + meetingId);
            return null;
        });
        return meeting(initiativeId, meetingId);
    }

    public Meeting recordMinutes(String initiativeId, long meetingId, MinutesSpec spec, String actor) {
        validator.validate(spec);
        Meeting meeting = meeting(initiativeId, meetingId);
        if (meeting.heldAt().isAfter(Instant.now())) {
            throw new ProblemException(Problem.conflict("Meeting " + meetingId + " has not been held yet (" + meeting.heldAt() + ")."));
        }
        store.inTransaction(c -> {
            Rows.update(c, "UPDATE aa_meeting SET minutes = ? WHERE id = ?", spec.minutes(), meetingId);
            audit.record(c, actor, initiativeId, MODULE, "meeting.minutes", "minutes of meeting " + meetingId);
            return null;
        });
        return meeting(initiativeId, meetingId);
    }

    public Meeting addActionItem(String initiativeId, long meetingId, ActionItemSpec spec, String actor) {
        validator.validate(spec);
        meeting(initiativeId, meetingId);
        store.inTransaction(c -> {
            Rows.insert(c, "INSERT INTO aa_action_item (meeting_id, description, owner, due_on) VALUES (?, ?, ?, ?)",
                    meetingId, spec.description().strip(), spec.owner().strip(), spec.dueOn());
            audit.record(c, actor, initiativeId, MODULE, "meeting.action", spec.owner().strip() + ": "
                    + spec.description().strip() + " by " + spec.dueOn());
            return null;
        });
        return meeting(initiativeId, meetingId);
    }

    public Meeting completeActionItem(String initiativeId, long meetingId, long itemId, String actor) {
        Meeting meeting = meeting(initiativeId, meetingId);
        ActionItem item = meeting.actionItems().stream().filter(a -> a.id() == itemId).findFirst().orElseThrow(() ->
                new ProblemException(Problem.notFound("Meeting " + meetingId + " has no action item " + itemId + ".")));
        if (item.doneOn() != null) {
            throw new ProblemException(Problem.conflict("Action item " + itemId + " was done on " + item.doneOn() + "."));
        }
        store.inTransaction(c -> {
            Rows.update(c, "UPDATE aa_action_item SET done_on = ? WHERE id = ?", LocalDate.now(), itemId);
            audit.record(c, actor, initiativeId, MODULE, "meeting.action.done", "action item " + itemId);
            return null;
        });
        return meeting(initiativeId, meetingId);
    }

    // ---- alignment, overview, exports

    /** The adopted agenda's goals, or null when the vision and strategy module is not installed. */
    private List<GoalRef> goals(String initiativeId) {
        GoalCatalogue catalogue = goalCatalogue;
        return catalogue == null ? null : catalogue.adoptedGoals(initiativeId);
    }

    public Alignment alignment(String initiativeId) {
        return alignment(initiativeId, activities(initiativeId), goals(initiativeId));
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

    public Overview overview(String initiativeId) {
        List<Activity> activities = activities(initiativeId);
        List<Meeting> meetings = meetings(initiativeId);
        List<WorkingGroup> groups = workingGroups(initiativeId);
        int days = settings(initiativeId).materialsDaysBefore();
        return overview(initiativeId, activities, groups, meetings, days, alignment(initiativeId, activities,
                goals(initiativeId)), Instant.now());
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

    public String exportActivities(String initiativeId) {
        CsvTable csv = new CsvTable(List.of("id", "title", "owner_organisation", "goals", "start_on", "end_on", "status"));
        for (Activity a : activities(initiativeId)) {
            csv.row(a.id(), a.title(), a.ownerOrganisation(), a.goalNumbers().stream().map(String::valueOf)
                    .collect(Collectors.joining(";")), a.startOn(), a.endOn(), a.status());
        }
        return csv.toString();
    }

    public String exportWorkingGroups(String initiativeId) {
        CsvTable csv = new CsvTable(List.of("group", "name", "purpose", "person", "organisation", "role"));
        for (WorkingGroup g : workingGroups(initiativeId)) {
            if (g.members().isEmpty()) {
                csv.row(g.id(), g.name(), g.purpose(), null, null, null);
            }
            for (GroupMember m : g.members()) {
                csv.row(g.id(), g.name(), g.purpose(), m.person(), m.organisation(), m.role());
            }
        }
        return csv.toString();
    }

    public String exportActionItems(String initiativeId) {
        CsvTable csv = new CsvTable(List.of("meeting", "meeting_title", "held_at", "action", "owner", "due_on", "done_on",
                "overdue"));
        for (Meeting m : meetings(initiativeId)) {
            for (ActionItem a : m.actionItems()) {
                csv.row(m.id(), m.title(), m.heldAt(), a.description(), a.owner(), a.dueOn(), a.doneOn(), a.overdue());
            }
        }
        return csv.toString();
    }

    private static void refuseIfAny(List<Violation> violations) {
        if (!violations.isEmpty()) {
            throw new ProblemException(Problem.invalid("The request cannot be carried out as sent.", violations));
        }
    }
}

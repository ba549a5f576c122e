package org.civicbackbone.activities.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import org.civicbackbone.activities.internal.JointPlan.ActionItemSpec;
import org.civicbackbone.activities.internal.JointPlan.ActivitySpec;
import org.civicbackbone.activities.internal.JointPlan.ActivityStatus;
import org.civicbackbone.activities.internal.JointPlan.AttendanceSpec;
import org.civicbackbone.activities.internal.JointPlan.GroupMember;
import org.civicbackbone.activities.internal.JointPlan.GroupMemberSpec;
import org.civicbackbone.activities.internal.JointPlan.GroupRole;
import org.civicbackbone.activities.internal.JointPlan.MaterialSpec;
import org.civicbackbone.activities.internal.JointPlan.Meeting;
import org.civicbackbone.activities.internal.JointPlan.MeetingSpec;
import org.civicbackbone.activities.internal.JointPlan.StatusSpec;
import org.civicbackbone.activities.internal.JointPlan.WorkingGroup;
import org.civicbackbone.activities.internal.JointPlan.WorkingGroupSpec;
import org.civicbackbone.api.module.DemoData;
import org.civicbackbone.api.module.RememberedDemo;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Gives each demo initiative a joint plan, a working group and two meetings, once. */
@Component(service = DemoData.class)
public class ActivitiesDemo extends RememberedDemo {

    private final AlignedActivities plan;

    @Activate
    public ActivitiesDemo(@Reference AlignedActivities plan) {
        super(plan.store(), AlignedActivities.FUNCTION_ID, "aa_demo_loaded");
        this.plan = plan;
    }

    @Override
    protected void load(String id) {
        LocalDate today = LocalDate.now();
        var coaching = plan.addActivity(id, new ActivitySpec("Reading coaches for parents at well-child visits", null,
                "Northside Family Resource Center", List.of(1), today.minusMonths(6), today.plusMonths(18)), "system");
        plan.setStatus(id, coaching.id(), new StatusSpec(ActivityStatus.UNDERWAY), "system");
        plan.addActivity(id, new ActivitySpec("Shared literacy curriculum in pre-K", null, "Riverbend Head Start",
                List.of(1), today.minusMonths(2), null), "system");
        var summer = plan.addActivity(id, new ActivitySpec("Summer reading at every branch", null, "Riverbend Public Library",
                List.of(2), today.minusMonths(5), today.plusMonths(7)), "system");
        plan.setStatus(id, summer.id(), new StatusSpec(ActivityStatus.UNDERWAY), "system");
        WorkingGroup group = plan.formGroup(id, new WorkingGroupSpec("Early learning working group",
                "Align pre-K and child care around kindergarten readiness"), "system");
        // a group with a history: the library's co-chair handed over to the district a few months ago
        WorkingGroup founded = plan.addGroupMember(id, group.id(), new GroupMemberSpec("Marcus Reyes",
                "Riverbend Public Library", GroupRole.CO_CHAIR, today.minusMonths(14)), "system");
        plan.addGroupMember(id, group.id(), new GroupMemberSpec("Aisha Bello", "Northside Family Resource Center",
                GroupRole.CO_CHAIR, today.minusMonths(14)), "system");
        plan.addGroupMember(id, group.id(), new GroupMemberSpec("Dr. James Whitfield", "Riverbend Unified School District",
                GroupRole.CO_CHAIR, today.minusMonths(3)), "system");
        plan.endGroupMembership(id, group.id(), founded.members().get(0).id(), today.minusMonths(3), "system");
        plan.addGroupMember(id, group.id(), new GroupMemberSpec("Linh Tran", "Eastside Parents Network", GroupRole.MEMBER,
                today.minusMonths(8)), "system");
        Instant now = Instant.now().truncatedTo(ChronoUnit.HOURS); // meetings are set on the hour
        Instant held = now.minus(Duration.ofDays(20));
        // named by the month it was held in, as a group names its meetings, whenever the demo is loaded
        String month = held.atZone(ZoneOffset.UTC).getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
        Meeting past = plan.schedule(id, new MeetingSpec(group.id(), "Early learning working group, " + month,
                held, "1. Readiness screen results\n2. Curriculum pilot"), "system");
        plan.addActionItem(id, past.id(), new ActionItemSpec("Share the pilot schools' screen results", "Dr. James Whitfield",
                today.plusDays(10)), "system");
        // the co-chairs came, with two parents invited; the parents' network did not
        plan.recordAttendance(id, past.id(), new AttendanceSpec(plan.workingGroup(id, group.id()).members().stream()
                .filter(m -> m.role() == GroupRole.CO_CHAIR).map(GroupMember::id).toList(), 2), "system");
        Meeting next = plan.schedule(id, new MeetingSpec(null, "Partners' quarterly meeting", now.plus(Duration.ofDays(10)),
                "1. Summer reading results\n2. Budget hearing"), "system");
        plan.addMaterial(id, next.id(), new MaterialSpec("Summer reading results", "https://example.org/riverbend/summer.pdf"),
                "system");
    }
}

package org.civicbackbone.vision.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.util.List;
import org.civicbackbone.api.problem.ProblemException;
import org.civicbackbone.api.problem.Violation;
import org.civicbackbone.api.store.BackboneStore;
import org.civicbackbone.testkit.InMemoryInitiatives;
import org.civicbackbone.testkit.RecordingAuditLog;
import org.civicbackbone.testkit.ScriptedDecisions;
import org.civicbackbone.testkit.TestStore;
import org.civicbackbone.vision.internal.CommonAgenda.GoalSpec;
import org.civicbackbone.vision.internal.CommonAgenda.StrategySpec;
import org.civicbackbone.vision.internal.CommonAgenda.VersionSpec;
import org.junit.Test;

/** Vision and strategy's rules on a real (in-memory) database, with the test kit's fakes around it. */
public class VisionStrategyTest {

    private static GoalSpec goal(String title) {
        return new GoalSpec(title, "an outcome", List.of(), List.of());
    }

    @Test
    public void anAgendaHasOneGoalATitleAndARefusedDraftStoresNothing() {
        BackboneStore store = TestStore.inMemory();
        VisionStrategy vision = new VisionStrategy(store, new RecordingAuditLog(store),
                InMemoryInitiatives.with("town", VisionStrategy.FUNCTION_ID), input -> { }, new ScriptedDecisions(store));
        ProblemException repeated = assertThrows(ProblemException.class, () -> vision.draft("town", new VersionSpec(
                "problem", "vision", List.of(goal("Ready for school"), goal("Read all year"), goal(" ready  FOR school"))),
                "staff"));
        assertEquals(List.of(new Violation("goals[2].title", "is the title of goal 1 too")),
                repeated.problem().violations());
        assertEquals(List.of(), vision.versions("town"));
        // one goal, one strategy a title; another goal may have a strategy of that title
        GoalSpec ready = new GoalSpec("Ready for school", "an outcome", List.of(), List.of(new StrategySpec("Books at "
                + "birth", "clinics"), new StrategySpec("Coaching", "home visits"), new StrategySpec("books at birth ",
                "libraries")));
        GoalSpec read = new GoalSpec("Read all year", "an outcome", List.of(), List.of(new StrategySpec("Books at birth",
                "libraries")));
        ProblemException strategies = assertThrows(ProblemException.class, () -> vision.draft("town",
                new VersionSpec("problem", "vision", List.of(read, ready)), "staff"));
        assertEquals(List.of(new Violation("goals[1].strategies[2].title", "is the title of strategy 1 of this goal too")),
                strategies.problem().violations());
        assertEquals(List.of(), vision.versions("town"));
        assertEquals(2, vision.draft("town", new VersionSpec("problem", "vision", List.of(goal("Ready for school"),
                goal("Read all year"))), "staff").goals().size());
    }

    /** A second click would leave two drafts alike; a draft put to the bodies may be drafted again word for word. */
    @Test
    public void aDraftAlikeTheLatestDraftIsRefusedUntilThatOneIsPutToTheBodies() {
        BackboneStore store = TestStore.inMemory();
        VisionStrategy vision = new VisionStrategy(store, new RecordingAuditLog(store),
                InMemoryInitiatives.with("town", VisionStrategy.FUNCTION_ID), input -> { }, new ScriptedDecisions(store));
        VersionSpec spec = new VersionSpec("problem", "vision", List.of(new GoalSpec("Ready for school", "an outcome",
                List.of(), List.of(new StrategySpec("Books at birth", "clinics")))));
        vision.draft("town", spec, "staff");
        ProblemException twice = assertThrows(ProblemException.class, () -> vision.draft("town", new VersionSpec(
                " problem", "vision ", List.of(new GoalSpec("Ready for school ", "an outcome", null,
                List.of(new StrategySpec(" Books at birth", "clinics"))))), "staff"));
        assertEquals(409, twice.problem().status());
        assertEquals(1, vision.versions("town").size());
        // a word changed is another draft
        vision.draft("town", new VersionSpec("problem", "vision", List.of(new GoalSpec("Ready for school",
                "an outcome", List.of(), List.of(new StrategySpec("Books at birth", "clinics and libraries"))))), "staff");
        vision.draft("town", spec, "staff");
        vision.proposeAdoption("town", 3, null, "staff");
        assertEquals("once put to the bodies, it may be drafted again", 4, vision.draft("town", spec, "staff").number());
    }
}

package org.civicbackbone.vision.internal;

import java.util.List;
import org.civicbackbone.api.agenda.GoalCatalogue;
import org.civicbackbone.api.agenda.GoalRef;
import org.civicbackbone.api.problem.ProblemException;
import org.civicbackbone.vision.internal.CommonAgenda.Version;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Offers the adopted agenda's goals to other modules (aligned activities) while this module is installed. */
@Component(service = GoalCatalogue.class)
public class AdoptedGoals implements GoalCatalogue {

    private final VisionStrategy visionStrategy;

    @Activate
    public AdoptedGoals(@Reference VisionStrategy visionStrategy) {
        this.visionStrategy = visionStrategy;
    }

    @Override
    public List<GoalRef> adoptedGoals(String initiativeId) {
        Version agenda;
        try {
            agenda = visionStrategy.agenda(initiativeId);
        } catch (ProblemException e) {
            return List.of(); // no adopted agenda, or the initiative does not use the function
        }
        return agenda.goals().stream().map(g -> new GoalRef(g.number(), g.title(), agenda.number(), g.indicatorIds()))
                .toList();
    }
}

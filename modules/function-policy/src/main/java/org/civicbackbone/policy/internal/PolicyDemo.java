package org.civicbackbone.policy.internal;

import org.civicbackbone.api.module.DemoData;
import org.civicbackbone.api.module.RememberedDemo;
import org.civicbackbone.api.problem.ProblemException;
import org.civicbackbone.policy.internal.PolicyAgenda.AdoptionSpec;
import org.civicbackbone.policy.internal.PolicyAgenda.Item;
import org.civicbackbone.policy.internal.PolicyAgenda.ItemSpec;
import org.civicbackbone.policy.internal.PolicyAgenda.Stage;
import org.civicbackbone.policy.internal.PolicyAgenda.StageSpec;
import org.civicbackbone.policy.internal.PolicyAgenda.StanceKind;
import org.civicbackbone.policy.internal.PolicyAgenda.StanceSpec;
import org.civicbackbone.policy.internal.PolicyAgenda.TargetKind;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Gives each demo initiative two policy items, one with its position put to the bodies and partners' stances, once. */
@Component(service = DemoData.class)
public class PolicyDemo extends RememberedDemo {

    private static final Logger LOG = LoggerFactory.getLogger(PolicyDemo.class);

    private final Policy policy;

    @Activate
    public PolicyDemo(@Reference Policy policy) {
        super(policy.store(), Policy.FUNCTION_ID, "pol_demo_loaded");
        this.policy = policy;
    }

    @Override
    protected void load(String id) {
        Item hours = policy.add(id, new ItemSpec("Library hours on weekends",
                "Branches close at 1 pm on Saturdays and all day Sunday, when working parents can come.",
                "Fund Saturday afternoon and Sunday opening at the three busiest branches.", TargetKind.BUDGET,
                "Riverbend County FY budget"), "system");
        policy.changeStage(id, hours.id(), new StageSpec(Stage.RESEARCHING), "system");
        policy.recordStance(id, hours.id(), new StanceSpec("Riverbend Public Library", StanceKind.ENDORSE, true, null), "system");
        policy.recordStance(id, hours.id(), new StanceSpec("Riverbend Unified School District", StanceKind.NEUTRAL, false,
                "The district takes no position on county budget lines."), "system");
        try {
            policy.proposePosition(id, hours.id(), new AdoptionSpec("The budget hearing is next month", 30), "system");
        } catch (ProblemException e) {
            LOG.info("Demo policy position of '{}' left unproposed: {}", id, e.problem().detail());
        }
        policy.add(id, new ItemSpec("Screening at kindergarten entry", "Readiness is screened differently in each school.",
                "One readiness screen for every kindergarten in the county.", TargetKind.REGULATION,
                "Riverbend Unified School District board policy"), "system");
    }
}

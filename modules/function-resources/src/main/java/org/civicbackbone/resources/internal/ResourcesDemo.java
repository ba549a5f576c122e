package org.civicbackbone.resources.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.civicbackbone.api.initiative.Sector;
import org.civicbackbone.api.module.DemoData;
import org.civicbackbone.api.module.RememberedDemo;
import org.civicbackbone.api.problem.ProblemException;
import org.civicbackbone.resources.internal.Funding.AcceptanceSpec;
import org.civicbackbone.resources.internal.Funding.BudgetLine;
import org.civicbackbone.resources.internal.Funding.BudgetSpec;
import org.civicbackbone.resources.internal.Funding.DeadlineSpec;
import org.civicbackbone.resources.internal.Funding.Funder;
import org.civicbackbone.resources.internal.Funding.FunderSpec;
import org.civicbackbone.resources.internal.Funding.Grant;
import org.civicbackbone.resources.internal.Funding.GrantSpec;
import org.civicbackbone.resources.internal.Funding.Stage;
import org.civicbackbone.resources.internal.Funding.StageSpec;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives each demo initiative two funders, an award waiting for the bodies to accept it, a submitted proposal, a
 * reporting deadline and this year's budget, once ({@code rs_demo_loaded} remembers it).
 */
@Component(service = DemoData.class)
public class ResourcesDemo extends RememberedDemo {

    private static final Logger LOG = LoggerFactory.getLogger(ResourcesDemo.class);

    private final Resources resources;

    @Activate
    public ResourcesDemo(@Reference Resources resources) {
        super(resources.store(), Resources.FUNCTION_ID, "rs_demo_loaded");
        this.resources = resources;
    }

    @Override
    protected void load(String id) {
        LocalDate today = LocalDate.now();
        Funder foundation = resources.addFunder(id, new FunderSpec("Riverbend Community Foundation", Sector.FUNDER,
                "grants@riverbendcf.example"), "system");
        Funder state = resources.addFunder(id, new FunderSpec("State Department of Education", Sector.PUBLIC_AGENCY,
                null), "system");
        Grant award = resources.addGrant(id, new GrantSpec(foundation.id(), "Summer reading at every branch",
                new BigDecimal("60000.00"), today.withDayOfYear(1), today.withDayOfYear(1).plusYears(1).minusDays(1)),
                "system");
        resources.changeStage(id, award.id(), new StageSpec(Stage.AWARDED, new BigDecimal("50000.00"), null, null),
                "system");
        resources.addDeadline(id, award.id(), new DeadlineSpec(today.plusDays(20), "Interim narrative and budget report"),
                "system");
        try {
            resources.proposeAcceptance(id, award.id(), new AcceptanceSpec("Matches goal 2 of the common agenda", 30),
                    "system");
        } catch (ProblemException e) {
            LOG.info("Demo award of '{}' left awaiting acceptance: {}", id, e.problem().detail());
        }
        Grant submitted = resources.addGrant(id, new GrantSpec(state.id(), "Early literacy coaching pilot",
                new BigDecimal("120000.00"), null, null), "system");
        resources.changeStage(id, submitted.id(), new StageSpec(Stage.SUBMITTED, null, null, null), "system");
        resources.setBudget(id, today.getYear(), new BudgetSpec(List.of(
                new BudgetLine("Backbone staff", new BigDecimal("38000.00")),
                new BudgetLine("Summer reading materials", new BigDecimal("9000.00")),
                new BudgetLine("Data and evaluation", new BigDecimal("3000.00")))), "system");
    }
}

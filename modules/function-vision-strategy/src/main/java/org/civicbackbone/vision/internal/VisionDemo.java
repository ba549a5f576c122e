package org.civicbackbone.vision.internal;

import java.util.List;
import java.util.Optional;
import org.civicbackbone.api.measurement.IndicatorCatalogue;
import org.civicbackbone.api.measurement.IndicatorRef;
import org.civicbackbone.api.module.DemoData;
import org.civicbackbone.api.module.RememberedDemo;
import org.civicbackbone.api.problem.ProblemException;
import org.civicbackbone.vision.internal.CommonAgenda.AdoptionSpec;
import org.civicbackbone.vision.internal.CommonAgenda.GoalSpec;
import org.civicbackbone.vision.internal.CommonAgenda.StrategySpec;
import org.civicbackbone.vision.internal.CommonAgenda.VersionSpec;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives each demo initiative a first common agenda, put to adoption (the demo's members can vote on it), once: a
 * row in {@code vs_demo_loaded} remembers it.
 */
@Component(service = DemoData.class)
public class VisionDemo extends RememberedDemo {

    private static final Logger LOG = LoggerFactory.getLogger(VisionDemo.class);

    private final VisionStrategy visionStrategy;
    private final Optional<IndicatorCatalogue> indicators;

    @Activate
    public VisionDemo(@Reference VisionStrategy visionStrategy,
                      @Reference(cardinality = ReferenceCardinality.OPTIONAL) IndicatorCatalogue indicators) {
        super(visionStrategy.store(), VisionStrategy.FUNCTION_ID, "vs_demo_loaded");
        this.visionStrategy = visionStrategy;
        this.indicators = Optional.ofNullable(indicators);
    }

    @Override
    protected void load(String id) {
        List<Long> readiness = linked(id, "Kindergarten readiness");
        List<Long> cards = linked(id, "Library cards issued to children 0-8");
        visionStrategy.draft(id, new VersionSpec(
                "Fewer than half of Riverbend County's children arrive at kindergarten ready to learn, and those who "
                        + "start behind rarely catch up by third grade.",
                "Every child in Riverbend County reads at grade level by the end of third grade.",
                List.of(new GoalSpec("Children arrive ready for kindergarten",
                                "65% of children assessed ready on the fall screen within five years", readiness,
                                List.of(new StrategySpec("Reading with families from birth",
                                                "Books and coaching for parents through clinics and home visits"),
                                        new StrategySpec("Quality early learning", "Shared literacy curriculum across "
                                                + "Head Start and licensed child care"))),
                        new GoalSpec("Children read all year round", "Library use by young children doubles",
                                cards, List.of(new StrategySpec("Summer reading for every child",
                                        "Library cards at school entry and summer reading at every branch"))))),
                "system");
        try {
            visionStrategy.proposeAdoption(id, 1, new AdoptionSpec("Agreed at the partners' retreat; "
                    + "for the leadership to adopt", 30), "system");
        } catch (ProblemException e) {
            LOG.info("Demo agenda of '{}' left as a draft: {}", id, e.problem().detail());
        }
    }

    private List<Long> linked(String initiativeId, String indicatorName) {
        return indicators.stream().flatMap(c -> c.indicators(initiativeId).stream())
                .filter(i -> i.name().equals(indicatorName)).map(IndicatorRef::id).toList();
    }
}

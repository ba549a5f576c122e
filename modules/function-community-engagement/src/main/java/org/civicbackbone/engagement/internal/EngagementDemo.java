package org.civicbackbone.engagement.internal;

import java.time.LocalDate;
import java.util.List;
import org.civicbackbone.api.initiative.Sector;
import org.civicbackbone.api.module.DemoData;
import org.civicbackbone.api.module.RememberedDemo;
import org.civicbackbone.api.problem.ProblemException;
import org.civicbackbone.engagement.internal.Engagement.Communication;
import org.civicbackbone.engagement.internal.Engagement.CommunicationSpec;
import org.civicbackbone.engagement.internal.Engagement.EventSpec;
import org.civicbackbone.engagement.internal.Engagement.Kind;
import org.civicbackbone.engagement.internal.Engagement.Participation;
import org.civicbackbone.engagement.internal.Engagement.StatementSpec;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Gives each demo initiative a published newsletter, a news release put forward as a statement, and two events, once. */
@Component(service = DemoData.class)
public class EngagementDemo extends RememberedDemo {

    private static final Logger LOG = LoggerFactory.getLogger(EngagementDemo.class);

    private final CommunityEngagement engagement;

    @Activate
    public EngagementDemo(@Reference CommunityEngagement engagement) {
        super(engagement.store(), CommunityEngagement.FUNCTION_ID, "ce_demo_loaded");
        this.engagement = engagement;
    }

    @Override
    protected void load(String id) {
        List<String> messages = List.of("Reading by third grade predicts success in school and life",
                "Every partner has a part: libraries, schools, clinics and parents");
        Communication newsletter = engagement.draft(id, new CommunicationSpec(Kind.NEWSLETTER, "Riverbend Reads autumn update",
                "Summer reading reached 1,200 children this year.", messages, null), "system");
        engagement.publish(id, newsletter.id(), "system");
        try {
            List<String> speakers = engagement.authorisedSpokespeople(id);
            Communication release = engagement.draft(id, new CommunicationSpec(Kind.NEWS_RELEASE,
                    "Riverbend Reads sets a county-wide goal for third-grade reading",
                    "Partners across Riverbend County commit to every child reading at grade level by third grade.",
                    messages, speakers.isEmpty() ? null : speakers.get(0)), "system");
            engagement.proposeStatement(id, release.id(), new StatementSpec("For release at the fall forum", 14), "system");
        } catch (ProblemException e) {
            LOG.info("Demo statement of '{}' left as a draft: {}", id, e.problem().detail());
        }
        LocalDate today = LocalDate.now();
        engagement.recordEvent(id, new EventSpec("Eastside listening session", today.minusDays(40), "Eastside branch library",
                List.of(new Participation(Sector.COMMUNITY_MEMBER, 34), new Participation(Sector.NONPROFIT, 6)), 180), "system");
        engagement.recordEvent(id, new EventSpec("Fall community reading forum", today.minusDays(12), "Riverbend High gym",
                List.of(new Participation(Sector.COMMUNITY_MEMBER, 85), new Participation(Sector.PUBLIC_AGENCY, 12),
                        new Participation(Sector.BUSINESS, 4), new Participation(Sector.FUNDER, 3)), 640), "system");
    }
}

package org.civicbackbone.core.internal;

import java.sql.Connection;
import java.util.List;
import org.civicbackbone.api.initiative.BodySpec;
import org.civicbackbone.api.initiative.GovernanceBody;
import org.civicbackbone.api.initiative.Initiative;
import org.civicbackbone.api.initiative.InitiativeService;
import org.civicbackbone.api.initiative.InitiativeSpec;
import org.civicbackbone.api.initiative.MembershipSpec;
import org.civicbackbone.api.initiative.OrganisationSpec;
import org.civicbackbone.api.initiative.Sector;
import org.civicbackbone.api.store.BackboneStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the demo initiative once, on the first start of a platform whose configuration asks for it
 * ({@code etc/org.civicbackbone.demo.cfg}). Function modules add their own demo data to initiatives marked demo.
 * A flag in the database remembers the load, so a deleted or edited demo is never put back; the load takes a
 * database lock, so nodes starting together on one database load it once.
 */
@Component(configurationPid = "org.civicbackbone.demo", configurationPolicy = ConfigurationPolicy.REQUIRE,
        immediate = true, service = {})
@Designate(ocd = DemoInitiative.Config.class)
public class DemoInitiative {

    /** Settings of the demo data. */
    @ObjectClassDefinition(name = "Civic Backbone demo data",
            description = "Loads a clearly marked demo initiative on the platform's first start.")
    public @interface Config {
        @AttributeDefinition(name = "Load demo data", description = "Load the demo initiative on first start.")
        boolean enabled() default false;
    }

    static final String ID = "demo-riverbend-reads";
    private static final String FLAG = "demo.loaded";
    private static final Logger LOG = LoggerFactory.getLogger(DemoInitiative.class);

    @Activate
    public DemoInitiative(Config config, @Reference BackboneStore store, @Reference InitiativeService initiatives,
                          @Reference JdbcOrganisationRegistry organisations) {
        if (!config.enabled() || !(initiatives instanceof JdbcInitiativeService service)) {
            return;
        }
        // under a lock: nodes starting together on one database load it once (ADR 0019)
        Initiative loaded = store.exclusively("demo:initiative", () -> store.inTransaction(c -> {
            if (store.mapper(c, FlagRecords.class).isSet(FLAG)) {
                return null;
            }
            Initiative demo = load(c, service, organisations);
            // the demo's people with a login get an address at a domain that never receives mail (RFC 2606)
            store.mapper(c, PersonRecords.class).addressByLogin(ID, "@riverbend.example");
            store.mapper(c, FlagRecords.class).set(FLAG);
            return demo;
        }));
        if (loaded != null) {
            LOG.info("Loaded the demo initiative '{}'", ID);
            service.announce(loaded);
        }
    }

    /** One of the demo's partners, registered before any seat names it. */
    private record DemoPartner(String name, List<String> aliases, List<Sector> sectors) {
    }

    private static final List<DemoPartner> PARTNERS = List.of(
            new DemoPartner("Riverbend Community Foundation", List.of("RCF"), List.of(Sector.PHILANTHROPY, Sector.FUNDER)),
            new DemoPartner("Reyes Hardware", List.of(), List.of(Sector.BUSINESS)),
            new DemoPartner("Riverbend Public Library", List.of("Riverbend Library"),
                    List.of(Sector.PUBLIC_AGENCY, Sector.EDUCATION)),
            new DemoPartner("Riverbend Unified School District", List.of("RUSD"),
                    List.of(Sector.EDUCATION, Sector.PUBLIC_AGENCY)),
            new DemoPartner("Northside Family Resource Center", List.of(), List.of(Sector.NONPROFIT, Sector.HEALTH)),
            new DemoPartner("Eastside Parents Network", List.of(), List.of(Sector.COMMUNITY_MEMBER)),
            new DemoPartner("Riverbend Head Start", List.of("Head Start"), List.of(Sector.EDUCATION, Sector.YOUTH)),
            new DemoPartner("State Department of Education", List.of(), List.of(Sector.PUBLIC_AGENCY, Sector.EDUCATION)));

    private static Initiative load(Connection c, JdbcInitiativeService service, JdbcOrganisationRegistry organisations) {
        Initiative demo = service.createDemo(c, ID, new InitiativeSpec(ID, "Riverbend County Reads (DEMO DATA)",
                "Only 41% of Riverbend County's third graders read at grade level, and fewer than half of its "
                        + "children arrive at kindergarten ready to learn.",
                "Every child in Riverbend County reads at grade level by the end of third grade.",
                "nested", List.of("vision-strategy", "aligned-activities", "shared-measurement", "community-engagement",
                        "policy", "resources")));
        String s = "system";
        PARTNERS.forEach(p -> organisations.register(c, ID, new OrganisationSpec(p.name(), p.aliases(), p.sectors()), s));
        GovernanceBody host = service.addBody(c, ID, new BodySpec("fiscal-host", "Riverbend Community Foundation"), s);
        service.seatOnce(c, ID, host.id(), new MembershipSpec(null, null, "Riverbend Community Foundation",
                "fiscal host", Sector.FUNDER), s);
        GovernanceBody board = service.addBody(c, ID,
                new BodySpec("host-board", "Riverbend Community Foundation board of directors"), s);
        service.seatOnce(c, ID, board.id(), new MembershipSpec("Grace Okafor", "gokafor",
                "Riverbend Community Foundation", "board chair", Sector.FUNDER), s);
        service.seatOnce(c, ID, board.id(), new MembershipSpec("Tom Reyes", "treyes",
                "Reyes Hardware", "board treasurer", Sector.BUSINESS), s);
        GovernanceBody leadership = service.addBody(c, ID,
                new BodySpec("leadership-group", "Riverbend Reads leadership group"), s);
        service.seatOnce(c, ID, leadership.id(), new MembershipSpec("Maria Alvarez", "malvarez",
                "Riverbend Public Library", "co-chair", Sector.PUBLIC_AGENCY), s);
        service.seatOnce(c, ID, leadership.id(), new MembershipSpec("Dr. James Whitfield", "jwhitfield",
                "Riverbend Unified School District", "co-chair", Sector.PUBLIC_AGENCY), s);
        service.seatOnce(c, ID, leadership.id(), new MembershipSpec("Aisha Bello", "abello",
                "Northside Family Resource Center", "member", Sector.NONPROFIT), s);
        service.seatOnce(c, ID, leadership.id(), new MembershipSpec("Linh Tran", null,
                "Eastside Parents Network", "parent representative", Sector.COMMUNITY_MEMBER), s);
        GovernanceBody team = service.addBody(c, ID, new BodySpec(BackboneTeam.TYPE, "Riverbend Reads backbone team"), s);
        service.seatOnce(c, ID, team.id(), new MembershipSpec("Sam Carter", "scarter",
                "Riverbend Community Foundation", "backbone director", Sector.NONPROFIT), s);
        service.seatOnce(c, ID, team.id(), new MembershipSpec("Priya Nair", "pnair",
                "Riverbend Community Foundation", "data coordinator", Sector.NONPROFIT), s);
        return demo;
    }
}

package org.civicbackbone.testkit;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.civicbackbone.api.initiative.Organisation;
import org.civicbackbone.api.initiative.OrganisationName;
import org.civicbackbone.api.initiative.OrganisationRegistry;
import org.civicbackbone.api.initiative.OrganisationSpec;
import org.civicbackbone.api.initiative.Sector;
import org.civicbackbone.api.problem.Problem;
import org.civicbackbone.api.problem.ProblemException;
import org.civicbackbone.api.problem.Violation;

/**
 * An organisation registry in memory for unit tests, matching names and aliases as the platform's does
 * ({@link OrganisationName#key}) and refusing a taken spelling with 409. It knows no initiatives: any id has a registry.
 */
public final class InMemoryOrganisations implements OrganisationRegistry {

    private final List<Organisation> organisations = new ArrayList<>();
    /** Which organisation each one merged away went into, by id. */
    private final Map<Long, Long> mergedInto = new HashMap<>();
    private final AtomicLong ids = new AtomicLong();

    /** Registers organisations of one sector in the initiative's registry, for a test's set-up. */
    public InMemoryOrganisations with(String initiativeId, Sector sector, String... names) {
        for (String name : names) {
            register(initiativeId, new OrganisationSpec(name, List.of(), List.of(sector)), "test");
        }
        return this;
    }

    @Override
    public synchronized List<Organisation> organisations(String initiativeId) {
        return organisations.stream().filter(o -> o.initiativeId().equals(initiativeId))
                .sorted(Comparator.comparing(Organisation::name)).toList();
    }

    @Override
    public synchronized Organisation organisation(String initiativeId, long organisationId) {
        return organisations(initiativeId).stream().filter(o -> o.id() == organisationId).findFirst().orElseThrow(() ->
                new ProblemException(Problem.notFound("No organisation " + organisationId + " in '" + initiativeId + "'.")));
    }

    @Override
    public synchronized Optional<Organisation> resolve(String initiativeId, String nameOrAlias) {
        String key = OrganisationName.key(nameOrAlias);
        return organisations(initiativeId).stream().filter(o -> keys(o).contains(key)).findFirst();
    }

    @Override
    public synchronized Organisation register(String initiativeId, OrganisationSpec spec, String actor) {
        refuseTaken(initiativeId, spec, -1);
        Organisation organisation = new Organisation(ids.incrementAndGet(), initiativeId, spec.name().strip(),
                spec.aliases(), spec.sectors());
        organisations.add(organisation);
        return organisation;
    }

    @Override
    public synchronized Organisation update(String initiativeId, long organisationId, OrganisationSpec spec,
                                            String actor) {
        Organisation before = organisation(initiativeId, organisationId);
        refuseTaken(initiativeId, spec, organisationId);
        Organisation after = new Organisation(organisationId, initiativeId, spec.name().strip(), spec.aliases(),
                spec.sectors());
        organisations.set(organisations.indexOf(before), after);
        return after;
    }

    /**
     * Merges as the platform does for the registry itself: the duplicate's names become aliases of the organisation
     * kept, which takes its sectors, and the duplicate is gone. No module's rows are repointed here: a module tests its
     * own {@code OrganisationReferences} against its store.
     */
    @Override
    public synchronized Organisation merge(String initiativeId, long duplicateId, long keptId, String actor) {
        if (duplicateId == keptId) {
            throw new ProblemException(Problem.invalid("An organisation cannot be merged into itself.",
                    List.of(new Violation("into", "must be another organisation than " + duplicateId))));
        }
        Organisation duplicate = organisation(initiativeId, duplicateId);
        Organisation kept = organisation(initiativeId, keptId);
        List<String> aliases = new ArrayList<>(kept.aliases());
        aliases.add(duplicate.name());
        aliases.addAll(duplicate.aliases());
        List<Sector> sectors = new ArrayList<>(kept.sectors());
        duplicate.sectors().stream().filter(sector -> !sectors.contains(sector)).forEach(sectors::add);
        Organisation after = new Organisation(keptId, initiativeId, kept.name(), aliases, sectors);
        organisations.remove(duplicate);
        organisations.set(organisations.indexOf(kept), after);
        mergedInto.put(duplicateId, keptId);
        return after;
    }

    /** The organisation as it is now, one merged away followed to the one kept; a test's transaction holds nothing. */
    @Override
    public synchronized Organisation hold(Connection transaction, String initiativeId, long organisationId) {
        Long kept = mergedInto.get(organisationId);
        return kept == null ? organisation(initiativeId, organisationId) : hold(transaction, initiativeId, kept);
    }

    private void refuseTaken(String initiativeId, OrganisationSpec spec, long self) {
        List<String> wanted = new ArrayList<>(spec.aliases());
        wanted.add(spec.name());
        for (String name : wanted) {
            resolve(initiativeId, name).filter(o -> o.id() != self).ifPresent(o -> {
                throw new ProblemException(Problem.conflict("'" + name + "' already names organisation " + o.id() + "."));
            });
        }
    }

    private static List<String> keys(Organisation o) {
        List<String> keys = new ArrayList<>(o.aliases().stream().map(OrganisationName::key).toList());
        keys.add(OrganisationName.key(o.name()));
        return keys;
    }
}

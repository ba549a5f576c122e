package org.civicbackbone.resources.internal;

import java.util.List;
import org.civicbackbone.api.audit.AuditLog;
import org.civicbackbone.api.audit.Changes;
import org.civicbackbone.api.audit.RecordEdit;
import org.civicbackbone.api.audit.RecordEdits;
import org.civicbackbone.api.initiative.Organisation;
import org.civicbackbone.api.initiative.OrganisationRegistry;
import org.civicbackbone.api.initiative.OrganisationSpec;
import org.civicbackbone.api.initiative.SameName;
import org.civicbackbone.api.problem.Problem;
import org.civicbackbone.api.problem.ProblemException;
import org.civicbackbone.api.problem.Violation;
import org.civicbackbone.api.store.BackboneStore;
import org.civicbackbone.api.store.GeneratedKey;
import org.civicbackbone.resources.internal.Funding.Funder;
import org.civicbackbone.resources.internal.Funding.FunderSpec;

/**
 * The initiative's funders: each an organisation of the registry, funding once. A funder's sector and contact are
 * corrected as they change (a new programme officer); its name stays its organisation's, so an edit may respell it
 * (an alias, the registry's new spelling) but not make it another organisation.
 */
record Funders(BackboneStore store, AuditLog audit, RecordEdits<FundingRecords> edits,
               OrganisationRegistry organisations) {

    List<Funder> all(String initiativeId) {
        return store.read(c -> store.mapper(c, FundingRecords.class).funders(initiativeId));
    }

    Funder one(String initiativeId, long funderId) {
        return all(initiativeId).stream().filter(f -> f.id() == funderId).findFirst().orElseThrow(() ->
                new ProblemException(Problem.notFound("Initiative '" + initiativeId + "' has no funder " + funderId
                        + ".")));
    }

    /**
     * Adds a funder: an organisation of the registry, registered with the funder's sector when it is new there (the
     * registry's own write: the organisation exists whether or not it funds). Each organisation funds once.
     */
    Funder add(String initiativeId, FunderSpec spec, String actor) {
        Organisation organisation = organisations.resolve(initiativeId, spec.name()).orElseGet(() ->
                organisations.register(initiativeId, new OrganisationSpec(spec.name(), List.of(),
                        List.of(spec.sector())), actor));
        return store.inTurn(ResourcesSchema.MODULE, initiativeId, c -> {
            Organisation held = organisations.hold(c, initiativeId, organisation.id()); // not merged away meanwhile
            FundingRecords records = store.mapper(c, FundingRecords.class);
            if (records.funders(initiativeId).stream().anyMatch(f -> SameName.of(f.name(), held.name())
                    || Long.valueOf(held.id()).equals(f.organisationId()))) {
                throw new ProblemException(Problem.conflict("Initiative '" + initiativeId + "' already has '"
                        + held.name() + "' as a funder.", List.of(new Violation("name", "'"
                        + held.name() + "' is a funder already"))));
            }
            GeneratedKey key = new GeneratedKey();
            records.insertFunder(key, initiativeId, held.name(), spec.sector(), contact(spec), held.id());
            audit.record(c, actor, initiativeId, ResourcesSchema.MODULE, "funder.add", held.name());
            return new Funder(key.id(), initiativeId, held.name(), spec.sector(), contact(spec), held.id());
        });
    }

    /** The contact as typed, without surrounding spaces; none when blank. */
    private static String contact(FunderSpec spec) {
        return spec.contact() == null || spec.contact().isBlank() ? null : spec.contact().strip();
    }

    /**
     * Corrects a funder with the fields it was recorded with. The name must name the funder's own organisation (its
     * name or an alias: 400 naming {@code name} otherwise) and is kept as the registry spells it; an edit that changes
     * nothing records nothing. The audit log ({@code funder.change}) says what changed.
     */
    Funder change(String initiativeId, long funderId, FunderSpec spec, String actor) {
        Funder funder = one(initiativeId, funderId);
        Organisation organisation = organisations.resolve(initiativeId, spec.name())
                .filter(o -> funder.organisationId() == null || o.id() == funder.organisationId())
                .orElseThrow(() -> ProblemException.invalid("name", "'" + spec.name().strip() + "' is not "
                        + funder.name() + " or one of its aliases: a funder stays its organisation (merge two records "
                        + "of one organisation in the registry)"));
        String contact = contact(spec);
        edits.edit(initiativeId, actor, "funder.change", (c, records) -> {
            Organisation held = organisations.hold(c, initiativeId, organisation.id()); // not merged away meanwhile
            // compared with the funder as it is now: an edit sent at the same moment is the "before" of this one
            Funder now = records.funders(initiativeId).stream().filter(f -> f.id() == funderId).findFirst()
                    .orElseThrow(RecordEdits.gone("Funder '" + funder.name() + "'"));
            return new RecordEdit(now.name(), new Changes().quoted("name", now.name(), held.name())
                    .shown("sector", now.sector(), spec.sector()).quoted("contact", now.contact(), contact),
                    () -> records.updateFunder(funderId, held.name(), spec.sector(), contact, held.id()));
        });
        return one(initiativeId, funderId);
    }
}

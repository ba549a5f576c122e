package org.civicbackbone.rest.internal;

import static org.civicbackbone.api.rest.Answers.actor;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.QueryParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.civicbackbone.api.decision.DecisionService;
import org.civicbackbone.api.decision.Proposal;
import org.civicbackbone.api.decision.ProposalSpec;
import org.civicbackbone.api.decision.Vote;
import org.civicbackbone.api.decision.VoteSpec;
import org.civicbackbone.api.initiative.GovernanceBody;
import org.civicbackbone.api.initiative.Initiative;
import org.civicbackbone.api.initiative.InitiativeService;
import org.civicbackbone.api.module.AccountabilityRule;
import org.civicbackbone.api.module.BodyRequirement;
import org.civicbackbone.api.module.ModuleCatalogue;
import org.civicbackbone.api.module.StructureModel;
import org.civicbackbone.api.problem.Problem;
import org.civicbackbone.api.problem.ProblemException;
import org.civicbackbone.api.rest.Allow;
import org.civicbackbone.api.rest.ApiResource;
import org.civicbackbone.api.rest.Audience;
import org.civicbackbone.api.rest.RestExtensions;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Governance of an initiative under {@code /api/v1/initiatives/{id}/governance}: the model in force with its bodies
 * and rules (answered even when the model's module is absent, naming it), proposals and votes, the decision log
 * (JSON and CSV).
 */
@Component(service = GovernanceResource.class)
@ApiResource
@Path(RestExtensions.INITIATIVE + "governance")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class GovernanceResource {

    /** The model in force, as data. */
    public record ModelView(String id, String name, String description) {
    }

    /** A required body and the initiative's bodies of that type. */
    public record RequiredBody(String bodyType, String name, String description, List<GovernanceBody> bodies) {
    }

    /** The answer of {@code GET .../governance}. */
    public record Overview(String initiativeId, String structureModelId, boolean modelInstalled, String missingModule,
                           ModelView model, List<RequiredBody> requiredBodies, List<AccountabilityRule> rules,
                           List<GovernanceBody> bodies, List<String> problems) {
    }

    /** One step of a proposed rule. */
    public record StepSpec(@jakarta.validation.constraints.NotBlank String bodyType,
                           @jakarta.validation.constraints.NotNull org.civicbackbone.api.module.DecisionRule rule) {
    }

    /** A proposed adjustment of one decision type's rule. */
    public record RuleChangeSpec(@jakarta.validation.constraints.NotNull org.civicbackbone.api.module.DecisionType decisionType,
                                 @jakarta.validation.constraints.NotNull @jakarta.validation.constraints.Size(min = 1, max = 10)
                                 List<@jakarta.validation.constraints.NotNull @jakarta.validation.Valid StepSpec> steps,
                                 @jakarta.validation.constraints.Size(max = 4000) String reason) {
    }

    /** A proposed move to another structure model. */
    public record ModelChangeSpec(@jakarta.validation.constraints.NotBlank String modelId,
                                  @jakarta.validation.constraints.Size(max = 4000) String reason) {
    }

    /** The initiative's governance over time. */
    public record History(List<org.civicbackbone.api.decision.RuleBook.ModelPeriod> models,
                          List<org.civicbackbone.api.decision.RuleBook.RuleVersion> rules) {
    }

    /** A proposal with every vote cast on it. */
    public record ProposalRecord(Proposal proposal, List<Vote> votes) {
    }

    private final InitiativeService initiatives;
    private final ModuleCatalogue catalogue;
    private final DecisionService decisions;
    private final org.civicbackbone.api.decision.RuleBook rules;

    @Activate
    public GovernanceResource(@Reference InitiativeService initiatives, @Reference ModuleCatalogue catalogue,
                              @Reference DecisionService decisions,
                              @Reference org.civicbackbone.api.decision.RuleBook rules) {
        this.rules = rules;
        this.initiatives = initiatives;
        this.catalogue = catalogue;
        this.decisions = decisions;
    }

    private Initiative initiative(String id) {
        return initiatives.find(id).orElseThrow(() -> new ProblemException(
                Problem.notFound("There is no initiative '" + id + "'.")));
    }

    @GET
    @Allow(Audience.READERS)
    public Overview overview(@PathParam("initiativeId") String initiativeId) {
        Initiative initiative = initiative(initiativeId);
        List<GovernanceBody> bodies = initiatives.bodies(initiativeId);
        List<String> problems = decisions.setupProblems(initiativeId);
        StructureModel model = catalogue.structureModel(initiative.structureModelId()).orElse(null);
        if (model == null) {
            return new Overview(initiativeId, initiative.structureModelId(), false,
                    "structure-" + initiative.structureModelId(), null, List.of(), List.of(), bodies, problems);
        }
        List<RequiredBody> required = new ArrayList<>();
        for (BodyRequirement r : model.requiredBodies()) {
            required.add(new RequiredBody(r.bodyType(), r.name(), r.description(),
                    bodies.stream().filter(b -> b.type().equals(r.bodyType())).collect(Collectors.toList())));
        }
        return new Overview(initiativeId, model.id(), true, null,
                new ModelView(model.id(), model.name(), model.description()), required,
                rules.rulesInForce(initiativeId), bodies, problems);
    }

    @GET
    @Allow(Audience.READERS)
    @Path("history")
    public History history(@PathParam("initiativeId") String initiativeId) {
        return new History(rules.modelHistory(initiativeId), rules.ruleHistory(initiativeId));
    }

    @POST
    @Allow(Audience.STAFF)
    @Path("rules")
    public Response proposeRule(@PathParam("initiativeId") String initiativeId, RuleChangeSpec spec,
                                @Context SecurityContext security) {
        Proposal proposal = rules.proposeRule(initiativeId, spec.decisionType(), spec.steps().stream()
                .map(s -> new org.civicbackbone.api.module.ApprovalStep(s.bodyType(), s.rule())).toList(),
                spec.reason(), actor(security));
        return created(initiativeId, proposal);
    }

    @POST
    @Allow(Audience.STAFF)
    @Path("structure")
    public Response proposeModel(@PathParam("initiativeId") String initiativeId, ModelChangeSpec spec,
                                 @Context SecurityContext security) {
        return created(initiativeId, rules.proposeModel(initiativeId, spec.modelId(), spec.reason(),
                actor(security)));
    }

    private static Response created(String initiativeId, Proposal proposal) {
        return Response.created(URI.create(RestExtensions.API + "/initiatives/" + initiativeId
                + "/governance/proposals/" + proposal.id())).entity(proposal).build();
    }

    @GET
    @Allow(Audience.READERS)
    @Path("proposals")
    public List<Proposal> proposals(@PathParam("initiativeId") String initiativeId,
                                    @QueryParam("state") String state, @QueryParam("type") String type,
                                    @QueryParam("from") String from, @QueryParam("until") String until) {
        ProposalFilter filter = ProposalFilter.of(state, type, from, until);
        return decisions.proposals(initiativeId).stream().filter(filter::test).toList();
    }

    @POST
    @Allow(Audience.CONTRIBUTORS)
    @Path("proposals")
    public Response propose(@PathParam("initiativeId") String initiativeId, ProposalSpec spec,
                            @Context SecurityContext security) {
        Proposal proposal = decisions.propose(initiativeId, spec, "core", actor(security));
        return Response.created(URI.create(RestExtensions.API + "/initiatives/" + initiativeId
                + "/governance/proposals/" + proposal.id())).entity(proposal).build();
    }

    @GET
    @Allow(Audience.READERS)
    @Path("proposals/{proposalId}")
    public ProposalRecord proposal(@PathParam("initiativeId") String initiativeId,
                                   @PathParam("proposalId") long proposalId) {
        return new ProposalRecord(decisions.proposal(initiativeId, proposalId), decisions.votes(initiativeId, proposalId));
    }

    @POST
    @Allow(Audience.CONTRIBUTORS)
    @Path("proposals/{proposalId}/votes")
    public ProposalRecord vote(@PathParam("initiativeId") String initiativeId, @PathParam("proposalId") long proposalId,
                               VoteSpec vote, @Context SecurityContext security) {
        decisions.vote(initiativeId, proposalId, vote, actor(security));
        return proposal(initiativeId, proposalId);
    }

    @POST
    @Allow(Audience.CONTRIBUTORS)
    @Path("proposals/{proposalId}/withdraw")
    @Consumes(MediaType.WILDCARD)
    public Proposal withdraw(@PathParam("initiativeId") String initiativeId, @PathParam("proposalId") long proposalId,
                             @Context SecurityContext security) {
        return decisions.withdraw(initiativeId, proposalId, actor(security),
                security.isUserInRole(BasicAuthentication.ADMIN_ROLE));
    }

    @GET
    @Allow(Audience.READERS)
    @Path("decision-log")
    public List<ProposalRecord> decisionLog(@PathParam("initiativeId") String initiativeId,
                                            @QueryParam("state") String state, @QueryParam("type") String type,
                                            @QueryParam("from") String from, @QueryParam("until") String until) {
        ProposalFilter filter = ProposalFilter.of(state, type, from, until);
        // two reads however long the log: the proposals, then every vote of the initiative
        List<Proposal> proposals = decisions.proposals(initiativeId).stream().filter(filter::test).toList();
        Map<Long, List<Vote>> votes = decisions.votesByProposal(initiativeId);
        return proposals.stream().map(p -> new ProposalRecord(p, votes.getOrDefault(p.id(), List.of()))).toList();
    }

    @GET
    @Allow(Audience.READERS)
    @Path("decision-log.csv")
    @Produces("text/csv")
    public Response decisionLogCsv(@PathParam("initiativeId") String initiativeId,
                                   @QueryParam("state") String state, @QueryParam("type") String type,
                                   @QueryParam("from") String from, @QueryParam("until") String until) {
        StringBuilder csv = new StringBuilder(DecisionLogCsv.HEADER);
        for (ProposalRecord r : decisionLog(initiativeId, state, type, from, until)) {
            DecisionLogCsv.append(csv, r.proposal(), r.votes());
        }
        return Response.ok(csv.toString(), "text/csv; charset=UTF-8").header("Content-Disposition",
                "attachment; filename=\"" + initiativeId + "-decision-log.csv\"").build();
    }
}

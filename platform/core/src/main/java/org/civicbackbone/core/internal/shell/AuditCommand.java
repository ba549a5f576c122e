package org.civicbackbone.core.internal.shell;

import java.time.Instant;
import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.civicbackbone.api.audit.AuditEntry;
import org.civicbackbone.api.audit.AuditLog;
import org.civicbackbone.api.audit.AuditQuery;
import org.civicbackbone.api.initiative.InitiativeService;
import org.civicbackbone.api.problem.ProblemException;
import org.civicbackbone.api.rest.QueryParameters;
import org.civicbackbone.api.shell.CommandRefused;

/** Prints an initiative's audit log, newest first, filtered and paged like {@code GET .../audit}. */
@Service
@Command(scope = "backbone", name = "audit", description = "Prints the audit log of an initiative (who wrote what, when)")
public class AuditCommand implements Action {

    @Argument(index = 0, name = "initiative", description = "The initiative id", required = true)
    String initiativeId;

    @Option(name = "--actor", description = "Only writes by this login")
    String actor;

    @Option(name = "--action", description = "Only this kind of write, e.g. proposal.vote")
    String action;

    @Option(name = "--module", description = "Only writes of this module, e.g. core or shared-measurement")
    String module;

    @Option(name = "--from", description = "Only entries at or after this instant (ISO-8601)")
    String from;

    @Option(name = "--to", description = "Only entries before this instant (ISO-8601)")
    String to;

    @Option(name = "--before", description = "Only entries with an id below this one (the next page)")
    Long before;

    @Option(name = "--limit", description = "At most this many entries, 1 to 1000 (default 50)")
    int limit = 50;

    @Reference
    AuditLog audit;

    @Reference
    InitiativeService initiatives;

    @Override
    public Object execute() {
        // refused as the REST API refuses them: an empty log must not hide a typo
        if (initiatives.find(initiativeId).isEmpty()) {
            throw new CommandRefused("There is no initiative '" + initiativeId + "'.");
        }
        if (limit < 1 || limit > 1000) {
            throw new CommandRefused("--limit: " + limit + " is not a whole number from 1 to 1000");
        }
        List<AuditEntry> entries = audit.find(new AuditQuery(initiativeId, actor, action, module,
                instant("--from", from), instant("--to", to), before, limit));
        ShellTable table = new ShellTable();
        for (String column : new String[] {"Id", "At", "Actor", "Module", "Action", "Detail"}) {
            table.column(column);
        }
        entries.forEach(e -> table.addRow().addContent(e.id(), e.at(), e.actor(), e.module(), e.action(), e.detail()));
        table.print(System.out);
        if (entries.size() == limit) {
            System.out.println("next page: --before " + entries.get(entries.size() - 1).id());
        }
        return null;
    }

    private static Instant instant(String option, String text) {
        try {
            return QueryParameters.instant(option, text).orElse(null);
        } catch (ProblemException e) {
            throw new CommandRefused(e);
        }
    }
}

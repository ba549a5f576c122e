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

    @Option(name = "--limit", description = "At most this many entries (default 50)")
    int limit = 50;

    @Reference
    AuditLog audit;

    @Override
    public Object execute() {
        List<AuditEntry> entries = audit.find(new AuditQuery(initiativeId, actor, action, module,
                from == null ? null : Instant.parse(from), to == null ? null : Instant.parse(to), before,
                Math.max(1, Math.min(1000, limit))));
        ShellTable table = new ShellTable();
        for (String column : new String[] {"Id", "At", "Actor", "Module", "Action", "Detail"}) {
            table.column(column);
        }
        entries.forEach(e -> table.addRow().addContent(e.id(), e.at(), e.actor(), e.module(), e.action(), e.detail()));
        table.print(System.out);
        if (entries.size() == Math.max(1, Math.min(1000, limit))) {
            System.out.println("next page: --before " + entries.get(entries.size() - 1).id());
        }
        return null;
    }
}

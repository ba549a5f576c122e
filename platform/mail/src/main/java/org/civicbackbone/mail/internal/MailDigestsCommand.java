package org.civicbackbone.mail.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.civicbackbone.api.problem.ProblemException;
import org.civicbackbone.api.shell.CommandRefused;

/** Sends today's digests that are not sent yet, now rather than at the hour set. */
@Service
@Command(scope = "backbone", name = "mail-digests",
        description = "Sends today's e-mail digests that are not sent yet, now, and prints today's log")
public class MailDigestsCommand implements Action {

    @Reference
    DailyDigests digests;

    @Override
    public Object execute() {
        try {
            MailCommand.print(digests.today().toString(), digests.sendToday());
            return null;
        } catch (ProblemException e) {
            throw new CommandRefused(e);
        }
    }
}

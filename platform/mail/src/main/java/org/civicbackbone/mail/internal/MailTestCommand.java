package org.civicbackbone.mail.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.civicbackbone.api.problem.ProblemException;
import org.civicbackbone.api.shell.CommandRefused;

/** Sends a letter that says only that mail works, to check the settings in etc/org.civicbackbone.mail.cfg. */
@Service
@Command(scope = "backbone", name = "mail-test",
        description = "Sends a letter that shows the mail settings reach the SMTP server")
public class MailTestCommand implements Action {

    @Argument(index = 0, name = "to", description = "The address to send it to", required = true)
    String to;

    @Reference
    DailyDigests digests;

    @Override
    public Object execute() {
        try {
            DailyDigests.TestLetter sent = digests.sendTestLetter(to);
            System.out.println("The mail server at " + sent.server() + " took a letter to " + sent.to() + ".");
            return null;
        } catch (ProblemException e) {
            throw new CommandRefused(e);
        }
    }
}

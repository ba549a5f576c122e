package org.civicbackbone.measurement.internal.shell;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.FileCompleter;
import org.civicbackbone.api.problem.ProblemException;
import org.civicbackbone.api.problem.Violation;
import org.civicbackbone.api.shell.CommandRefused;
import org.civicbackbone.measurement.internal.ImportJob;
import org.civicbackbone.measurement.internal.ReportingScope;
import org.civicbackbone.measurement.internal.ValueImports;
import org.civicbackbone.measurement.internal.ValueUpload;

/** Imports a CSV file of values as a job, all or nothing, showing its progress until it ends. */
@Service
@Command(scope = "backbone", name = "values-import",
        description = "Imports indicator values from a CSV file (indicator,period,partner,value[,dimension,category]); "
                + "a bad row refuses the whole file")
public class ValuesImportCommand implements Action {

    @Argument(index = 0, name = "initiative", description = "The initiative id", required = true)
    String initiativeId;

    @Argument(index = 1, name = "file", description = "The CSV file", required = true)
    @Completion(FileCompleter.class)
    String file;

    @Reference
    ValueImports imports;

    @Reference
    Session session;

    @Override
    public Object execute() throws InterruptedException {
        ImportJob job;
        try {
            // the shell is for platform operators: they may import for any partner
            job = imports.start(initiativeId, ValueUpload.receive(Files.newInputStream(Path.of(file))),
                    ShellUser.of(session), ReportingScope.ANY);
        } catch (NoSuchFileException e) {
            throw new CommandRefused("There is no file " + Path.of(file).toAbsolutePath() + " (the path is read where the "
                    + "platform runs).");
        } catch (IOException e) {
            throw new CommandRefused("Cannot read " + file + ": " + e);
        } catch (ProblemException e) {
            throw new CommandRefused(e);
        }
        PrintStream out = System.out;
        while (!job.state().ended()) {
            out.print("\r" + bar(job));
            out.flush();
            Thread.sleep(250);
            job = imports.job(initiativeId, job.id());
        }
        out.println("\r" + bar(job));
        out.println("Import " + job.id() + " " + job.state() + ": " + job.message());
        for (Violation v : job.violations()) {
            out.println("  " + v.field() + ": " + v.message());
        }
        if (job.faults() > job.violations().size()) {
            out.println("  ... and " + (job.faults() - job.violations().size()) + " more");
        }
        if (job.state() != ImportJob.State.DONE) { // the faults are printed above; a script sees it in the exit code
            throw new CommandRefused("Import " + job.id() + " " + job.state() + ": nothing was stored");
        }
        return null;
    }

    /** {@code [#########-----------]  45%  checked 450,000 rows, stored 449,000}: the share of the upload read. */
    static String bar(ImportJob job) {
        int percent = switch (job.state()) {
            case RECEIVING, QUEUED -> 0;
            case CHECKING, STORING -> job.bytes() == 0 ? 0 : (int) Math.min(100, 100 * job.bytesRead() / job.bytes());
            default -> job.state() == ImportJob.State.DONE ? 100 : 0;
        };
        String filled = "#".repeat(percent / 5) + "-".repeat(20 - percent / 5);
        String what = switch (job.state()) {
            case QUEUED -> "waiting for the import before it";
            case RECEIVING -> "receiving the upload";
            case CHECKING -> String.format("checked %,d rows, stored %,d", job.rowsChecked(), job.rowsStored());
            case STORING -> String.format("committing %,d rows", job.rowsChecked());
            default -> String.format("%,d of %,d rows stored", job.rowsStored(), job.rowsRead());
        };
        return String.format("[%s] %3d%%  %-40s", filled, percent, what);
    }
}

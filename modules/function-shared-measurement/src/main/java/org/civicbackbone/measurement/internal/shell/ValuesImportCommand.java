package org.civicbackbone.measurement.internal.shell;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
import org.civicbackbone.measurement.internal.SharedMeasurement;

/** Imports a CSV file of values, all or nothing. */
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
    SharedMeasurement measurement;

    @Reference
    Session session;

    @Override
    public Object execute() {
        String csv;
        try {
            csv = Files.readString(Path.of(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            System.err.println("Cannot read " + file + ": " + e.getMessage());
            return null;
        }
        try {
            int count = measurement.importValues(initiativeId, csv, ShellUser.of(session),
                    org.civicbackbone.measurement.internal.ReportingScope.ANY); // the shell is for platform operators
            System.out.println("Imported " + count + " values into " + initiativeId);
        } catch (ProblemException e) {
            ShellUser.print(e);
        }
        return null;
    }
}

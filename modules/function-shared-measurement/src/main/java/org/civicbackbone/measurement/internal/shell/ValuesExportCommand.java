package org.civicbackbone.measurement.internal.shell;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.civicbackbone.measurement.internal.SharedMeasurement;

/** Exports an initiative's values as CSV, to a file or the terminal. */
@Service
@Command(scope = "backbone", name = "values-export", description = "Exports an initiative's indicator values as CSV")
public class ValuesExportCommand implements Action {

    @Argument(index = 0, name = "initiative", description = "The initiative id", required = true)
    String initiativeId;

    @Argument(index = 1, name = "file", description = "The file to write; the terminal when absent")
    String file;

    @Reference
    SharedMeasurement measurement;

    @Override
    public Object execute() throws IOException {
        String csv = measurement.exportValues(initiativeId);
        if (file == null) {
            System.out.print(csv);
        } else {
            Files.writeString(Path.of(file), csv, StandardCharsets.UTF_8);
            System.out.println("Wrote " + (csv.lines().count() - 1) + " values to " + file);
        }
        return null;
    }
}

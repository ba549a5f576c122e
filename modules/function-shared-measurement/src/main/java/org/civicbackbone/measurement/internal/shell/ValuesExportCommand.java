package org.civicbackbone.measurement.internal.shell;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.civicbackbone.api.problem.ProblemException;
import org.civicbackbone.api.shell.CommandRefused;
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
    public Object execute() {
        String csv;
        try {
            csv = measurement.exportValues(initiativeId);
        } catch (ProblemException e) {
            throw new CommandRefused(e);
        }
        if (file == null) {
            System.out.print(csv);
            return null;
        }
        Path target = Path.of(file).toAbsolutePath();
        if (!Files.isDirectory(target.getParent())) {
            throw new CommandRefused("There is no folder " + target.getParent() + " (the path is read where the "
                    + "platform runs).");
        }
        write(target, csv);
        System.out.println("Wrote " + (csv.lines().count() - 1) + " values to " + target);
        return null;
    }

    /** Whole or not at all: a file half written by a crash would pass for an export with fewer values. */
    private static void write(Path target, String csv) {
        Path part = null;
        try {
            part = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".part");
            Files.writeString(part, csv, StandardCharsets.UTF_8);
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new CommandRefused("Cannot write " + target + ": " + e);
        } finally {
            try {
                if (part != null) {
                    Files.deleteIfExists(part);
                }
            } catch (IOException e) {
                // the .part file stays beside the target; nothing else to undo
            }
        }
    }
}

package org.civicbackbone.measurement.internal.shell;

import static org.junit.Assert.assertEquals;

import java.time.Instant;
import java.util.List;
import org.civicbackbone.measurement.internal.ImportJob;
import org.civicbackbone.measurement.internal.ImportJob.State;
import org.junit.Test;

public class ValuesImportCommandTest {

    private static ImportJob job(State state, long bytesRead, int checked, int stored) {
        return new ImportJob(1, "i", state, 1_000, bytesRead, checked, checked, stored, 0, List.of(), null, "admin",
                Instant.EPOCH, null);
    }

    @Test
    public void theBarIsTheShareOfTheUploadRead() {
        assertEquals("[#########-----------]  45%  checked 450,000 rows, stored 449,000",
                ValuesImportCommand.bar(job(State.CHECKING, 450, 450_000, 449_000)).strip());
        assertEquals("[####################] 100%  committing 1,000,000 rows",
                ValuesImportCommand.bar(job(State.STORING, 1_000, 1_000_000, 999_000)).strip());
        assertEquals("[####################] 100%  1,000,000 of 1,000,000 rows stored",
                ValuesImportCommand.bar(job(State.DONE, 1_000, 1_000_000, 1_000_000)).strip());
        assertEquals("[--------------------]   0%  0 of 3 rows stored",
                ValuesImportCommand.bar(job(State.REFUSED, 1_000, 3, 0)).strip());
    }
}

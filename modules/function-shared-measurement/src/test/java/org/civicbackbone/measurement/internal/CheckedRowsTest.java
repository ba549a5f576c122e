package org.civicbackbone.measurement.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.civicbackbone.api.initiative.Organisation;
import org.civicbackbone.api.initiative.Sector;
import org.junit.Test;

public class CheckedRowsTest {

    private static final Indicator CARDS = new Indicator(7, "i", "Library cards", "d", "cards", Direction.UP,
            Aggregation.SUM, PeriodType.MONTH, BigDecimal.ONE, LocalDate.of(2024, 1, 1), BigDecimal.TEN,
            LocalDate.of(2027, 1, 1), null, null);
    private static final Organisation LIBRARY = new Organisation(1, "i", "Library", List.of(),
            List.of(Sector.PUBLIC_AGENCY));
    private static final ValueImport FILE = new ValueImport(
            ref -> ref.equals("7") ? Optional.of(CARDS) : Optional.empty(),
            name -> name.equals("Library") ? Optional.of(LIBRARY) : Optional.empty());

    /** A file of {@code rows} values, one per category; row {@code bad} (counted from 1, 0 for none) has no number. */
    private static String file(int rows, int bad) {
        StringBuilder csv = new StringBuilder("indicator,period,partner,value,dimension,category\n");
        for (int i = 1; i <= rows; i++) {
            csv.append("7,2025-01,Library,").append(i == bad ? "x" : i).append(",age,c").append(i).append('\n');
        }
        return csv.toString();
    }

    @Test
    public void everyRowReachesTheStoringThreadInTheFilesOrder() {
        List<ValueImport.Row> stored = new ArrayList<>();
        Set<Thread> storingThreads = ConcurrentHashMap.newKeySet();
        Set<Thread> progressThreads = ConcurrentHashMap.newKeySet();
        int rows = CheckedRows.BATCH * (CheckedRows.BATCHES + 3) + 17; // more than the queue holds, and a part batch
        ValueImport.Check check = CheckedRows.read(FILE, new StringReader(file(rows, 0)),
                read -> progressThreads.add(Thread.currentThread()), p -> true, row -> {
                    storingThreads.add(Thread.currentThread());
                    stored.add(row);
                });
        assertEquals(0, check.faults());
        assertEquals(rows, check.rows());
        assertEquals(rows, stored.size());
        for (int i = 0; i < rows; i++) {
            assertEquals("c" + (i + 1), stored.get(i).report().category());
        }
        assertEquals("rows are stored on the calling thread (it holds the transaction)",
                Set.of(Thread.currentThread()), storingThreads);
        assertFalse("the file is read on a thread of its own", progressThreads.contains(Thread.currentThread()));
        assertFalse(readerAlive());
    }

    @Test
    public void aFileWithAFaultHandsOnOnlyTheRowsBeforeItAndReportsIt() {
        List<ValueImport.Row> stored = new ArrayList<>();
        ValueImport.Check check = CheckedRows.read(FILE, new StringReader(file(2500, 1500)), read -> { }, p -> true,
                stored::add);
        assertEquals(1, check.faults());
        assertEquals("row 1501, column value", check.violations().get(0).field());
        assertEquals(1499, stored.size());
    }

    @Test
    public void aFailureToStoreStopsTheReadingAndIsThrown() {
        IllegalStateException refused = new IllegalStateException("the database is full");
        int[] stored = {0};
        try {
            CheckedRows.read(FILE, new StringReader(file(20_000, 0)), read -> { }, p -> true, row -> {
                if (++stored[0] == 1500) {
                    throw refused;
                }
            });
            fail("the store's failure must reach the caller");
        } catch (IllegalStateException e) {
            assertSame(refused, e);
        }
        assertEquals(1500, stored[0]);
        assertFalse("the reading thread has ended", readerAlive());
    }

    @Test
    public void aFailureToReadIsThrownAfterTheRowsBeforeItWereStored() {
        String head = file(2500, 0);
        Reader broken = new Reader() {
            private final StringReader start = new StringReader(head);

            @Override
            public int read(char[] into, int offset, int length) throws IOException {
                int n = start.read(into, offset, length);
                if (n < 0) {
                    throw new IOException("the upload's chunk 7 is gone");
                }
                return n;
            }

            @Override
            public void close() {
            }
        };
        List<ValueImport.Row> stored = new ArrayList<>();
        try {
            CheckedRows.read(FILE, broken, read -> { }, p -> true, stored::add);
            fail("the read's failure must reach the caller");
        } catch (UncheckedIOException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("chunk 7"));
        }
        assertTrue("the rows before the failure were handed on (the transaction rolls them back)", stored.size() > 0);
        assertFalse(readerAlive());
    }

    @Test
    public void aProgressReportThatStopsTheImportIsThrown() {
        try {
            CheckedRows.read(FILE, new StringReader(file(25_000, 0)), read -> {
                if (read >= 20_000) {
                    throw new IllegalStateException("the module is stopping");
                }
            }, p -> true, row -> { });
            fail("a stop must reach the caller");
        } catch (IllegalStateException e) {
            assertEquals("the module is stopping", e.getMessage());
        }
        assertFalse(readerAlive());
    }

    private static boolean readerAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().equals("backbone-value-import-reader") && t.isAlive());
    }
}

package org.civicbackbone.measurement.internal;

import static org.junit.Assert.assertEquals;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.Test;

public class CsvTest {

    @Test
    public void parsesQuotesEscapesAndLineEnds() {
        assertEquals(List.of(List.of("a", "b, c", "say \"hi\""), List.of("", "x", "")),
                Csv.parse("a,\"b, c\",\"say \"\"hi\"\"\"\r\n,x,\r\n\r\n"));
    }

    @Test
    public void writesWhatItReads() {
        List<String> fields = List.of("Kindergarten, readiness", "2025-Q1", "He said \"ok\"", "");
        assertEquals(List.of(fields), Csv.parse(Csv.line(fields)));
    }

    /**
     * A control character is a fault of the file, quoted or not (a tab and a quoted line break are text's own); NUL,
     * as a file saved as UTF-16 reads, says how to save it instead.
     */
    @Test
    public void refusesControlCharactersAndSaysHowToSaveAUtf16File() {
        assertEquals(List.of(List.of("a\tb", "line\none")), Csv.parse("a\tb,\"line\none\"\n"));
        Csv.MalformedCsv nul = org.junit.Assert.assertThrows(Csv.MalformedCsv.class,
                () -> Csv.parse("i\u0000n\u0000d\u0000,x\n"));
        assertEquals(1, nul.row());
        assertEquals("holds the control character U+0000 (line 1): a file saved as UTF-16 (Excel's \"Unicode Text\") "
                + "has one beside every letter; save it as \"CSV UTF-8\"", nul.getMessage());
        Csv.MalformedCsv bell = org.junit.Assert.assertThrows(Csv.MalformedCsv.class,
                () -> Csv.parse("a,b\n\"c\u0007\",d\n"));
        assertEquals(2, bell.row());
        assertEquals("holds the control character U+0007 (line 2): remove it", bell.getMessage());
    }

    /** The reader refills its block wherever a read ends: a quote, a CR LF or a BOM split across reads parse alike. */
    @Test
    public void readsTheSameWhereverTheInputIsCut() throws IOException {
        String text = "\uFEFFa,\"b\r\n\"\"c\"\"\",d\r\n\r\n\"\",e\rlast,\"\"\"\"";
        List<List<String>> expected = List.of(List.of("a", "b\r\n\"c\"", "d"), List.of("", "e"), List.of("last", "\""));
        for (int most = 1; most <= text.length(); most++) {
            assertEquals("reads of at most " + most + " characters", expected, records(new Trickle(text, most)));
        }
    }

    private static List<List<String>> records(Reader in) throws IOException {
        List<List<String>> records = new ArrayList<>();
        try (Csv.Reader csv = new Csv.Reader(in)) {
            for (List<String> r = csv.next(); r != null; r = csv.next()) {
                records.add(r);
            }
        }
        return records;
    }

    /** A reader that gives at most a few characters a read, as a slow network upload does. */
    private static final class Trickle extends Reader {
        private final StringReader text;
        private final int most;

        Trickle(String text, int most) {
            this.text = new StringReader(text);
            this.most = most;
        }

        @Override
        public int read(char[] into, int offset, int length) throws IOException {
            return text.read(into, offset, Math.min(length, most));
        }

        @Override
        public void close() {
            text.close();
        }
    }
}

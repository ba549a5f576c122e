package org.civicbackbone.measurement.internal;

import static org.junit.Assert.assertEquals;

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
}

package org.civicbackbone.api.csv;

import java.math.BigDecimal;
import java.util.List;

/**
 * A CSV document for people who open it in a spreadsheet: RFC 4180 quoting, CRLF line ends, and text cells that a
 * spreadsheet would run as a formula (starting with {@code = + - @}, a tab or a carriage return) prefixed with an
 * apostrophe. Numbers are written as they are. Build one per export; it is not shared between threads.
 */
public final class CsvTable {

    private final StringBuilder text = new StringBuilder();
    private final int columns;

    /** Starts a document with its header row. */
    public CsvTable(List<String> header) {
        this.columns = header.size();
        append(header.toArray());
    }

    /** Adds a row; {@code null} cells are empty. Refuses a row with a different number of cells than the header. */
    public CsvTable row(Object... cells) {
        if (cells.length != columns) {
            throw new IllegalArgumentException("a row has " + cells.length + " cells, the header " + columns);
        }
        append(cells);
        return this;
    }

    private void append(Object[] cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                text.append(',');
            }
            text.append(cell(cells[i]));
        }
        text.append("\r\n");
    }

    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Number n) {
            return n instanceof BigDecimal d ? d.toPlainString() : n.toString();
        }
        String s = value.toString();
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
            s = "'" + s;
        }
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            s = '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }

    /** The document. */
    @Override
    public String toString() {
        return text.toString();
    }
}

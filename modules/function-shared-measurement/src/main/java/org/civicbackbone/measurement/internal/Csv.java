package org.civicbackbone.measurement.internal;

import java.io.Closeable;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** RFC 4180 CSV: fields separated by commas, optionally quoted with doubled quotes inside; CRLF or LF line ends. */
public final class Csv {

    /** The longest field read: longer ones are faults of the file, not reasons to run out of memory. */
    static final int MAX_FIELD = 100_000;

    private Csv() {
    }

    /** Thrown for text that is not well-formed CSV. */
    public static final class MalformedCsv extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final int row;

        MalformedCsv(int row, String message) {
            super(message);
            this.row = row;
        }

        /** The 1-based row where the fault is. */
        public int row() {
            return row;
        }
    }

    /** Parses all records of a text; blank lines are skipped. */
    public static List<List<String>> parse(String text) {
        List<List<String>> rows = new ArrayList<>();
        try (Reader reader = new Reader(new StringReader(text))) {
            for (List<String> row = reader.next(); row != null; row = reader.next()) {
                rows.add(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a string does not fail to read
        }
        return rows;
    }

    /**
     * Reads records one at a time from a character stream, so a file of any length is parsed in constant memory
     * (a field is at most {@link #MAX_FIELD} characters). A byte-order mark at the start is skipped.
     */
    public static final class Reader implements Closeable {

        private final java.io.Reader in;
        // read a block at a time: BufferedReader.read() takes a lock for every character, a third of the parse
        private final char[] block = new char[1 << 16];
        private int position;
        private int limit;
        private final StringBuilder field = new StringBuilder();
        private int records;
        private int line = 1;
        private int pending = -2; // -2: nothing read ahead

        public Reader(java.io.Reader in) {
            this.in = in;
        }

        /** Records returned so far: the number of the last one (the header is record 1). */
        public int records() {
            return records;
        }

        private int read() throws IOException {
            if (pending != -2) {
                int c = pending;
                pending = -2;
                return c;
            }
            if (position == limit) {
                int n = in.read(block, 0, block.length);
                if (n <= 0) {
                    return -1;
                }
                position = 0;
                limit = n;
            }
            return block[position++];
        }

        /** The next record, or null at the end; blank lines are skipped. */
        public List<String> next() throws IOException {
            List<String> row = new ArrayList<>(8);
            StringBuilder field = this.field;
            field.setLength(0);
            boolean quoted = false;
            boolean fieldStarted = false;
            int c = read();
            if (records == 0 && line == 1 && c == '\uFEFF') {
                c = read();
            }
            for (; c != -1; c = read()) {
                char ch = (char) c;
                if (field.length() > MAX_FIELD) {
                    throw new MalformedCsv(records + 1, "a field is longer than " + MAX_FIELD + " characters");
                }
                if (quoted) {
                    if (ch == '"') {
                        int after = read();
                        if (after == '"') {
                            field.append('"');
                        } else {
                            quoted = false;
                            pending = after;
                        }
                    } else {
                        if (ch == '\n') {
                            line++;
                        } else if (ch != '\r') {
                            refuseControl(ch);
                        }
                        field.append(ch);
                    }
                } else if (ch == '"') {
                    if (field.length() > 0) {
                        throw new MalformedCsv(records + 1, "a quote may only open a field");
                    }
                    quoted = true;
                    fieldStarted = true;
                } else if (ch == ',') {
                    row.add(field.toString());
                    field.setLength(0);
                    fieldStarted = true;
                } else if (ch == '\n' || ch == '\r') {
                    if (ch == '\r') {
                        int after = read();
                        if (after != '\n') {
                            pending = after;
                        }
                    }
                    line++;
                    if (fieldStarted || field.length() > 0 || !row.isEmpty()) {
                        row.add(field.toString());
                        records++;
                        return row;
                    }
                } else {
                    refuseControl(ch);
                    field.append(ch);
                    fieldStarted = true;
                }
            }
            if (quoted) {
                throw new MalformedCsv(records + 1, "a quoted field is not closed (line " + line + ")");
            }
            if (fieldStarted || field.length() > 0 || !row.isEmpty()) {
                row.add(field.toString());
                records++;
                return row;
            }
            return null;
        }

        /**
         * A control character is no value's (PostgreSQL cannot even store NUL), except a tab. NUL in every other place
         * is how a file saved as UTF-16 reads as UTF-8: the fault says how to save it instead.
         */
        private void refuseControl(char ch) {
            if (ch < 0x20 && ch != '\t' || ch == 0x7f) {
                throw new MalformedCsv(records + 1, String.format("holds the control character U+%04X (line %d)%s",
                        (int) ch, line, ch == 0 ? ": a file saved as UTF-16 (Excel's \"Unicode Text\") has one beside "
                                + "every letter; save it as \"CSV UTF-8\"" : ": remove it"));
            }
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    /** Writes one record, quoting fields that need it. */
    public static String line(List<String> fields) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            String f = fields.get(i) == null ? "" : fields.get(i);
            if (f.contains(",") || f.contains("\"") || f.contains("\n") || f.contains("\r")) {
                out.append('"').append(f.replace("\"", "\"\"")).append('"');
            } else {
                out.append(f);
            }
        }
        return out.append("\r\n").toString();
    }
}

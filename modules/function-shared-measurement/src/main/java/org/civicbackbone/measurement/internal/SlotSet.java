package org.civicbackbone.measurement.internal;

/**
 * The slots of the rows read so far, each as a 64-bit number with the row it came from: an open-addressing table of
 * primitives, 12 bytes a row, so a file of millions of rows is checked for repeats in tens of megabytes. Two different
 * slots share a number with a chance of about one in 10^13 for a million rows; the import would then refuse a row as
 * a repeat, which is seen and can be told, never a silent loss.
 */
final class SlotSet {

    private long[] slots = new long[1 << 12];
    private int[] rows = new int[1 << 12];
    private int size;

    /** Adds the slot for the row, or returns the earlier row (never 0) that has it. */
    int addIfAbsent(long slot, int row) {
        if (size * 2 >= slots.length) {
            grow();
        }
        long key = slot == 0 ? 1 : slot; // 0 marks a free place
        int mask = slots.length - 1;
        for (int i = spread(key) & mask; ; i = (i + 1) & mask) {
            if (slots[i] == 0) {
                slots[i] = key;
                rows[i] = row;
                size++;
                return 0;
            }
            if (slots[i] == key) {
                return rows[i];
            }
        }
    }

    private static int spread(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }

    private void grow() {
        long[] oldSlots = slots;
        int[] oldRows = rows;
        slots = new long[oldSlots.length * 2];
        rows = new int[oldRows.length * 2];
        size = 0;
        for (int i = 0; i < oldSlots.length; i++) {
            if (oldSlots[i] != 0) {
                addIfAbsent(oldSlots[i], oldRows[i]);
            }
        }
    }
}

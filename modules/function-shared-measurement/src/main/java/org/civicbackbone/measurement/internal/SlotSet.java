package org.civicbackbone.measurement.internal;

/**
 * Slots, each as a 64-bit number, with a number that goes with it (never 0): the row of a file that had it, or the id
 * of the value that holds it. An open-addressing table of primitives, 16 bytes a slot, so millions of slots fit in
 * tens of megabytes. Two different slots share a number with a chance of about one in 10^13 for a million; a check
 * then refuses a row as a repeat, and an import finds the update of the other slot's value matching no row and
 * stores nothing: seen and told, never a silent loss.
 */
final class SlotSet {

    private long[] slots = new long[1 << 12];
    private long[] values = new long[1 << 12];
    private int size;

    /** Adds the slot with its value, or returns the value (never 0) it already has. */
    long addIfAbsent(long slot, long value) {
        if (size * 2 >= slots.length) {
            grow();
        }
        long key = slot == 0 ? 1 : slot; // 0 marks a free place
        int mask = slots.length - 1;
        for (int i = spread(key) & mask; ; i = (i + 1) & mask) {
            if (slots[i] == 0) {
                slots[i] = key;
                values[i] = value;
                size++;
                return 0;
            }
            if (slots[i] == key) {
                return values[i];
            }
        }
    }

    /** The slot's value, or 0 when the slot is not here. */
    long get(long slot) {
        long key = slot == 0 ? 1 : slot;
        int mask = slots.length - 1;
        for (int i = spread(key) & mask; slots[i] != 0; i = (i + 1) & mask) {
            if (slots[i] == key) {
                return values[i];
            }
        }
        return 0;
    }

    private static int spread(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }

    private void grow() {
        long[] oldSlots = slots;
        long[] oldValues = values;
        slots = new long[oldSlots.length * 2];
        values = new long[oldValues.length * 2];
        size = 0;
        for (int i = 0; i < oldSlots.length; i++) {
            if (oldSlots[i] != 0) {
                addIfAbsent(oldSlots[i], oldValues[i]);
            }
        }
    }

    /** Folds a number into the hash, spreading every bit of it over all 64 (the finaliser of SplitMix64). */
    static long mix(long h, long value) {
        long z = h ^ value;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Folds a text into the hash, char by char (FNV-1a over 64 bits), then its length. */
    static long text(long h, String text) {
        long f = 0xCBF29CE484222325L;
        for (int i = 0; i < text.length(); i++) {
            f = (f ^ text.charAt(i)) * 0x100000001B3L;
        }
        return mix(mix(h, f), text.length());
    }
}

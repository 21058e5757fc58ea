package org.omerosdk.model.screen;

/** How plate rows or columns are labelled (OMERO's NamingConvention): letters A, B, ... or numbers 1, 2, ... */
public enum NamingConvention {
    LETTER, NUMBER;

    /** The label of the 0-based {@code index}: {@code 0 -> "A"} or {@code "1"}; letters continue AA, AB, ... */
    public String label(int index) {
        if (this == NUMBER) {
            return Integer.toString(index + 1);
        }
        StringBuilder s = new StringBuilder();
        for (int i = index; i >= 0; i = i / 26 - 1) {
            s.insert(0, (char) ('A' + i % 26));
        }
        return s.toString();
    }
}

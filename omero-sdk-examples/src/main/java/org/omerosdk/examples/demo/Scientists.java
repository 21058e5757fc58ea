package org.omerosdk.examples.demo;

import java.util.List;

/**
 * The names given to the demo's users {@code user-1} ... {@code user-50}, as in OMERO's training workshops, where
 * each workshop account carries the name of a famous scientist.
 */
final class Scientists {
    /** First name and last name of user-(i+1). */
    record Name(String first, String last) {
    }

    static final List<Name> NAMES = List.of(
            new Name("Ada", "Lovelace"), new Name("Francis", "Crick"), new Name("Rosalind", "Franklin"),
            new Name("Marie", "Curie"), new Name("Charles", "Darwin"), new Name("Gregor", "Mendel"),
            new Name("Louis", "Pasteur"), new Name("Isaac", "Newton"), new Name("Albert", "Einstein"),
            new Name("Galileo", "Galilei"), new Name("Dorothy", "Hodgkin"), new Name("Barbara", "McClintock"),
            new Name("Santiago", "Ramon y Cajal"), new Name("Camillo", "Golgi"), new Name("Antonie", "van Leeuwenhoek"),
            new Name("Robert", "Hooke"), new Name("Rita", "Levi-Montalcini"), new Name("Lise", "Meitner"),
            new Name("Emmy", "Noether"), new Name("Alan", "Turing"), new Name("Niels", "Bohr"),
            new Name("Max", "Planck"), new Name("Erwin", "Schroedinger"), new Name("Richard", "Feynman"),
            new Name("Chien-Shiung", "Wu"), new Name("Gertrude", "Elion"), new Name("Youyou", "Tu"),
            new Name("Alexander", "Fleming"), new Name("James", "Watson"), new Name("Maurice", "Wilkins"),
            new Name("Linus", "Pauling"), new Name("Jane", "Goodall"), new Name("Rachel", "Carson"),
            new Name("Edwin", "Hubble"), new Name("Vera", "Rubin"), new Name("Henrietta", "Leavitt"),
            new Name("Johannes", "Kepler"), new Name("Nicolaus", "Copernicus"), new Name("Michael", "Faraday"),
            new Name("James Clerk", "Maxwell"), new Name("Dmitri", "Mendeleev"), new Name("Ernst", "Abbe"),
            new Name("Frits", "Zernike"), new Name("Ernest", "Rutherford"), new Name("Grace", "Hopper"),
            new Name("Katherine", "Johnson"), new Name("Sophie", "Germain"), new Name("Mary", "Anning"),
            new Name("Stephen", "Hawking"), new Name("Emilie", "du Chatelet"));

    private Scientists() {
    }
}

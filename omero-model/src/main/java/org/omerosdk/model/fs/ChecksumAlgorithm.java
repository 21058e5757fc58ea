package org.omerosdk.model.fs;

import java.util.Locale;
import org.omerosdk.model.ValidationException;

/** OMERO's checksum algorithm names (the ChecksumAlgorithm enumeration), as stored with an original file's hash. */
public enum ChecksumAlgorithm {
    ADLER_32("Adler-32"), CRC_32("CRC-32"), MD5_128("MD5-128"), MURMUR3_32("Murmur3-32"),
    MURMUR3_128("Murmur3-128"), SHA1_160("SHA1-160"), FILE_SIZE_64("File-Size-64");

    private final String omeroName;

    ChecksumAlgorithm(String omeroName) {
        this.omeroName = omeroName;
    }

    /** OMERO's name, e.g. {@code SHA1-160}. */
    public String omeroName() {
        return omeroName;
    }

    /** @throws ValidationException naming the text and the accepted names */
    public static ChecksumAlgorithm fromOmeroName(String name) {
        for (ChecksumAlgorithm a : values()) {
            if (a.omeroName.toLowerCase(Locale.ROOT).equals(name.trim().toLowerCase(Locale.ROOT))) {
                return a;
            }
        }
        throw new ValidationException("checksum algorithm \"" + name + "\" is unknown; accepted: Adler-32, CRC-32, "
                + "MD5-128, Murmur3-32, Murmur3-128, SHA1-160, File-Size-64");
    }
}

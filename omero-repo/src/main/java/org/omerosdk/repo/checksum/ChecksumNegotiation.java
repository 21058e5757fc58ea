package org.omerosdk.repo.checksum;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.omerosdk.model.ValidationException;
import org.omerosdk.model.config.ConfigKeys;
import org.omerosdk.model.config.OmeroConfig;
import org.omerosdk.model.fs.ChecksumAlgorithm;

/**
 * OMERO's checksum negotiation and verification. The repository's list ({@code omero.checksum.supported}) is in
 * descending order of preference; the client's order does not matter.
 */
public final class ChecksumNegotiation {
    private final List<ChecksumAlgorithm> supported;

    private ChecksumNegotiation(List<ChecksumAlgorithm> supported) {
        this.supported = List.copyOf(supported);
    }

    /** The repository's list from {@code omero.checksum.supported}. */
    public static ChecksumNegotiation from(OmeroConfig config) {
        return new ChecksumNegotiation(parse(config.get(ConfigKeys.CHECKSUM_SUPPORTED)));
    }

    /**
     * Parses a comma-separated, non-empty list of OMERO's algorithm names without repeats.
     *
     * @throws ValidationException naming the value and what is accepted
     */
    public static List<ChecksumAlgorithm> parse(String value) {
        List<ChecksumAlgorithm> list = new ArrayList<>();
        for (String item : value.split(",")) {
            String name = item.trim();
            if (name.isEmpty()) {
                throw new ValidationException("omero.checksum.supported = \"" + value + "\" has an empty item; "
                        + "give a comma-separated list of Adler-32, CRC-32, MD5-128, Murmur3-32, Murmur3-128, "
                        + "SHA1-160, File-Size-64");
            }
            ChecksumAlgorithm a = ChecksumAlgorithm.fromOmeroName(name);
            if (list.contains(a)) {
                throw new ValidationException("omero.checksum.supported = \"" + value + "\" names " + name
                        + " twice");
            }
            list.add(a);
        }
        return list;
    }

    /** The repository's algorithms, most preferred first. */
    public List<ChecksumAlgorithm> supported() {
        return supported;
    }

    /** The first repository-listed algorithm the client also offers; empty when they share none. */
    public Optional<ChecksumAlgorithm> suggest(Collection<ChecksumAlgorithm> clientOffers) {
        return supported.stream().filter(clientOffers::contains).findFirst();
    }

    /**
     * Compares a client's checksums with the repository's, per file, exactly (OMERO compares uploads
     * case-sensitively: both sides print lower-case hex).
     *
     * @param clientByPath the client's checksum of each file
     * @param storedByPath the repository's checksum of each file
     * @throws ChecksumMismatchException naming every file whose checksums differ or that the repository lacks
     */
    public static void verify(ChecksumAlgorithm algorithm, Map<String, String> clientByPath,
                              Map<String, String> storedByPath) {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, String> e : clientByPath.entrySet()) {
            String stored = storedByPath.get(e.getKey());
            if (stored == null) {
                problems.add(e.getKey() + ": no " + algorithm.omeroName() + " checksum stored");
            } else if (!stored.equals(e.getValue())) {
                problems.add(e.getKey() + ": client " + e.getValue() + ", repository " + stored);
            }
        }
        if (!problems.isEmpty()) {
            throw new ChecksumMismatchException(algorithm.omeroName() + " checksum mismatch for "
                    + problems.size() + " file(s): " + String.join("; ", problems));
        }
    }

    @Override
    public String toString() {
        return "ChecksumNegotiation" + supported;
    }
}

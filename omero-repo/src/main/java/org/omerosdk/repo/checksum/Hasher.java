package org.omerosdk.repo.checksum;

/** One algorithm's running state: fed bytes in any number of calls, then finished once. */
interface Hasher {
    void update(byte[] bytes, int offset, int length);

    /** The digest bytes, in the order OMERO prints them. */
    byte[] finish();
}

package org.omerosdk.repo.checksum;

import org.omerosdk.model.StorageException;

/**
 * The bytes the repository stored do not hash to what the client computed: the transfer or the storage corrupted
 * them. The message names each file and both checksums.
 */
public final class ChecksumMismatchException extends StorageException {
    private static final long serialVersionUID = 1L;

    public ChecksumMismatchException(String message) {
        super(message);
    }
}

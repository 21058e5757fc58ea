package org.omerosdk.s3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.omerosdk.model.StorageException;
import org.omerosdk.model.store.BinaryStore;
import org.omerosdk.repo.store.BinaryStoreContract;

/** The contract against a real S3 API (s3proxy on loopback), plus what is particular to object storage. */
class S3BinaryStoreTest extends BinaryStoreContract {
    @Override
    protected BinaryStore newStore() throws Exception {
        return S3ProxyServer.shared().newStore();
    }

    @Override
    protected boolean hasUnfinishedWrites() {
        return ((S3BinaryStore) store).hasUnfinishedUploads();
    }

    @Test
    void largeObjectsGoAsMultipartUploadsAndArriveWhole() {
        byte[] data = new byte[(int) S3BinaryStore.MULTIPART_THRESHOLD + 1_234_567];
        new Random(5).nextBytes(data);
        store.put("big/object.bin", data);
        assertArrayEquals(data, store.read("big/object.bin"));
        assertFalse(hasUnfinishedWrites());
    }

    @Test
    void aFailingLargeUploadIsAbortedAndLeavesNothing() {
        InputStream failingLate = new InputStream() {
            private long served;

            @Override
            public int read() throws IOException {
                if (++served > S3BinaryStore.MULTIPART_THRESHOLD + 10) {
                    throw new IOException("simulated: client died");
                }
                return 1;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                for (int i = 0; i < len; i++) {
                    b[off + i] = (byte) read();
                }
                return len;
            }
        };
        assertThrows(Exception.class, () -> store.put("big/broken.bin", failingLate));
        assertFalse(store.exists("big/broken.bin"));
        assertFalse(hasUnfinishedWrites());
    }

    @Test
    void aMissingBucketIsAStorageErrorNamingTheBucket() throws Exception {
        URI endpoint = S3ProxyServer.shared().endpoint();
        try (S3BinaryStore nowhere = S3BinaryStore.builder().endpoint(endpoint).bucket("no-such-bucket")
                .credentials(S3ProxyServer.ACCESS_KEY, S3ProxyServer.SECRET_KEY).build()) {
            StorageException e = assertThrows(StorageException.class, () -> nowhere.put("x", new byte[] {1}));
            assertTrue(e.getMessage().contains("no-such-bucket"), e.getMessage());
        }
    }

    @Test
    void wrongCredentialsAreAStorageError() throws Exception {
        URI endpoint = S3ProxyServer.shared().endpoint();
        try (S3BinaryStore intruder = S3BinaryStore.builder().endpoint(endpoint).bucket("any")
                .credentials("intruder", "guess").build()) {
            assertThrows(StorageException.class, () -> intruder.put("x", new byte[] {1}));
        }
    }

    @Test
    void aPrefixKeepsKeysApart() throws Exception {
        URI endpoint = S3ProxyServer.shared().endpoint();
        S3BinaryStore whole = S3ProxyServer.shared().newStore();
        String bucket = whole.describe().substring(5, whole.describe().indexOf('/', 5));
        try (S3BinaryStore tenant = S3BinaryStore.builder().endpoint(endpoint).bucket(bucket).prefix("tenant-a")
                .credentials(S3ProxyServer.ACCESS_KEY, S3ProxyServer.SECRET_KEY).build()) {
            tenant.put("x/y", new byte[] {9});
            assertTrue(whole.exists("tenant-a/x/y"));
            assertTrue(tenant.list("").equals(java.util.List.of("x/y")));
        } finally {
            whole.close();
        }
    }
}

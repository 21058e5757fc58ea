package org.omerosdk.s3;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.omerosdk.model.NotFoundException;
import org.omerosdk.model.StorageException;
import org.omerosdk.model.ValidationException;
import org.omerosdk.model.store.BinaryStore;
import org.omerosdk.model.store.StoreKeys;
import org.omerosdk.model.store.StoreWriter;
import org.omerosdk.model.store.TempFileWriter;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.AbortMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompletedMultipartUpload;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.ListMultipartUploadsRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;

/**
 * A {@link BinaryStore} in a bucket of S3-compatible object storage (AWS, MinIO, Ceph, s3proxy), optionally below a
 * key prefix. Writes are spooled to a local temporary file and sent on commit — as one PUT, or as a multipart
 * upload for large objects, aborted on failure — so nothing is visible in the bucket before the commit completes.
 * Thread-safe.
 */
public final class S3BinaryStore implements BinaryStore {
    /** Objects at least this large are sent as multipart uploads. */
    static final long MULTIPART_THRESHOLD = 64L << 20;
    private static final long PART_SIZE = 16L << 20;

    private final S3Client s3;
    private final String bucket;
    private final String prefix;
    private final String description;

    private S3BinaryStore(Builder b) {
        this.bucket = Objects.requireNonNull(b.bucket, "bucket");
        this.prefix = b.prefix.isEmpty() ? "" : StoreKeys.check(b.prefix) + "/";
        var builder = S3Client.builder()
                .httpClient(UrlConnectionHttpClient.create())
                // checksum trailers (the SDK's default since 2.30) are not understood by many S3-compatible servers
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .region(Region.of(b.region))
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(b.pathStyle).build())
                // no keys given: the AWS SDK's own chain (environment, profile, container or instance role)
                .credentialsProvider(b.accessKey.isEmpty() ? DefaultCredentialsProvider.builder().build()
                        : StaticCredentialsProvider.create(AwsBasicCredentials.create(b.accessKey, b.secretKey)));
        if (b.endpoint != null) {
            builder.endpointOverride(b.endpoint);
        }
        this.s3 = builder.build();
        this.description = "s3://" + bucket + "/" + prefix + (b.endpoint == null ? "" : " at " + b.endpoint);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Configures an {@link S3BinaryStore}. */
    public static final class Builder {
        private URI endpoint;
        private String region = "us-east-1";
        private String bucket;
        private String accessKey = "";
        private String secretKey = "";
        private String prefix = "";
        private boolean pathStyle = true;

        private Builder() {
        }

        /** The service's URL; leave unset for AWS itself. */
        public Builder endpoint(URI endpoint) {
            this.endpoint = endpoint;
            return this;
        }

        public Builder region(String region) {
            this.region = region;
            return this;
        }

        public Builder bucket(String bucket) {
            this.bucket = bucket;
            return this;
        }

        /** Static keys; without them the AWS SDK's default credentials chain is used. */
        public Builder credentials(String accessKey, String secretKey) {
            this.accessKey = accessKey;
            this.secretKey = secretKey;
            return this;
        }

        /** Keys are stored below this prefix of the bucket (no leading or trailing {@code /}). */
        public Builder prefix(String prefix) {
            this.prefix = prefix;
            return this;
        }

        /** Path-style URLs ({@code endpoint/bucket/key}, the default, needed by most S3-compatible servers). */
        public Builder pathStyle(boolean pathStyle) {
            this.pathStyle = pathStyle;
            return this;
        }

        public S3BinaryStore build() {
            return new S3BinaryStore(this);
        }
    }

    /** Creates the bucket if it does not exist (for tests and first set-up). */
    public S3BinaryStore createBucketIfMissing() {
        try {
            s3.headBucket(r -> r.bucket(bucket));
        } catch (S3Exception e) {
            if (e.statusCode() != 404) {
                throw failure("checking the bucket", e);
            }
            s3.createBucket(r -> r.bucket(bucket));
        } catch (SdkException e) {
            throw failure("checking the bucket", e);
        }
        return this;
    }

    private String objectKey(String key) {
        return prefix + StoreKeys.check(key);
    }

    @Override
    public StoreWriter writer(String key) {
        String objectKey = objectKey(key);
        Path spool;
        try {
            spool = Files.createTempFile("omero-s3-", ".part");
            Files.delete(spool); // the writer creates it exclusively
        } catch (IOException e) {
            throw new StorageException("cannot spool a write of " + key + ": " + e.getMessage(), e);
        }
        return new TempFileWriter(key, spool, false) {
            @Override
            protected void publish(Path finished) throws IOException {
                upload(objectKey, finished);
            }

            @Override
            protected String where() {
                return describe();
            }
        };
    }

    private void upload(String objectKey, Path file) throws IOException {
        long size = Files.size(file);
        try {
            if (size < MULTIPART_THRESHOLD) {
                s3.putObject(r -> r.bucket(bucket).key(objectKey), RequestBody.fromFile(file));
                return;
            }
            String uploadId = s3.createMultipartUpload(CreateMultipartUploadRequest.builder().bucket(bucket)
                    .key(objectKey).build()).uploadId();
            try (InputStream in = Files.newInputStream(file)) {
                List<CompletedPart> parts = new ArrayList<>();
                int number = 1;
                for (long sent = 0; sent < size; sent += PART_SIZE, number++) {
                    byte[] part = in.readNBytes((int) Math.min(PART_SIZE, size - sent));
                    int n = number;
                    String etag = s3.uploadPart(UploadPartRequest.builder().bucket(bucket).key(objectKey)
                            .uploadId(uploadId).partNumber(n).build(), RequestBody.fromBytes(part)).eTag();
                    parts.add(CompletedPart.builder().partNumber(n).eTag(etag).build());
                }
                s3.completeMultipartUpload(CompleteMultipartUploadRequest.builder().bucket(bucket).key(objectKey)
                        .uploadId(uploadId).multipartUpload(CompletedMultipartUpload.builder().parts(parts).build())
                        .build());
            } catch (IOException | RuntimeException e) {
                s3.abortMultipartUpload(AbortMultipartUploadRequest.builder().bucket(bucket).key(objectKey)
                        .uploadId(uploadId).build());
                throw e;
            }
        } catch (SdkException e) {
            throw failure("uploading " + objectKey, e);
        }
    }

    @Override
    public InputStream get(String key) {
        try {
            return s3.getObject(r -> r.bucket(bucket).key(objectKey(key)));
        } catch (NoSuchKeyException e) {
            throw missing(key);
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                throw missing(key);
            }
            throw failure("reading " + key, e);
        } catch (SdkException e) {
            throw failure("reading " + key, e);
        }
    }

    @Override
    public InputStream get(String key, long offset, long length) {
        if (offset < 0 || length < 0) {
            throw new ValidationException("range offset=" + offset + " length=" + length + " of " + key
                    + " is negative");
        }
        long size = size(key);
        if (offset >= size || length == 0) {
            return new ByteArrayInputStream(new byte[0]);
        }
        long last = Math.min(size, offset + length) - 1;
        try {
            return s3.getObject(r -> r.bucket(bucket).key(objectKey(key)).range("bytes=" + offset + "-" + last));
        } catch (SdkException e) {
            throw failure("reading " + key, e);
        }
    }

    @Override
    public boolean exists(String key) {
        try {
            s3.headObject(r -> r.bucket(bucket).key(objectKey(key)));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw failure("checking " + key, e);
        } catch (SdkException e) {
            throw failure("checking " + key, e);
        }
    }

    @Override
    public long size(String key) {
        try {
            return s3.headObject(r -> r.bucket(bucket).key(objectKey(key))).contentLength();
        } catch (NoSuchKeyException e) {
            throw missing(key);
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                throw missing(key);
            }
            throw failure("checking " + key, e);
        } catch (SdkException e) {
            throw failure("checking " + key, e);
        }
    }

    @Override
    public List<String> list(String listPrefix) {
        String p = prefix + StoreKeys.checkPrefix(listPrefix);
        List<String> keys = new ArrayList<>();
        try {
            for (S3Object o : s3.listObjectsV2Paginator(ListObjectsV2Request.builder().bucket(bucket).prefix(p)
                    .build()).contents()) {
                // "folder/" placeholder objects (written by some servers and consoles) are not keys
                if (!o.key().endsWith("/")) {
                    keys.add(o.key().substring(prefix.length()));
                }
            }
        } catch (SdkException e) {
            throw failure("listing " + listPrefix, e);
        }
        keys.sort(null);
        return keys;
    }

    @Override
    public boolean delete(String key) {
        if (!exists(key)) {
            return false;
        }
        try {
            s3.deleteObject(r -> r.bucket(bucket).key(objectKey(key)));
            return true;
        } catch (SdkException e) {
            throw failure("deleting " + key, e);
        }
    }

    @Override
    public void copy(String from, String to) {
        if (!exists(from)) {
            throw missing(from);
        }
        try {
            s3.copyObject(r -> r.sourceBucket(bucket).sourceKey(objectKey(from)).destinationBucket(bucket)
                    .destinationKey(objectKey(to)));
        } catch (SdkException e) {
            throw failure("copying " + from + " to " + to, e);
        }
    }

    @Override
    public void move(String from, String to) {
        copy(from, to);
        if (!from.equals(to)) {
            delete(from);
        }
    }

    /** Whether multipart uploads were started and neither completed nor aborted. */
    public boolean hasUnfinishedUploads() {
        try {
            return !s3.listMultipartUploads(ListMultipartUploadsRequest.builder().bucket(bucket).prefix(prefix)
                    .build()).uploads().isEmpty();
        } catch (SdkException e) {
            throw failure("listing uploads", e);
        }
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public void close() {
        s3.close();
    }

    private NotFoundException missing(String key) {
        return new NotFoundException("no object \"" + key + "\" in " + describe());
    }

    private StorageException failure(String what, SdkException e) {
        return new StorageException("S3 error while " + what + " in " + describe() + ": " + e.getMessage(), e);
    }
}

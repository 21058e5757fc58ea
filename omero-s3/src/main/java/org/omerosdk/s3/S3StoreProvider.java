package org.omerosdk.s3;

import java.net.URI;
import java.net.URISyntaxException;
import org.omerosdk.model.ValidationException;
import org.omerosdk.model.config.ConfigKeys;
import org.omerosdk.model.config.OmeroConfig;
import org.omerosdk.model.store.BinaryStore;

/**
 * {@code omero.sdk.binary_store=s3}: an {@link S3BinaryStore} from the {@code omero.sdk.s3.*} keys, so that a host
 * configured by keys (a data directory's config, {@code omero config set}) needs no code to put its files in S3.
 * Found through {@link java.util.ServiceLoader}; not called directly.
 */
public final class S3StoreProvider implements BinaryStore.Provider {
    @Override
    public String name() {
        return "s3";
    }

    @Override
    public BinaryStore open(OmeroConfig config) {
        String bucket = config.get(ConfigKeys.SDK_S3_BUCKET).trim();
        if (bucket.isEmpty()) {
            throw new ValidationException("omero.sdk.binary_store is s3 but " + ConfigKeys.SDK_S3_BUCKET.name()
                    + " is empty: name the bucket");
        }
        String access = config.get(ConfigKeys.SDK_S3_ACCESS_KEY);
        String secret = config.get(ConfigKeys.SDK_S3_SECRET_KEY);
        if (access.isEmpty() != secret.isEmpty()) {
            throw new ValidationException(ConfigKeys.SDK_S3_ACCESS_KEY.name() + " and "
                    + ConfigKeys.SDK_S3_SECRET_KEY.name() + " go together: set both, or neither for the AWS SDK's "
                    + "default credentials");
        }
        S3BinaryStore.Builder b = S3BinaryStore.builder().bucket(bucket)
                .region(config.get(ConfigKeys.SDK_S3_REGION))
                .prefix(config.get(ConfigKeys.SDK_S3_PREFIX))
                .pathStyle(config.getBoolean(ConfigKeys.SDK_S3_PATH_STYLE))
                .credentials(access, secret);
        String endpoint = config.get(ConfigKeys.SDK_S3_ENDPOINT).trim();
        if (!endpoint.isEmpty()) {
            b.endpoint(endpoint(endpoint));
        }
        return b.build();
    }

    private static URI endpoint(String value) {
        try {
            URI uri = new URI(value);
            if (uri.getScheme() == null || uri.getHost() == null
                    || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
                throw new URISyntaxException(value, "not an http or https URL with a host");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new ValidationException(ConfigKeys.SDK_S3_ENDPOINT.name() + " = \"" + value + "\" is not usable: "
                    + e.getMessage());
        }
    }
}

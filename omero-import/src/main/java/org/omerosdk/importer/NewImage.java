package org.omerosdk.importer;

import java.util.List;
import java.util.Objects;
import org.omerosdk.model.ValidationException;
import org.omerosdk.model.core.Channel;
import org.omerosdk.model.core.Image;
import org.omerosdk.model.core.Pixels;

/**
 * An image to save with its pixels and one channel per {@code sizeC}. The SDK attaches pixels and channels to
 * the image when saving.
 *
 * @throws ValidationException when the number of channels differs from the pixels' sizeC
 */
public record NewImage(Image image, Pixels pixels, List<Channel> channels) {
    public NewImage {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(pixels, "pixels");
        channels = List.copyOf(channels);
        if (channels.size() != pixels.sizeC()) {
            throw new ValidationException("image \"" + image.name() + "\" has " + channels.size()
                    + " channels but its pixels have sizeC = " + pixels.sizeC());
        }
    }
}

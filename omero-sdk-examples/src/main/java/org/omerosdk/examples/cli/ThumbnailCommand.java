package org.omerosdk.examples.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.omerosdk.model.ValidationException;
import org.omerosdk.model.core.Image;
import org.omerosdk.render.RenderedImage;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code omero thumbnail Image:ID [--size N] -o FILE}: the thumbnail OMERO shows for the image. */
@Command(name = "thumbnail", mixinStandardHelpOptions = true,
        description = "Write the thumbnail of Image:ID (its default plane with the settings it is shown with, "
                + "longest side --size) as JPEG, or PNG when FILE ends in .png.")
final class ThumbnailCommand implements Callable<Integer> {
    @ParentCommand
    OmeroCli root;

    @Mixin
    DataDirectory dataDirectory;

    @Mixin
    LoggedIn login;

    @Parameters(index = "0", paramLabel = "Image:ID")
    String image;

    @Option(names = "--size", paramLabel = "N",
            description = "The longest side in pixels, 1..4096 (default: omero.client.browser.thumb_default_size).")
    Integer size;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", required = true,
            description = "Where to write the thumbnail: JPEG, or PNG when FILE ends in .png.")
    Path output;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        try (RenderCommand.Opened o = RenderCommand.Opened.of(dataDirectory, login, root, spec)) {
            Image img = ObjectArgument.image(o.session, image);
            RenderedImage t = size == null ? o.session.rendering().thumbnail(img)
                    : o.session.rendering().thumbnail(img, size);
            String name = output.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
            RenderCommand.write(name.endsWith(".png") ? output : jpegName(output), t);
            o.out.println(output + " " + t.width() + "x" + t.height());
            return 0;
        }
    }

    /** RenderCommand.write picks the encoder from the name: anything but .png is written as JPEG here. */
    private static Path jpegName(Path p) {
        String name = p.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (name.endsWith(".jpg") || name.endsWith(".jpeg")) {
            return p;
        }
        throw new ValidationException("-o " + p + ": a thumbnail is written as .jpg, .jpeg or .png");
    }
}

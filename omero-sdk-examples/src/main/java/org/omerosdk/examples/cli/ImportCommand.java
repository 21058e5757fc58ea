package org.omerosdk.examples.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.omerosdk.model.ValidationException;
import org.omerosdk.model.containers.Dataset;
import org.omerosdk.model.core.Image;
import org.omerosdk.model.screen.Screen;
import org.omerosdk.repo.TransferMode;
import org.omerosdk.sdk.ImportOptions;
import org.omerosdk.sdk.ImportReport;
import org.omerosdk.sdk.ImportResult;
import org.omerosdk.sdk.OmeroSdk;
import org.omerosdk.sdk.Session;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code omero import PATH... [--target Dataset:ID|Screen:ID | --dataset-name NAME] [--transfer MODE] [--as USER]}:
 * imports files as the logged-in user (see {@link LoggedIn}). Prints one {@code Image:ID name} line per image
 * created on stdout; progress (a bar on a terminal, one line per fileset otherwise) and failures on stderr; exits
 * {@link OmeroCli#EXIT_FAILED} when any fileset failed, after the others were imported.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import image files (or OME-Zarr directories) into the managed repository.")
final class ImportCommand implements Callable<Integer> {
    @ParentCommand
    OmeroCli root;

    @Mixin
    DataDirectory dataDirectory;

    @Mixin
    LoggedIn login;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or directories to import.")
    List<Path> paths = new ArrayList<>();

    @Option(names = {"-T", "--target"}, paramLabel = "Dataset:ID|Screen:ID",
            description = "Link the images (plates: to a screen) to this existing container.")
    String target;

    @Option(names = "--dataset-name", paramLabel = "NAME", description = "Link the images to a new dataset NAME.")
    String datasetName;

    @Option(names = "--transfer", paramLabel = "MODE", defaultValue = "copy",
            description = "copy (default), ln (hard link), ln_s (symbolic link), ln_rm (move), in-place.")
    String transfer;

    @Option(names = "--as", paramLabel = "USER",
            description = "Import on behalf of USER (group owners for their members; administrators with Sudo).")
    String as;

    @Option(names = "--progress", paramLabel = "auto|bar|lines", defaultValue = "auto",
            description = "A progress bar (default on a terminal) or one line per fileset.")
    String progress;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<ImportOptions> options = new ArrayList<>();
        options.add(ImportOptions.transfer(transferMode(transfer)));
        if (as != null) {
            options.add(ImportOptions.as(as));
        }
        if (target != null && datasetName != null) {
            throw new ValidationException("--target and --dataset-name are exclusive; give one");
        }
        Path data = dataDirectory.resolve(root.environment());
        try (OmeroSdk sdk = OmeroSdk.builder().dataDirectory(data).open()) {
            LoggedIn.announceNewRepository(sdk, err);
            Session session = login.session(sdk, data, root.environment(), err);
            if (target != null) {
                options.add(target(session, target));
            } else if (datasetName != null) {
                options.add(ImportOptions.newDataset(datasetName));
            }
            ImportProgressView view = ImportProgressView.of(progress, err);
            options.add(ImportOptions.listener(view));
            ImportResult result = session.imports().importFiles(paths, options.toArray(ImportOptions[]::new));
            view.done();
            for (ImportReport r : result.reports()) {
                for (Image image : r.images()) {
                    out.println("Image:" + image.id() + " " + image.name());
                }
            }
            out.flush();
            for (ImportReport r : result.failures()) {
                err.println("omero: " + r.source() + ": " + r.error().map(Throwable::getMessage).orElse("failed"));
            }
            err.printf("%d of %d filesets imported, %d images%n", result.reports().size() - result.failures().size(),
                    result.reports().size(), result.images().size());
            err.flush();
            return result.ok() ? 0 : OmeroCli.EXIT_FAILED;
        }
    }

    /** OMERO's {@code --transfer} names (ln, ln_s, ln_rm, upload) and ours. */
    static TransferMode transferMode(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "copy", "upload" -> TransferMode.COPY;
            case "ln" -> TransferMode.HARD_LINK;
            case "ln_s" -> TransferMode.SYMBOLIC_LINK;
            case "ln_rm", "move" -> TransferMode.MOVE;
            case "in-place", "in_place", "inplace" -> TransferMode.IN_PLACE;
            default -> throw new ValidationException("--transfer " + name
                    + " is not a transfer mode; use copy, ln, ln_s, ln_rm or in-place");
        };
    }

    /** {@code Dataset:ID} or {@code Screen:ID}, as the session sees it. */
    static ImportOptions target(Session session, String spec) {
        int colon = spec.indexOf(':');
        String type = colon < 0 ? "" : spec.substring(0, colon);
        long id;
        try {
            id = Long.parseLong(spec.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new ValidationException("--target " + spec + ": expected Dataset:ID or Screen:ID");
        }
        return switch (type.toLowerCase(Locale.ROOT)) {
            case "dataset" -> ImportOptions.target(session.get(Dataset.class, id));
            case "screen" -> ImportOptions.target(session.get(Screen.class, id));
            default -> throw new ValidationException("--target " + spec + ": expected Dataset:ID or Screen:ID");
        };
    }
}

package org.omerosdk.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.omerosdk.model.StorageException;
import org.omerosdk.model.ValidationException;
import org.omerosdk.model.config.ConfigKey;
import org.omerosdk.model.config.ConfigKeys;
import org.omerosdk.model.config.ConfigValidation;
import org.omerosdk.model.config.OmeroConfig;
import org.omerosdk.sdk.config.ConfigStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code omero config}: OMERO's {@code config set/get/list/edit/load} on the file {@code omero.properties} of a
 * data directory. Values are stored exactly as they arrive (the shell has already removed the quotes).
 */
@Command(name = "config", mixinStandardHelpOptions = true,
        description = "Show and change the configuration stored in the data directory (omero.properties).")
final class ConfigCommand implements Runnable {
    @ParentCommand
    OmeroCli root;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "config needs a subcommand: set, get, list, edit or load");
    }

    @Command(name = "set", mixinStandardHelpOptions = true,
            description = {"Set KEY to VALUE; without VALUE, remove KEY (back to its default).",
                "Quote values with spaces or JSON: omero config set omero.web.apps '[\"foo\", \"bar\"]'"})
    void set(@Mixin DataDirectory data,
             @Option(names = "--report", description = "Print what changed.") boolean report,
             @Parameters(index = "0", paramLabel = "KEY") String key,
             @Parameters(index = "1", arity = "0..1", paramLabel = "VALUE") String value) {
        if (key.contains("=")) {
            // OMERO refuses "set k=v" and says what was probably meant
            String[] kv = key.split("=", 2);
            throw new CommandLine.ParameterException(spec.commandLine(), "\"=\" in key name; did you mean \"omero config set "
                    + kv[0] + " " + (value != null ? value : kv[1]) + "\"?");
        }
        ConfigStore store = store(data);
        if (value == null) {
            store.unset(key);
            if (report) {
                out().println("Changed: Removed " + key);
            }
            return;
        }
        store.set(key, value);
        warnIfUnknown(key);
        if (report) {
            out().println("Changed: Set " + key + ":" + value);
        }
    }

    @Command(name = "get", mixinStandardHelpOptions = true,
            description = {"Without KEY: every explicitly set key=value (passwords masked).",
                "With one KEY: its value (explicit, else the default with $${...} resolved), without quotes."})
    void get(@Mixin DataDirectory data,
             @Option(names = "--show-password", description = "Show values of keys ending in pass or password.")
             boolean showPassword,
             @Parameters(arity = "0..*", paramLabel = "KEY") List<String> keys) {
        OmeroConfig config = store(data).snapshot();
        if (keys != null && keys.size() == 1) {
            config.get(keys.get(0)).ifPresent(out()::println);
            return;
        }
        Map<String, String> explicit = config.explicitValues();
        explicit.forEach((k, v) -> {
            if (keys == null || keys.isEmpty() || keys.contains(k)) {
                out().println(k + "=" + (isPassword(k) && !showPassword && !v.isEmpty() ? "********" : v));
            }
        });
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = {"Every explicitly set key=value (as get).",
                "--all-keys: every known key with its kind, default and meaning (tab-separated)."})
    void list(@Mixin DataDirectory data,
              @Option(names = "--all-keys", description = "List every known key instead.") boolean allKeys,
              @Option(names = "--show-password", description = "Show values of keys ending in pass or password.")
              boolean showPassword) {
        if (allKeys) {
            for (ConfigKey k : ConfigKeys.all()) {
                out().println(k.name() + "\t" + k.kind().name().toLowerCase(Locale.ROOT) + "\t" + k.defaultValue()
                        + "\t" + k.description());
            }
            return;
        }
        get(data, showPassword, List.of());
    }

    @Command(name = "edit", mixinStandardHelpOptions = true,
            description = {"Edit the stored values in $EDITOR (else $VISUAL, else vi).",
                "The result is validated; when it is refused the stored file is kept and the edited copy is left."})
    void edit(@Mixin DataDirectory data) {
        ConfigStore store = store(data);
        Path copy;
        try {
            copy = Files.createTempFile("omero-config-", ".properties");
            Files.writeString(copy, store.editText(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new StorageException("cannot create a temporary copy to edit: " + e.getMessage(), e);
        }
        runEditor(copy);
        String edited;
        try {
            edited = Files.readString(copy, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new StorageException("cannot read the edited copy " + copy + ": " + e.getMessage(), e);
        }
        try {
            store.replaceWith(edited, copy.toString());
        } catch (ValidationException e) {
            throw new ValidationException(e.getMessage() + " (nothing changed; your edits are in " + copy + ")");
        }
        deleteQuietly(copy);
        store.snapshot().explicitValues().keySet().forEach(this::warnIfUnknown);
    }

    @Command(name = "load", mixinStandardHelpOptions = true,
            description = {"Read key=value lines from FILE ('-' for standard input) into the configuration.",
                "# starts a comment, a trailing \\ continues the line; every line is checked before any is stored."})
    void load(@Mixin DataDirectory data,
              @Option(names = "-q", description = "Overwrite keys that are already set to another value.")
              boolean overwrite,
              @Parameters(index = "0", paramLabel = "FILE") String file) {
        String text;
        try {
            text = file.equals("-") ? new String(System.in.readAllBytes(), StandardCharsets.UTF_8)
                    : Files.readString(Path.of(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ValidationException("cannot read " + file + ": " + e);
        }
        OmeroConfig after = store(data).load(text, file.equals("-") ? "<stdin>" : file, overwrite);
        after.explicitValues().keySet().forEach(this::warnIfUnknown);
    }

    private void runEditor(Path copy) {
        Map<String, String> env = root.environment();
        String editor = firstNonBlank(env.get("EDITOR"), env.get("VISUAL"), "vi");
        // through sh so that EDITOR may carry arguments, as in EDITOR="code --wait"
        ProcessBuilder pb = new ProcessBuilder("sh", "-c", editor + " \"$1\"", "sh", copy.toString()).inheritIO();
        try {
            int rc = pb.start().waitFor();
            if (rc != 0) {
                throw new StorageException("editor \"" + editor + "\" exited with " + rc + "; nothing changed");
            }
        } catch (IOException e) {
            throw new StorageException("cannot start editor \"" + editor + "\": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException("interrupted while waiting for the editor; nothing changed", e);
        }
    }

    private static String firstNonBlank(String... candidates) {
        for (String c : candidates) {
            if (c != null && !c.isBlank()) {
                return c;
            }
        }
        throw new IllegalArgumentException("no candidate");
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a temporary file left behind is harmless
        }
    }

    private ConfigStore store(DataDirectory data) {
        return ConfigStore.open(data.resolve(root.environment()));
    }

    private void warnIfUnknown(String key) {
        if (!ConfigValidation.isKnown(key)) {
            err().println("omero: warning: " + key + " is not a known key; stored anyway (OMERO accepts any key)");
        }
    }

    private static boolean isPassword(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        return k.endsWith("pass") || k.endsWith("password");
    }

    private PrintWriter out() {
        return spec.commandLine().getOut();
    }

    private PrintWriter err() {
        return spec.commandLine().getErr();
    }
}

package org.omerosdk.sdk.config;

import java.io.IOException;
import java.io.StringReader;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeMap;
import org.omerosdk.model.StorageException;
import org.omerosdk.model.ValidationException;
import org.omerosdk.model.config.ConfigValidation;
import org.omerosdk.model.config.OmeroConfig;

/**
 * The configuration stored in a data directory, in the file {@value #FILE_NAME} (Java properties syntax, keys
 * sorted, UTF-8). Only explicitly set values are stored; everything else is OMERO's default.
 *
 * <p>Guarantees: every change is validated in full before anything is written; a refused change throws
 * {@link ValidationException} and leaves the file byte for byte as it was; a write replaces the file atomically
 * (temporary file in the same directory, then rename), so a reader sees either the old or the new file.
 * Concurrent writers in different processes are not serialised: the last rename wins.
 */
public final class ConfigStore {
    /** The name of the configuration file inside the data directory. */
    public static final String FILE_NAME = "omero.properties";

    private final Path file;
    private final ConfigValidation validation;

    private ConfigStore(Path file, ConfigValidation validation) {
        this.file = file;
        this.validation = validation;
    }

    /** The store of {@code dataDirectory}, validating with the kind checks and every registered ConfigValidator. */
    public static ConfigStore open(Path dataDirectory) {
        return open(dataDirectory, ConfigValidation.withServiceLoader());
    }

    /** The store of {@code dataDirectory} with the given validation. Nothing is created until the first write. */
    public static ConfigStore open(Path dataDirectory, ConfigValidation validation) {
        return new ConfigStore(dataDirectory.resolve(FILE_NAME), Objects.requireNonNull(validation));
    }

    /** The configuration file (it may not exist yet). */
    public Path file() {
        return file;
    }

    /** The stored values over OMERO's defaults; all defaults when the file does not exist. */
    public OmeroConfig snapshot() {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return OmeroConfig.defaults();
        } catch (IOException e) {
            throw new StorageException("cannot read configuration file " + file + ": " + e.getMessage(), e);
        }
        Properties p = new Properties();
        try {
            p.load(new StringReader(text));
        } catch (IOException | IllegalArgumentException e) {
            throw new ValidationException("configuration file " + file + " is not a properties file: " + e.getMessage());
        }
        Map<String, String> values = new TreeMap<>();
        p.stringPropertyNames().forEach(k -> values.put(k, p.getProperty(k)));
        return OmeroConfig.of(values);
    }

    /** Validates and stores {@code value} for the key named {@code key}; returns the new configuration. */
    public OmeroConfig set(String key, String value) {
        validation.validate(key, value);
        return write(snapshot().with(key, value));
    }

    /** Removes the explicit value of {@code key}, returning it to its default; a no-op when it is not set. */
    public OmeroConfig unset(String key) {
        OmeroConfig before = snapshot();
        if (!before.explicitValues().containsKey(key)) {
            return before;
        }
        return write(before.without(key));
    }

    /**
     * OMERO's {@code config load}: reads {@code key=value} lines ({@link ConfigText}) over the stored values. Unless
     * {@code overwrite}, a line that changes a key already stored with another value is refused, as OMERO refuses a
     * duplicate property without {@code -q}. Every line is validated before anything is written.
     */
    public OmeroConfig load(String text, String source, boolean overwrite) {
        OmeroConfig before = snapshot();
        Map<String, String> merged = new TreeMap<>(before.explicitValues());
        for (ConfigText.Line line : ConfigText.parse(text, source)) {
            String old = before.explicitValues().get(line.key());
            if (!overwrite && old != null && !old.equals(line.value())) {
                throw new ValidationException(line.where() + ": duplicate property " + line.key() + " ('" + old
                        + "' => '" + line.value() + "'); load with -q to overwrite");
            }
            validate(line);
            merged.put(line.key(), line.value());
        }
        return write(OmeroConfig.of(merged));
    }

    /** The text {@code config edit} presents: a comment line, then every stored {@code key=value}, sorted. */
    public String editText() {
        return ConfigText.format(snapshot().explicitValues());
    }

    /**
     * Replaces every stored value with those of {@code text} (the edited {@link #editText()}); keys left out return
     * to their defaults. Refused, with nothing written, when any line is invalid.
     */
    public OmeroConfig replaceWith(String text, String source) {
        Map<String, String> values = new TreeMap<>();
        for (ConfigText.Line line : ConfigText.parse(text, source)) {
            validate(line);
            values.put(line.key(), line.value());
        }
        return write(OmeroConfig.of(values));
    }

    private void validate(ConfigText.Line line) {
        try {
            validation.validate(line.key(), line.value());
        } catch (ValidationException e) {
            throw new ValidationException(line.where() + ": " + e.getMessage());
        }
    }

    private OmeroConfig write(OmeroConfig config) {
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, "." + FILE_NAME + ".", ".tmp");
            Files.writeString(tmp, PropertiesText.format(config.explicitValues()), StandardCharsets.UTF_8);
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
            return config;
        } catch (IOException e) {
            throw new StorageException("cannot write configuration file " + file + ": " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the original failure is the one to report
                }
            }
        }
    }
}

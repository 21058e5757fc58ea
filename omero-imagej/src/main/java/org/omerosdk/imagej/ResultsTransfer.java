package org.omerosdk.imagej;

import ij.ImagePlus;
import ij.measure.ResultsTable;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.omerosdk.model.NotFoundException;
import org.omerosdk.model.StorageException;
import org.omerosdk.model.ValidationException;
import org.omerosdk.model.annotations.Annotation;
import org.omerosdk.model.annotations.FileAnnotation;
import org.omerosdk.model.annotations.MapAnnotation;
import org.omerosdk.model.annotations.NamedValue;
import org.omerosdk.model.core.Image;
import org.omerosdk.model.fs.OriginalFile;
import org.omerosdk.sdk.Session;

/**
 * ImageJ results tables on an image opened from the repository: saved as a CSV file attachment in ImageJ's own format
 * (so that ImageJ reads it back as it wrote it) with a key-value annotation of summary values beside it, and read back
 * by name.
 */
final class ResultsTransfer {
    /** The namespace of the CSV file annotations. */
    static final String NS = "omero-sdk/imagej/results";
    /** The namespace of the summary map annotations; the key {@code "table"} names their CSV file. */
    static final String SUMMARY_NS = "omero-sdk/imagej/results/summary";

    private final Session session;

    ResultsTransfer(Session session) {
        this.session = session;
    }

    /**
     * Attaches {@code table} to the image {@code imp} was opened from as {@code name} (".csv" added when missing),
     * and a map of its summary: the row count, and per numeric column its mean, standard deviation, minimum and
     * maximum. Returns the file annotation.
     */
    FileAnnotation save(ImagePlus imp, ResultsTable table, String name) {
        if (table == null || table.size() == 0) {
            throw new ValidationException("the results table is empty: there is nothing to save");
        }
        String file = csvName(name);
        Image image = new RoiTransfer(session).imageOf(imp);
        byte[] csv = csv(table).getBytes(StandardCharsets.UTF_8);
        FileAnnotation annotation = session.annotations().attachFile(image, NS, file, "text/csv",
                new ByteArrayInputStream(csv));
        MapAnnotation summary = new MapAnnotation(summary(table, file));
        summary.setNs(SUMMARY_NS);
        session.annotations().attach(image, summary);
        return annotation;
    }

    /**
     * The table as ImageJ lays out a CSV (a "Label" column first when rows have labels, then the columns in order),
     * but every number at full precision (ImageJ writes its display precision, three decimals by default) and text
     * quoted as RFC 4180 does when it holds a comma, a quote or a line break.
     */
    static String csv(ResultsTable table) {
        boolean labels = false;
        for (int row = 0; row < table.size() && !labels; row++) {
            labels = table.getLabel(row) != null;
        }
        List<Integer> columns = new ArrayList<>();
        for (int col = 0; col <= table.getLastColumn(); col++) {
            if (table.columnExists(col)) {
                columns.add(col);
            }
        }
        StringBuilder b = new StringBuilder();
        List<String> headings = new ArrayList<>();
        if (labels) {
            headings.add("Label");
        }
        columns.forEach(c -> headings.add(table.getColumnHeading(c)));
        line(b, headings);
        for (int row = 0; row < table.size(); row++) {
            List<String> cells = new ArrayList<>();
            if (labels) {
                cells.add(table.getLabel(row) == null ? "" : table.getLabel(row));
            }
            for (int col : columns) {
                double v = table.getValueAsDouble(col, row);
                cells.add(Double.isNaN(v) ? table.getStringValue(col, row) : number(v));
            }
            line(b, cells);
        }
        return b.toString();
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
    }

    private static void line(StringBuilder b, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            String c = cells.get(i) == null ? "" : cells.get(i);
            if (i > 0) {
                b.append(',');
            }
            if (c.indexOf(',') >= 0 || c.indexOf('"') >= 0 || c.indexOf('\n') >= 0 || c.indexOf('\r') >= 0) {
                b.append('"').append(c.replace("\"", "\"\"")).append('"');
            } else {
                b.append(c);
            }
        }
        b.append('\n');
    }

    /** The names of the results tables attached to the image {@code imp} was opened from, oldest first. */
    List<String> names(ImagePlus imp) {
        List<String> names = new ArrayList<>();
        for (FileAnnotation a : tables(new RoiTransfer(session).imageOf(imp))) {
            String n = file(a).name();
            if (!names.contains(n)) {
                names.add(n);
            }
        }
        return names;
    }

    /**
     * The results table attached to the image {@code imp} was opened from as {@code name} (the newest of that name).
     *
     * @throws NotFoundException naming the tables there are, when none has that name
     */
    ResultsTable load(ImagePlus imp, String name) {
        String file = csvName(name);
        Image image = new RoiTransfer(session).imageOf(imp);
        List<FileAnnotation> tables = tables(image);
        FileAnnotation found = tables.stream().filter(a -> file(a).name().equals(file))
                .max(Comparator.comparingLong(FileAnnotation::id))
                .orElseThrow(() -> new NotFoundException(image + " has no results table \"" + file + "\"; it has "
                        + (tables.isEmpty() ? "none" : tables.stream().map(a -> "\"" + file(a).name() + "\"")
                        .distinct().toList())));
        try (TemporaryDirectory tmp = TemporaryDirectory.create("results")) {
            Path csv = tmp.resolve("results.csv");
            try (InputStream in = session.annotations().download(found)) {
                Files.copy(in, csv);
            }
            ResultsTable table = ResultsTable.open(csv.toString());
            if (table == null) {
                throw new ValidationException("\"" + file + "\" on " + image + " is not a table ImageJ can read");
            }
            unquote(table);
            return table;
        } catch (IOException e) {
            throw new StorageException("cannot read the results table \"" + file + "\": " + e.getMessage(), e);
        }
    }

    /** ImageJ's reader keeps a quoted field's doubled quotes ({@code ""}): they are one quote. */
    private static void unquote(ResultsTable table) {
        for (int col = 0; col <= table.getLastColumn(); col++) {
            if (!table.columnExists(col)) {
                continue;
            }
            for (int row = 0; row < table.size(); row++) {
                if (Double.isNaN(table.getValueAsDouble(col, row))) {
                    String v = table.getStringValue(col, row);
                    if (v != null && v.contains("\"\"")) {
                        table.setValue(col, row, v.replace("\"\"", "\""));
                    }
                }
            }
        }
    }

    private List<FileAnnotation> tables(Image image) {
        List<FileAnnotation> out = new ArrayList<>();
        for (Annotation a : session.annotations().on(image)) {
            if (a instanceof FileAnnotation f && f.ns().filter(NS::equals).isPresent()) {
                out.add(f);
            }
        }
        out.sort(Comparator.comparingLong(FileAnnotation::id));
        return out;
    }

    /** The annotation's file with its name: listed annotations refer to their file by id only. */
    private OriginalFile file(FileAnnotation a) {
        OriginalFile f = a.file();
        return f.isLoaded() ? f : session.get(OriginalFile.class, f.id());
    }

    static List<NamedValue> summary(ResultsTable table, String file) {
        List<NamedValue> pairs = new ArrayList<>();
        pairs.add(new NamedValue("table", file));
        pairs.add(new NamedValue("rows", String.valueOf(table.size())));
        for (int col = 0; col <= table.getLastColumn(); col++) {
            if (!table.columnExists(col)) {
                continue;
            }
            String heading = table.getColumnHeading(col);
            double sum = 0;
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            int n = 0;
            double[] values = new double[table.size()];
            for (int row = 0; row < table.size(); row++) {
                double v = table.getValueAsDouble(col, row);
                if (!Double.isNaN(v)) {
                    values[n++] = v;
                    sum += v;
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
            if (n == 0) {
                continue;   // a text column
            }
            double mean = sum / n;
            double squares = 0;
            for (int i = 0; i < n; i++) {
                squares += (values[i] - mean) * (values[i] - mean);
            }
            // ImageJ's Summarize: the sample standard deviation
            double sd = n > 1 ? Math.sqrt(squares / (n - 1)) : 0;
            pairs.add(new NamedValue(heading + " mean", String.valueOf(mean)));
            pairs.add(new NamedValue(heading + " SD", String.valueOf(sd)));
            pairs.add(new NamedValue(heading + " min", String.valueOf(min)));
            pairs.add(new NamedValue(heading + " max", String.valueOf(max)));
        }
        return pairs;
    }

    private static String csvName(String name) {
        String n = name == null || name.isBlank() ? "Results" : name.trim();
        return n.toLowerCase(java.util.Locale.ROOT).endsWith(".csv") ? n : n + ".csv";
    }
}

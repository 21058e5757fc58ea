package org.omerosdk.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;
import org.omerosdk.model.core.Rgba;
import org.omerosdk.render.ChannelSettings;
import org.omerosdk.render.Family;
import org.omerosdk.render.LookupTable;
import org.omerosdk.render.Projection;
import org.omerosdk.render.RenderingSettings;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The webgateway's rendering parameters, read as OMERO.web reads them ({@code _get_prepared_image},
 * {@code _split_channel_info}, {@code splitHTMLColor}, {@code _get_maps_enabled}) and applied to the settings the
 * image would be shown with:
 *
 * <ul>
 *   <li>{@code c=1|100:600$FF0000,-2|0:1000$00FF00,3$cool.lut}: the listed channels (1-based) are active, a minus
 *       sign lists one inactive, any other is inactive; {@code |start:end} sets the window and {@code $colour} the
 *       colour ({@code RGB}, {@code RGBA}, {@code RRGGBB}, {@code RRGGBBAA}, or a lookup table name ending in
 *       {@code .lut}), of active channels only; entries that are not numbers are skipped, as OMERO skips them.</li>
 *   <li>{@code m=g|c}: greyscale or colour model.</li>
 *   <li>{@code maps=[{"inverted": {"enabled": true}, "quantization": {"family": "polynomial", "coefficient": 2}}]}:
 *       per channel, by index; {@code reverse} is read as {@code inverted}, as OMERO still does.</li>
 *   <li>{@code p=normal|intmax|intmean|intsum[|start:end]}: a Z projection (sections inclusive; an unknown name
 *       is {@code normal}, as in OMERO).</li>
 *   <li>{@code q=0.0..1.0}: JPEG quality; {@code format=jpeg|png|tif}.</li>
 * </ul>
 */
record RenderQuery(Function<RenderingSettings, RenderingSettings> settings, Optional<Projection> projection,
                   Optional<int[]> projectionRange, OptionalDouble quality, String format) {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    static RenderQuery parse(Exchange ex) {
        Optional<String> c = ex.query("c");
        Optional<String> m = ex.query("m");
        Optional<String> maps = ex.query("maps");
        Function<RenderingSettings, RenderingSettings> settings = s -> {
            RenderingSettings out = s;
            if (c.isPresent()) {
                out = channels(out, c.get());
            }
            if (maps.isPresent()) {
                out = maps(out, maps.get());
            }
            if (m.isPresent() && m.get().equals("g")) {
                out = out.withModel(RenderingSettings.Model.GREYSCALE);
            } else if (m.isPresent() && m.get().equals("c")) {
                out = out.withModel(RenderingSettings.Model.COLOR);
            }
            return out;
        };
        Optional<Projection> projection = Optional.empty();
        Optional<int[]> range = Optional.empty();
        Optional<String> p = ex.query("p");
        if (p.isPresent()) {
            String[] parts = p.get().split("\\|", 2);
            projection = switch (parts[0]) {
                case "intmax" -> Optional.of(Projection.MAXIMUM);
                case "intmean" -> Optional.of(Projection.MEAN);
                case "intsum" -> Optional.of(Projection.SUM);
                default -> Optional.empty();
            };
            if (parts.length > 1) {
                String[] se = parts[1].split(":");
                try {
                    if (se.length == 2) {
                        range = Optional.of(new int[] {Integer.parseInt(se[0].trim()), Integer.parseInt(se[1].trim())});
                    }
                } catch (NumberFormatException e) {
                    // OMERO ignores a range that is not two integers
                }
            }
        }
        OptionalDouble quality = OptionalDouble.empty();
        Optional<String> q = ex.query("q");
        if (q.isPresent()) {
            try {
                double v = Double.parseDouble(q.get());
                if (!(v >= 0 && v <= 1)) {
                    throw new NumberFormatException();
                }
                quality = OptionalDouble.of(v);
            } catch (NumberFormatException e) {
                throw HttpError.badRequest("Invalid parameter value: q must be a number from 0 to 1");
            }
        }
        if (ex.query("ia").filter(v -> v.equals("1")).isPresent()) {
            throw HttpError.badRequest("ia=1 (inverted axis) is not supported");
        }
        String format = ex.query("format").orElse("jpeg");
        if (!List.of("jpeg", "jpg", "png", "tif", "tiff").contains(format)) {
            throw HttpError.badRequest("Invalid parameter value: format must be jpeg, png or tif");
        }
        return new RenderQuery(settings, projection, range, quality, format);
    }

    /** OMERO's {@code setActiveChannels(channels, windows, colors)} after {@code _split_channel_info(c)}. */
    static RenderingSettings channels(RenderingSettings s, String spec) {
        List<Integer> listed = new ArrayList<>();
        List<double[]> windows = new ArrayList<>();
        List<String> colors = new ArrayList<>();
        for (String entry : spec.split(",")) {
            String[] chan = entry.split("\\|", 2);
            String t = chan[0].trim();
            String color = null;
            int dollar = t.indexOf('$');
            if (dollar >= 0) {
                color = t.substring(dollar + 1);
                t = t.substring(0, dollar);
            }
            int index;
            try {
                index = Integer.parseInt(t);
            } catch (NumberFormatException e) {
                continue;
            }
            double[] window = null;
            if (chan.length > 1) {
                String w = chan[1].trim();
                int d = w.indexOf('$');
                if (d >= 0) {
                    color = w.substring(d + 1);
                    w = w.substring(0, d);
                }
                String[] se = w.split(":");
                if (se.length == 2) {
                    try {
                        window = new double[] {Double.parseDouble(se[0]), Double.parseDouble(se[1])};
                    } catch (NumberFormatException e) {
                        window = null;
                    }
                }
            }
            listed.add(index);
            windows.add(window);
            colors.add(color);
        }
        RenderingSettings out = s;
        for (int c = 0; c < s.channels().size(); c++) {
            int idx = listed.indexOf(c + 1);
            ChannelSettings ch = out.channels().get(c).withActive(idx >= 0);
            if (idx >= 0) {
                double[] w = windows.get(idx);
                if (w != null) {
                    ch = ch.withWindow(w[0], w[1]);
                }
                String color = colors.get(idx);
                if (color != null && !color.isEmpty()) {
                    Optional<Rgba> rgba = htmlColor(color);
                    if (rgba.isPresent()) {
                        ch = withoutLookupTable(ch.withColor(rgba.get()));
                    } else if (color.endsWith(".lut")) {
                        ch = ch.withLookupTable(LookupTable.standard(color));
                    }
                }
            }
            out = out.withChannel(c, ch);
        }
        return out;
    }

    /** OMERO's {@code splitHTMLColor}: RGB, RGBA, RRGGBB or RRGGBBAA hex; anything else is no colour. */
    static Optional<Rgba> htmlColor(String color) {
        if (!color.matches("[0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8}")) {
            return Optional.empty();
        }
        String c = color;
        if (c.length() <= 4) {
            StringBuilder b = new StringBuilder();
            for (char ch : c.toCharArray()) {
                b.append(ch).append(ch);
            }
            c = b.toString();
        }
        int r = Integer.parseInt(c.substring(0, 2), 16);
        int g = Integer.parseInt(c.substring(2, 4), 16);
        int bl = Integer.parseInt(c.substring(4, 6), 16);
        int a = c.length() == 8 ? Integer.parseInt(c.substring(6, 8), 16) : 255;
        return Optional.of(new Rgba(r, g, bl, a));
    }

    private static ChannelSettings withoutLookupTable(ChannelSettings c) {
        return new ChannelSettings(c.active(), c.windowStart(), c.windowEnd(), c.family(), c.coefficient(),
                c.noiseReduction(), c.color(), Optional.empty(), c.reverse(), c.extentMin(), c.extentMax());
    }

    /** {@code maps}: per channel index, inverted (or the older reverse) and quantization. */
    static RenderingSettings maps(RenderingSettings s, String json) {
        JsonNode list;
        try {
            list = JSON.readTree(json);
        } catch (RuntimeException e) {
            // OMERO logs "Invalid json for query ?maps=" and renders without them
            return s;
        }
        if (list == null || !list.isArray()) {
            return s;
        }
        RenderingSettings out = s;
        for (int c = 0; c < Math.min(list.size(), s.channels().size()); c++) {
            JsonNode m = list.get(c);
            ChannelSettings ch = out.channels().get(c);
            JsonNode inverted = m.path("inverted").path("enabled");
            if (inverted.isMissingNode() || inverted.isNull()) {
                inverted = m.path("reverse").path("enabled");
            }
            if (!inverted.isMissingNode() && !inverted.isNull()) {
                ch = ch.withReverse(inverted.asBoolean() || "true".equals(inverted.asString("")));
            }
            JsonNode quant = m.path("quantization");
            if (quant.isObject() && quant.has("family")) {
                double k = quant.path("coefficient").asDouble(1.0);
                ch = ch.withFamily(Family.parse(quant.get("family").asString()), k);
            }
            out = out.withChannel(c, ch);
        }
        return out;
    }
}

package org.omerosdk.bench.render;

import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/** {@code benchmarks/run render}: runs {@link RenderBenchmark} with the GC profiler, prints the table and summary. */
public final class RenderComparison {
    private RenderComparison() {
    }

    private static double[] get(Map<String, double[]> byName, String name) {
        return byName.getOrDefault(name, new double[] {Double.NaN, Double.NaN});
    }

    public static void main(String[] args) throws Exception {
        // an argument narrows the run to the benchmarks whose names match it (a regular expression); missing rows
        // print as NaN in the summary
        String only = args.length > 0 ? args[0] : ".*";
        Options opt = new OptionsBuilder().include(RenderBenchmark.class.getName() + "\\.(" + only + ")")
                .addProfiler("gc").build();
        Collection<RunResult> results = new Runner(opt).run();
        Map<String, double[]> byName = new HashMap<>();
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark().replaceAll(".*\\.", "");
            double opsPerSec = r.getPrimaryResult().getScore();
            var alloc = r.getSecondaryResults().get("·gc.alloc.rate.norm");
            if (alloc == null) {
                alloc = r.getSecondaryResults().get("gc.alloc.rate.norm");
            }
            byName.put(name, new double[] {opsPerSec, alloc == null ? Double.NaN : alloc.getScore()});
        }
        double mpx = RenderBenchmark.N / 1e6;
        System.out.println();
        System.out.println("| benchmark (1024x1024, one thread) | ops/s | Mpx/s | bytes allocated per op |");
        System.out.println("|---|---|---|---|");
        for (String name : new String[] {"ours3ChannelUint16", "imagej3ChannelUint16", "reference3ChannelUint16",
            "ours3ChannelUint16Overlapping", "oursSessionPath3ChannelUint16",
            "oursSessionPath3ChannelUint16Overlapping", "ours3ChannelUint16Parallel", "oursGreyscaleUint16", "oursGreyscaleUint8", "oursThumbnail",
            "oursThumbnailBatchOf8"}) {
            double[] v = byName.get(name);
            if (v == null) {
                continue;
            }
            System.out.printf(Locale.ROOT, "| %s | %.1f | %s | %.0f |%n", name, v[0],
                    name.startsWith("oursThumbnail") ? "-" : String.format(Locale.ROOT, "%.0f", v[0] * mpx), v[1]);
        }
        double ours = get(byName, "ours3ChannelUint16")[0] * mpx;
        double imagej = get(byName, "imagej3ChannelUint16")[0] * mpx;
        double ref = get(byName, "reference3ChannelUint16")[0] * mpx;
        System.out.printf(Locale.ROOT, "%nthumbnails_per_s=%.0f thumbnails_batch_per_s=%.0f parallel_mpx_s=%.0f "
                        + "grey16_mpx_s=%.0f grey8_mpx_s=%.0f overlapping_mpx_s=%.0f%n",
                get(byName, "oursThumbnail")[0], get(byName, "oursThumbnailBatchOf8")[0],
                get(byName, "ours3ChannelUint16Parallel")[0] * mpx, get(byName, "oursGreyscaleUint16")[0] * mpx,
                get(byName, "oursGreyscaleUint8")[0] * mpx, get(byName, "ours3ChannelUint16Overlapping")[0] * mpx);
        double session = get(byName, "oursSessionPath3ChannelUint16")[0] * mpx;
        double overlap = get(byName, "oursSessionPath3ChannelUint16Overlapping")[0] * mpx;
        System.out.printf(Locale.ROOT, "session_ratio_kernel=%.2f session_bytes_per_op=%.0f "
                        + "overlap_kernel_mpx_s=%.0f%n", session / ours,
                get(byName, "oursSessionPath3ChannelUint16")[1], get(byName, "ours3ChannelUint16Overlapping")[0] * mpx);
        System.out.printf(Locale.ROOT, "render: ours_mpx_s=%.0f imagej_mpx_s=%.0f reference_mpx_s=%.0f "
                + "ratio_imagej=%.1f ratio_reference=%.1f session_mpx_s=%.0f overlap_mpx_s=%.0f%n", ours, imagej,
                ref, ours / imagej, ours / ref, session, overlap);
    }
}

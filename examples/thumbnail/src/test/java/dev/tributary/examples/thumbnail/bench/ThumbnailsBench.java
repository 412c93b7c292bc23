package dev.tributary.examples.thumbnail.bench;

import dev.tributary.examples.thumbnail.Settings;
import dev.tributary.examples.thumbnail.TestImages;
import dev.tributary.examples.thumbnail.Thumbnails;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Benchmark, not a test: thumbnails per second of {@link Thumbnails} alone (header check, decode,
 * scale, encode; no S3, no HTTP) on generated images, with 1 thread and with one thread per
 * processor. Run by {@code examples/thumbnail/bench.sh [iterations] [warm-up iterations]}.
 */
public final class ThumbnailsBench {

    private record Input(String name, byte[] image) {}

    private record Result(double perSecond, double meanMillis, double p50Millis, double p95Millis) {}

    public static void main(String[] args) throws Exception {
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        int processors = Runtime.getRuntime().availableProcessors();
        List<Input> inputs = List.of(
                new Input("JPEG 2000x1500", TestImages.jpeg(2000, 1500)),
                new Input("PNG 1200x900 (alpha)", TestImages.png(1200, 900)));
        Thumbnails thumbnails = new Thumbnails(Settings.DEFAULT_MAX_PIXELS);

        System.out.printf("%d measured iterations after %d warm-up iterations per row%n%n", iterations, warmup);
        System.out.println("| input | input bytes | threads | thumbnails/s | mean ms | p50 ms | p95 ms |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|");
        for (Input input : inputs) {
            for (int threads : processors > 1 ? new int[] {1, processors} : new int[] {1}) {
                run(thumbnails, input.image(), threads, warmup);
                Result r = run(thumbnails, input.image(), threads, iterations);
                System.out.printf(
                        "| %s | %d | %d | %.1f | %.1f | %.1f | %.1f |%n",
                        input.name(),
                        input.image().length,
                        threads,
                        r.perSecond(),
                        r.meanMillis(),
                        r.p50Millis(),
                        r.p95Millis());
            }
        }
    }

    /** Makes {@code count} thumbnails of {@code image} on {@code threads} threads. */
    private static Result run(Thumbnails thumbnails, byte[] image, int threads, int count) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Long>> calls = new ArrayList<>(count);
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                calls.add(pool.submit(() -> {
                    long t0 = System.nanoTime();
                    thumbnails.create(image);
                    return System.nanoTime() - t0;
                }));
            }
            long[] nanos = new long[count];
            for (int i = 0; i < count; i++) {
                nanos[i] = calls.get(i).get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            Arrays.sort(nanos);
            return new Result(
                    count / seconds,
                    Arrays.stream(nanos).average().orElse(0) / 1e6,
                    nanos[count / 2] / 1e6,
                    nanos[(int) Math.min(count - 1, Math.ceil(count * 0.95) - 1)] / 1e6);
        } finally {
            pool.shutdown();
        }
    }
}

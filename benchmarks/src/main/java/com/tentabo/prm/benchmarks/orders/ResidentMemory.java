package com.tentabo.prm.benchmarks.orders;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The highest resident memory (VmRSS, from Linux's {@code /proc}) of one process while it runs under load: sampled
 * every 200 ms by a daemon thread between {@link #watch} and {@link #stop}. On another system it reports -1.
 */
final class ResidentMemory {

    private final AtomicLong highestKib = new AtomicLong(-1);
    private final Thread sampler;
    private volatile boolean running = true;

    private ResidentMemory(long pid) {
        Path status = Path.of("/proc", Long.toString(pid), "status");
        sampler = new Thread(
                () -> {
                    while (running) {
                        long kib = residentKib(status);
                        highestKib.accumulateAndGet(kib, Math::max);
                        try {
                            Thread.sleep(200);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                },
                "rss-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    static ResidentMemory watch(long pid) {
        return new ResidentMemory(pid);
    }

    /** Stops sampling; the highest resident memory seen, in MiB (-1 when it could not be read). */
    double stop() throws InterruptedException {
        running = false;
        sampler.interrupt();
        sampler.join();
        long kib = highestKib.get();
        return kib < 0 ? -1 : kib / 1024.0;
    }

    static long residentKib(Path status) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}

package com.tentabo.prm.benchmarks.orders;

import com.tentabo.prm.benchmarks.service.ServiceLauncher;
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
        sampler = new Thread(
                () -> {
                    while (running) {
                        long kib = ServiceLauncher.residentKib(pid);
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
}

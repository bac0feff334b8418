package com.tentabo.prm.benchmarks.service;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;

/**
 * How fast this host's CPU is at the moment, as the CPU time one thread needs to hash a fixed amount of memory.
 *
 * <p>The drivers' results are CPU-bound, and the virtual machine they run on does not always get the same CPU from its
 * host: the same build's CPU per order has been seen to double from one hour to the next. CPU time, unlike wall time,
 * does not count the time other processes of this machine held the core, so this figure tells a slow host from a
 * busy machine. The drivers print it before and after a run, so that results taken on different days can be compared
 * with the host's speed next to them.
 */
public final class HostSpeed {

    private static final int BLOCK = 64 * 1024;
    private static final int BLOCKS = 4096; // 256 MiB hashed per measure

    private HostSpeed() {}

    /** The CPU milliseconds one thread needed to hash 256 MiB with SHA-256, best of three (lower is faster). */
    public static double cpuMillis() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        if (!threads.isCurrentThreadCpuTimeSupported()) {
            return Double.NaN;
        }
        byte[] block = new byte[BLOCK];
        for (int i = 0; i < block.length; i++) {
            block[i] = (byte) (i * 31);
        }
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
        hash(sha, block, BLOCKS / 4); // warm-up: the measure is of compiled code
        double best = Double.MAX_VALUE;
        for (int attempt = 0; attempt < 3; attempt++) {
            long before = threads.getCurrentThreadCpuTime();
            hash(sha, block, BLOCKS);
            best = Math.min(best, (threads.getCurrentThreadCpuTime() - before) / 1e6);
        }
        return best;
    }

    /**
     * The CPU milliseconds one thread needed for 2 million dependent reads at random places of 64 MiB, best of three
     * (lower is faster): memory latency, which a database's work depends on more than on arithmetic.
     */
    public static double memoryMillis() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        if (!threads.isCurrentThreadCpuTimeSupported()) {
            return Double.NaN;
        }
        int[] next = cycle(16 * 1024 * 1024, new java.util.SplittableRandom(42));
        chase(next, 1 << 18);
        double best = Double.MAX_VALUE;
        for (int attempt = 0; attempt < 3; attempt++) {
            long before = threads.getCurrentThreadCpuTime();
            chase(next, 2 << 20);
            best = Math.min(best, (threads.getCurrentThreadCpuTime() - before) / 1e6);
        }
        return best;
    }

    /** A line for a driver's output: the host's speed now. */
    public static String line() {
        return String.format(
                Locale.ROOT,
                "host speed (CPU ms of one thread, lower is faster): SHA-256 of 256 MiB %.0f, 2 M random reads in 64"
                        + " MiB %.0f",
                cpuMillis(),
                memoryMillis());
    }

    /** One cycle through every index (Sattolo's shuffle), so that each read depends on the one before. */
    private static int[] cycle(int size, java.util.SplittableRandom random) {
        int[] next = new int[size];
        for (int i = 0; i < size; i++) {
            next[i] = i;
        }
        for (int i = size - 1; i > 0; i--) {
            int j = random.nextInt(i);
            int swap = next[i];
            next[i] = next[j];
            next[j] = swap;
        }
        return next;
    }

    private static void chase(int[] next, int steps) {
        int at = 0;
        for (int i = 0; i < steps; i++) {
            at = next[at];
        }
        if (at < 0) {
            throw new IllegalStateException("indexes are not negative");
        }
    }

    private static void hash(MessageDigest sha, byte[] block, int blocks) {
        for (int i = 0; i < blocks; i++) {
            sha.update(block);
        }
        byte[] digest = sha.digest();
        if (digest.length != 32) {
            throw new IllegalStateException("SHA-256 gives 32 bytes");
        }
    }
}

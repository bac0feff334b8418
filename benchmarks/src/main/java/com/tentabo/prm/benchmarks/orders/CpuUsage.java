package com.tentabo.prm.benchmarks.orders;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time spent by the service, by PostgreSQL (every process named {@code postgres}, or only one server's postmaster
 * and its children) and by this driver between {@link #start} and {@link #report}, read from Linux's {@code /proc}. On
 * another system the report says so. Also used by the webhook intake's driver ({@link #perRequest}).
 */
public final class CpuUsage {

    private static final double TICKS_PER_SECOND = 100.0; // USER_HZ, 100 on every Linux architecture we run on

    private final long servicePid;
    private final long postmasterPid;
    private final Map<Long, Sample> before;
    private final long startNanos;

    /**
     * One process: whose it is, what kind of process it is (for PostgreSQL: a client backend, an autovacuum worker, the
     * WAL writer…), the CPU ticks it has used since it started, and those of its children it has reaped.
     */
    private record Sample(String party, String kind, long ticks, long reapedTicks) {}

    private CpuUsage(long servicePid, long postmasterPid, Map<Long, Sample> before) {
        this.servicePid = servicePid;
        this.postmasterPid = postmasterPid;
        this.before = before;
        this.startNanos = System.nanoTime();
    }

    public static CpuUsage start(long servicePid) {
        return new CpuUsage(servicePid, 0, sample(servicePid, 0));
    }

    /**
     * As {@link #start(long)}, PostgreSQL being only the server whose postmaster has this pid and its children (on a
     * shared machine, other servers' work is not counted).
     */
    public static CpuUsage start(long servicePid, long postmasterPid) {
        return new CpuUsage(servicePid, postmasterPid, sample(servicePid, postmasterPid));
    }

    /** CPU milliseconds per order for each party, and the share of the machine's cores they used together. */
    String report(int orders) {
        return report(orders, "order");
    }

    /** CPU milliseconds per {@code unit} for each party, and the share of the machine's cores they used together. */
    public String report(long count, String unit) {
        return spent().map(spent -> spent.perParty(party -> String.format(
                                java.util.Locale.ROOT,
                                "%s %.3f ms/%s, ",
                                party,
                                1000 * spent.seconds(party) / Math.max(1, count),
                                unit))
                        + String.format(
                                java.util.Locale.ROOT,
                                "together %.0f %% of %d cores",
                                spent.sharePercent(),
                                spent.cores()))
                .orElse(NOT_MEASURED);
    }

    /**
     * PostgreSQL's CPU milliseconds per {@code unit} by kind of process (client backends, autovacuum, WAL writer,
     * checkpointer…), plus {@code ended}: the processes that ended meanwhile and that the postmaster reaped (an
     * autovacuum worker, a closed connection), which {@link #report} leaves out. Only for a server named by its
     * postmaster's pid.
     */
    public String postgresByKind(long count, String unit) {
        if (postmasterPid == 0 || !Files.isDirectory(Path.of("/proc/self"))) {
            return "";
        }
        Map<String, Long> byKind = new java.util.TreeMap<>();
        Map<Long, Sample> now = sample(servicePid, postmasterPid);
        now.forEach((pid, sample) -> {
            if (sample.party().equals("postgres")) {
                Sample then = before.get(pid);
                byKind.merge(sample.kind(), sample.ticks() - (then == null ? 0 : then.ticks()), Long::sum);
            }
        });
        Sample postmasterNow = now.get(postmasterPid);
        Sample postmasterThen = before.get(postmasterPid);
        if (postmasterNow != null && postmasterThen != null) {
            byKind.put("ended", postmasterNow.reapedTicks() - postmasterThen.reapedTicks());
        }
        return byKind.entrySet().stream()
                .map(e -> String.format(
                        java.util.Locale.ROOT,
                        "%s %.3f",
                        e.getKey(),
                        1000 * e.getValue() / TICKS_PER_SECOND / Math.max(1, count)))
                .collect(java.util.stream.Collectors.joining(", ", "postgres by process, ms/" + unit + ": ", ""));
    }

    /**
     * CPU microseconds per request for each party ({@code service}, {@code postgres}, {@code driver}) and in total,
     * and the share of the machine's cores they used together.
     */
    public String perRequest(long requests) {
        return spent().map(spent -> spent.perParty(party -> String.format(
                                java.util.Locale.ROOT,
                                "%s %.0f µs, ",
                                party,
                                1e6 * spent.seconds(party) / Math.max(1, requests)))
                        + String.format(
                                java.util.Locale.ROOT,
                                "together %.0f µs per request; %.0f %% of %d cores",
                                1e6 * spent.total() / Math.max(1, requests),
                                spent.sharePercent(),
                                spent.cores()))
                .orElse(NOT_MEASURED);
    }

    private static final String NOT_MEASURED = "not measured (no /proc)";

    private static final List<String> PARTIES = List.of("service", "postgres", "driver");

    /** CPU seconds per party since {@link #start}, their total, and the share of the cores over the wall time. */
    private record Spent(Map<String, Long> ticks, double wallSeconds, int cores) {
        double seconds(String party) {
            return ticks.getOrDefault(party, 0L) / TICKS_PER_SECOND;
        }

        double total() {
            return PARTIES.stream().mapToDouble(this::seconds).sum();
        }

        double sharePercent() {
            return 100 * total() / (wallSeconds * cores);
        }

        String perParty(java.util.function.Function<String, String> line) {
            return PARTIES.stream().map(line).collect(java.util.stream.Collectors.joining());
        }
    }

    /** What was spent since {@link #start}; empty where there is no {@code /proc}. */
    private java.util.Optional<Spent> spent() {
        if (!Files.isDirectory(Path.of("/proc/self"))) {
            return java.util.Optional.empty();
        }
        double wall = (System.nanoTime() - startNanos) / 1e9;
        return java.util.Optional.of(
                new Spent(used(), wall, Runtime.getRuntime().availableProcessors()));
    }

    /** CPU ticks per party since {@link #start}: a process that started meanwhile counts from zero, one that ended is left out. */
    private Map<String, Long> used() {
        Map<String, Long> used = new HashMap<>();
        sample(servicePid, postmasterPid)
                .forEach((pid, now) -> used.merge(
                        now.party(),
                        now.ticks() - (before.containsKey(pid) ? before.get(pid).ticks() : 0),
                        Long::sum));
        return used;
    }

    private static Map<Long, Sample> sample(long servicePid, long postmasterPid) {
        Map<Long, Sample> ticks = new HashMap<>();
        long self = ProcessHandle.current().pid();
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            processes
                    .filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .forEach(p -> {
                        try {
                            long pid = Long.parseLong(p.getFileName().toString());
                            String party = pid == servicePid
                                    ? "service"
                                    : pid == self
                                            ? "driver"
                                            : isPostgres(p) && ofServer(p, pid, postmasterPid) ? "postgres" : null;
                            if (party != null) {
                                long[] cpu = cpuTicks(p);
                                ticks.put(pid, new Sample(party, kind(p, party), cpu[0], cpu[1]));
                            }
                        } catch (RuntimeException vanished) {
                            // the process ended while being read: its time is lost from this sample only
                        }
                    });
        } catch (IOException | RuntimeException noProc) {
            // not Linux, or a process vanished while listing: the report says what it could measure
        }
        return ticks;
    }

    private static boolean isPostgres(Path process) {
        try {
            return Files.readString(process.resolve("comm"), StandardCharsets.US_ASCII)
                    .trim()
                    .equals("postgres");
        } catch (IOException gone) {
            return false;
        }
    }

    /** Whether the postgres process belongs to the server (any server when its postmaster's pid is 0). */
    private static boolean ofServer(Path process, long pid, long postmasterPid) {
        if (postmasterPid == 0 || pid == postmasterPid) {
            return true;
        }
        try {
            String stat = Files.readString(process.resolve("stat"), StandardCharsets.US_ASCII);
            return Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[1]) == postmasterPid;
        } catch (IOException | RuntimeException gone) {
            return false;
        }
    }

    /**
     * utime + stime of the process and cutime + cstime of the children it has waited for (fields 14 to 17 of
     * /proc/PID/stat, after the command in parentheses).
     */
    private static long[] cpuTicks(Path process) {
        try {
            String stat = Files.readString(process.resolve("stat"), StandardCharsets.US_ASCII);
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return new long[] {
                Long.parseLong(fields[11]) + Long.parseLong(fields[12]),
                Long.parseLong(fields[13]) + Long.parseLong(fields[14])
            };
        } catch (IOException | RuntimeException gone) {
            return new long[] {0, 0};
        }
    }

    /**
     * For a PostgreSQL process, what its title says it is: {@code postmaster}, {@code backend} (a client connection),
     * {@code autovacuum} (launcher or worker), {@code walwriter}, {@code checkpointer}, {@code background writer}…;
     * the party's name for the others.
     */
    private static String kind(Path process, String party) {
        if (!party.equals("postgres")) {
            return party;
        }
        try {
            String title = Files.readString(process.resolve("cmdline"), StandardCharsets.UTF_8)
                    .replace('\0', ' ')
                    .strip();
            if (!title.startsWith("postgres: ")) {
                return "postmaster";
            }
            String what = title.substring("postgres: ".length());
            if (what.startsWith("autovacuum")) {
                return "autovacuum";
            }
            for (String background : List.of(
                    "walwriter", "checkpointer", "background writer", "stats collector", "logical replication")) {
                if (what.startsWith(background)) {
                    return background;
                }
            }
            return "backend";
        } catch (IOException gone) {
            return "postgres";
        }
    }
}

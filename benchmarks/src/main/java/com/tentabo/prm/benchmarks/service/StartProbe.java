package com.tentabo.prm.benchmarks.service;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long the packaged service takes to start against an external PostgreSQL, and what the start costs:
 *
 * <pre>
 * ./mvnw -B package -DskipTests
 * java -cp benchmarks/target/benchmarks.jar com.tentabo.prm.benchmarks.service.StartProbe 5 [java] [JVM options…]
 * </pre>
 *
 * It starts an embedded PostgreSQL 13.22, starts the service once on the empty database (with the options given and
 * {@code -Dquarkus.flyway.migrate-at-start=true}, so that the schema is migrated whatever they say; reported apart), then starts it {@code starts} times one after the other, each time with {@code java} (an executable,
 * {@code java} from the {@code PATH} unless given) and the JVM options given, from the application's directory (where
 * {@code -XX:SharedArchiveFile=app-cds.jsa} or {@code -XX:AOTCache=app.aot} find their file), with no heap option
 * unless given. For each start it prints the time from launching the process to the first {@code 200} of
 * {@code /q/health/ready} (polled every 20 ms), the CPU time the process had used at that moment (all its threads, and
 * its main thread alone: less sensitive to a busy machine), its resident memory then, and what Quarkus logged as its own start; then it stops the service. The service's
 * environment can be added to with {@code -Dprm.bench.env=NAME=value,…}; each start's log is kept in a temporary
 * directory, printed at the end.
 */
public final class StartProbe {

    private static final int PORT = 18090;
    private static final Pattern QUARKUS_STARTED = Pattern.compile("started in ([0-9.]+)s");

    private StartProbe() {}

    /** One start: wall seconds to ready, CPU seconds and resident MiB at that moment, Quarkus's own figure. */
    private record Start(
            double wallSeconds, double cpuSeconds, double mainCpuSeconds, double residentMib, String quarkusSays) {

        String line() {
            return String.format(
                    Locale.ROOT,
                    "start to ready %.2f s, CPU at ready %.2f s (main thread %.2f s), RSS at ready %.0f MiB, Quarkus: %s",
                    wallSeconds,
                    cpuSeconds,
                    mainCpuSeconds,
                    residentMib,
                    quarkusSays);
        }
    }

    public static void main(String[] args) throws Exception {
        int starts = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        String java = args.length > 1 ? args[1] : "java";
        String[] jvmOptions = args.length > 2 ? Arrays.copyOfRange(args, 2, args.length) : new String[0];
        ServiceLauncher.requirePackaged();
        Path work = Files.createTempDirectory("prm-start-probe");
        System.out.println("service: " + java + " " + String.join(" ", jvmOptions) + " -jar quarkus-run.jar");
        System.out.println("load average at the beginning: " + ServiceLauncher.loadAverage());
        System.out.println(HostSpeed.line());
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setDataDirectory(work.resolve("pg").toFile())
                .setCleanDataDirectory(true)
                .start()) {
            String url = pg.getJdbcUrl("postgres", "postgres");
            String[] migrating = Arrays.copyOf(jvmOptions, jvmOptions.length + 1);
            migrating[jvmOptions.length] = "-Dquarkus.flyway.migrate-at-start=true"; // the last -D of a name wins
            System.out.println("first start (schema migrated on an empty database): "
                    + startOnce(url, work, java, migrating, 0).line());
            List<Start> measured = new ArrayList<>();
            for (int i = 1; i <= starts; i++) {
                Start start = startOnce(url, work, java, jvmOptions, i);
                measured.add(start);
                System.out.println("start " + i + ": " + start.line());
            }
            System.out.printf(
                    Locale.ROOT,
                    "median of %d starts: start to ready %.2f s, CPU at ready %.2f s (main thread %.2f s), RSS at ready "
                            + "%.0f MiB%n",
                    starts,
                    median(measured.stream().map(Start::wallSeconds).toList()),
                    median(measured.stream().map(Start::cpuSeconds).toList()),
                    median(measured.stream().map(Start::mainCpuSeconds).toList()),
                    median(measured.stream().map(Start::residentMib).toList()));
        }
        System.out.println("load average at the end: " + ServiceLauncher.loadAverage());
        System.out.println(HostSpeed.line());
        System.out.println("logs of each start: " + work);
    }

    private static Start startOnce(String url, Path work, String java, String[] jvmOptions, int index)
            throws IOException, InterruptedException {
        Path log = work.resolve("start-" + index + ".log");
        ServiceLauncher launcher = ServiceLauncher.service(url, PORT)
                .java(java)
                .heap("")
                .jvm(jvmOptions)
                .fromAppDirectory()
                .files(work.resolve("data"), log)
                // Quarkus's own "started in" line, the rest of the log at WARN
                .env("QUARKUS_LOG_CATEGORY__IO_QUARKUS__LEVEL", "INFO")
                .envFrom("prm.bench.env")
                .ready(Duration.ofSeconds(180), "the service did not become ready within 180 s", Duration.ofMillis(20));
        long launched = System.nanoTime();
        try (ServiceLauncher.Running service = launcher.start()) {
            double wall = (System.nanoTime() - launched) / 1e9;
            double cpu = service.cpuSeconds();
            double mainCpu = service.mainThreadCpuSeconds();
            double resident = service.residentKib() / 1024.0;
            return new Start(wall, cpu, mainCpu, resident, quarkusStartedIn(log));
        }
    }

    private static String quarkusStartedIn(Path log) throws IOException {
        Matcher started = QUARKUS_STARTED.matcher(Files.readString(log));
        return started.find() ? "started in " + started.group(1) + " s" : "no start line in its log";
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}

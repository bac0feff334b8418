package com.tentabo.prm.benchmarks.service;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How every load driver starts the packaged service ({@code bootstrap/target/quarkus-app/quarkus-run.jar}) against its
 * database: {@code java <heap> <JVM options> [options from a system property] -jar quarkus-run.jar}, the database, port,
 * admin password, data directory and {@code WARN} logging in the environment plus what the driver adds, its output in
 * a log file; {@link #start} returns once {@code /q/health/ready} answers 200. The {@link Running} service gives its
 * pid (for {@code CpuUsage}), its resident memory, and stops on {@link Running#close}.
 */
public final class ServiceLauncher {

    /** Where {@code ./mvnw package} puts the service. */
    public static final Path APP_JAR = Path.of("bootstrap/target/quarkus-app/quarkus-run.jar");

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final String jdbcUrl;
    private final int port;
    private final List<String> jvmOptions = new ArrayList<>();
    private final Map<String, String> environment = new LinkedHashMap<>();
    private String java = "java";
    private String heap = "-Xmx1g";
    private String optionsProperty;
    private boolean fromAppDirectory;
    private Path log;
    private Duration readyWithin = Duration.ofSeconds(Long.getLong("prm.bench.start-timeout", 360));
    private String notReady = "the service did not become ready in time (-Dprm.bench.start-timeout, seconds)";
    private Duration poll = Duration.ofMillis(500);

    private ServiceLauncher(String jdbcUrl, int port) {
        this.jdbcUrl = jdbcUrl;
        this.port = port;
    }

    /**
     * The service on {@code port} against the PostgreSQL at {@code jdbcUrl} (user and password {@code postgres}).
     *
     * @throws IllegalStateException when the service has not been packaged
     */
    public static ServiceLauncher service(String jdbcUrl, int port) {
        requirePackaged();
        return new ServiceLauncher(jdbcUrl, port);
    }

    /** Fails when the service has not been packaged: a driver checks before it prepares its database. */
    public static void requirePackaged() {
        if (!Files.exists(APP_JAR)) {
            throw new IllegalStateException("build the service first: ./mvnw -B package -DskipTests");
        }
    }

    /** The {@code java} executable that runs the service ({@code java} from the {@code PATH} unless told). */
    public ServiceLauncher java(String executable) {
        this.java = executable;
        return this;
    }

    /** The heap option, first on the command line ({@code -Xmx1g} unless told; none when blank). */
    public ServiceLauncher heap(String option) {
        this.heap = option;
        return this;
    }

    /** JVM options after the heap, before those of {@link #optionsFrom}. */
    public ServiceLauncher jvm(String... options) {
        jvmOptions.addAll(List.of(options));
        return this;
    }

    /** Further JVM options, blank-separated, from this system property when set (e.g. {@code prm.bench.jvm-args}). */
    public ServiceLauncher optionsFrom(String systemProperty) {
        this.optionsProperty = systemProperty;
        return this;
    }

    /**
     * Runs {@code java -jar quarkus-run.jar} from the application's directory, as its AppCDS archive requires
     * ({@code -Dprm.bench.jvm-args=-XX:SharedArchiveFile=app-cds.jsa}).
     */
    public ServiceLauncher fromAppDirectory() {
        this.fromAppDirectory = true;
        return this;
    }

    /** The service's data directory ({@code PRM_DATA_DIR}) and the file its output goes to. */
    public ServiceLauncher files(Path dataDirectory, Path logFile) {
        environment.put("PRM_DATA_DIR", dataDirectory.toString());
        this.log = logFile;
        return this;
    }

    /** One environment variable of the service (the last value given wins). */
    public ServiceLauncher env(String name, String value) {
        environment.put(name, value);
        return this;
    }

    /** Environment variables of the service. */
    public ServiceLauncher env(Map<String, String> variables) {
        environment.putAll(variables);
        return this;
    }

    /** Environment variables from a system property holding {@code NAME=value} pairs separated by commas. */
    public ServiceLauncher envFrom(String systemProperty) {
        for (String variable : System.getProperty(systemProperty, "").split(",")) {
            if (variable.contains("=")) {
                environment.put(
                        variable.substring(0, variable.indexOf('=')), variable.substring(variable.indexOf('=') + 1));
            }
        }
        return this;
    }

    /**
     * How long {@link #start} waits for readiness (else fails with {@code message}) and how often it asks; by default
     * {@code -Dprm.bench.start-timeout} seconds (360), every 500 ms.
     */
    public ServiceLauncher ready(Duration within, String message, Duration every) {
        this.readyWithin = within;
        this.notReady = message;
        this.poll = every;
        return this;
    }

    /** The command line this launcher runs. */
    public List<String> command() {
        List<String> command = new ArrayList<>(List.of(java));
        if (!heap.isBlank()) {
            command.add(heap);
        }
        command.addAll(jvmOptions);
        String extra = optionsProperty == null ? null : System.getProperty(optionsProperty);
        if (extra != null && !extra.isBlank()) {
            command.addAll(Arrays.asList(extra.trim().split("\\s+")));
        }
        command.addAll(List.of("-jar", fromAppDirectory ? APP_JAR.getFileName().toString() : APP_JAR.toString()));
        return command;
    }

    /** Starts the service and waits until it is ready; a service that stops meanwhile or is late fails the driver. */
    public Running start() throws IOException, InterruptedException {
        if (log == null) {
            throw new IllegalStateException("the service's data directory and log file are not set");
        }
        ProcessBuilder builder = new ProcessBuilder(command());
        if (fromAppDirectory) {
            builder.directory(APP_JAR.toAbsolutePath().getParent().toFile());
        }
        Map<String, String> env = builder.environment();
        env.put("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl);
        env.put("QUARKUS_DATASOURCE_USERNAME", "postgres");
        env.put("QUARKUS_DATASOURCE_PASSWORD", "postgres");
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        env.put("PRM_ADMIN_PASSWORD", Running.ADMIN_PASSWORD);
        env.put("QUARKUS_LOG_LEVEL", "WARN");
        env.putAll(environment);
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        Running service = new Running(builder.start(), port);
        try {
            service.waitUntilReady(readyWithin, notReady, poll);
        } catch (RuntimeException | InterruptedException e) {
            service.close();
            throw e;
        }
        return service;
    }

    /** The service's resident memory (VmRSS) in KiB, from Linux's {@code /proc}; -1 when unreadable. */
    public static long residentKib(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    /**
     * The CPU time the process has used since it started, all its threads together (utime + stime of Linux's
     * {@code /proc/<pid>/stat}), in seconds; -1 when unreadable.
     */
    public static double cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0; // USER_HZ is 100 on Linux
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * The CPU time of the JVM's main thread (the thread that runs {@code main}, which is where a Quarkus start does its
     * work, and the launcher's thread that waits for it: Linux names both {@code java}, the JVM names its other
     * threads), in seconds; -1 when unreadable. Less sensitive to a busy machine than the whole process's CPU, most of
     * which is the JIT compilers', whose work grows with the time the start takes.
     */
    public static double mainThreadCpuSeconds(long pid) {
        double seconds = 0;
        try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks.toList()) {
                if (Files.readString(task.resolve("comm")).trim().equals("java")) {
                    String stat = Files.readString(task.resolve("stat"));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    seconds += (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return seconds;
    }

    /** The machine's load averages over 1, 5 and 15 minutes; {@code n/a} where {@code /proc} is missing. */
    public static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "n/a";
        }
    }

    /** A started service; {@link #close} stops it and waits for its end. */
    public static final class Running implements AutoCloseable {

        /** The admin's password every driver starts the service with. */
        public static final String ADMIN_PASSWORD = "bench-admin-password";

        private final Process process;
        private final int port;

        private Running(Process process, int port) {
            this.process = process;
            this.port = port;
        }

        public long pid() {
            return process.pid();
        }

        public String baseUrl() {
            return "http://127.0.0.1:" + port;
        }

        /** The CPU seconds it has used since it started; -1 when unreadable. */
        public double cpuSeconds() {
            return ServiceLauncher.cpuSeconds(process.pid());
        }

        /** The CPU seconds its main thread has used ({@link ServiceLauncher#mainThreadCpuSeconds}); -1 when unreadable. */
        public double mainThreadCpuSeconds() {
            return ServiceLauncher.mainThreadCpuSeconds(process.pid());
        }

        /** Its resident memory in KiB; -1 when unreadable. */
        public long residentKib() {
            return ServiceLauncher.residentKib(process.pid());
        }

        private void waitUntilReady(Duration within, String message, Duration every) throws InterruptedException {
            Instant deadline = Instant.now().plus(within);
            while (Instant.now().isBefore(deadline)) {
                try {
                    HttpResponse<String> r = HTTP.send(
                            HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready"))
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() == 200) {
                        return;
                    }
                } catch (IOException notYet) {
                    // the service is still starting
                }
                if (!process.isAlive()) {
                    throw new IllegalStateException("the service stopped while starting (see its log)");
                }
                Thread.sleep(every.toMillis());
            }
            throw new IllegalStateException(message);
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            process.waitFor();
        }
    }
}

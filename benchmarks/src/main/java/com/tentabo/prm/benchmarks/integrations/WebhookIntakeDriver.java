package com.tentabo.prm.benchmarks.integrations;

import com.tentabo.prm.benchmarks.orders.CpuUsage;
import com.tentabo.prm.benchmarks.orders.PlainHttpClient;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Webhook intake under load, with duplicates: {@code POST /api/v1/webhooks/{provider}} of the packaged service.
 *
 * <pre>
 * ./mvnw -B -q -o package -DskipTests
 * java -cp benchmarks/target/benchmarks.jar com.tentabo.prm.benchmarks.integrations.WebhookIntakeDriver [requests] [clients]
 * </pre>
 * It starts an embedded PostgreSQL 13.22, a Pipedrive account ({@link PipedriveStub}) and the packaged service with
 * its webhook worker off, creates the active {@code pipedrive} CRM provider (HTTP Basic webhook credentials, pointed at
 * the stub) and the active {@code pennylane} billing provider (a webhook secret), and then {@code clients} threads
 * (default 32), each on its own keep-alive connection, post {@code requests} deliveries (default 220,000) as fast as
 * they are answered (a closed loop). Request {@code r}: every tenth ({@code r % 10 == 9}) is an exact copy — same body,
 * same headers — of request {@code r - 5}, sent by another client at about the same time (the hard case: the copy
 * races the original); the others are distinct events, four in five Pipedrive ({@code deal}/{@code person} changes, one
 * in a hundred a {@code lead} change), one in five Pennylane ({@code quote.updated} of a quote the PRM did not issue,
 * signed {@code X-Pennylane-Signature: t=…,v1=HMAC-SHA256}). Every answer must be 202 (stored) or 200 (a duplicate).
 *
 * <p>Then the checks: exactly as many 202 as distinct events; in the database exactly one row per distinct event and
 * no other. The service is then restarted with its webhook worker on (every second) — the rows acknowledged are still
 * there — until no event is pending; every event must have been claimed exactly once ({@code attempts = 1}) and ended
 * {@code processed} or {@code ignored}, and each lead event's lead read from the stub exactly once and imported once.
 * {@code -Dprm.bench.process=false} stops after the intake's checks (the worker processes a few hundred events a
 * second at best: the processing of a large run takes minutes); {@code -Dprm.bench.warm-up=20} (seconds).
 */
public final class WebhookIntakeDriver {

    private static final int PORT = 18083;
    private static final String PD_USER = "pipedrive-hooks";
    private static final String PD_PASSWORD = "bench-hook-password-1";
    private static final String PL_SECRET = "bench-pennylane-webhook-secret";
    private static final String BASIC = "Basic "
            + Base64.getEncoder().encodeToString((PD_USER + ":" + PD_PASSWORD).getBytes(StandardCharsets.UTF_8));
    /** One keyed HMAC per client thread: the driver's own CPU per request stays small next to what it measures. */
    private static final ThreadLocal<Mac> SIGNER = ThreadLocal.withInitial(() -> {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(PL_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    });

    private WebhookIntakeDriver() {}

    /** One delivery: where, its one authentication header, its body; {@code lead} ≥ 0 for a lead event. */
    private record Delivery(String path, String header, String value, String body, int lead) {}

    public static void main(String[] args) throws Exception {
        int requests = args.length > 0 ? Integer.parseInt(args[0]) : 220_000;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 32;
        int distinct = requests - requests / 10;
        int leadEvents = (distinct + 99) / 100;
        Path work = Files.createTempDirectory("prm-webhook-bench");
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder()
                        .setDataDirectory(work.resolve("pg").toFile())
                        .setCleanDataDirectory(true)
                        .start();
                PipedriveStub pipedrive = new PipedriveStub(leadEvents)) {
            String url = pg.getJdbcUrl("postgres", "postgres");
            long[] answered = new long[600];
            double seconds;
            try (ServiceProcess service =
                    ServiceProcess.start(url, PORT, work, "-Xmx1g", Map.of("PRM_WEBHOOKS_INTERVAL", "off"))) {
                service.createProvider(
                        "CRM",
                        "pipedrive",
                        "{\"base_url\": \"" + pipedrive.baseUrl()
                                + "\", \"development\": true, \"lead_owner_user_id\": \"" + service.leadOwner() + "\"}",
                        "{\"api_token\": \"bench-token\", \"webhook_username\": \"" + PD_USER
                                + "\", \"webhook_password\": \"" + PD_PASSWORD + "\"}");
                service.createProvider(
                        "BILLING",
                        "pennylane",
                        "{\"development\": true}",
                        "{\"api_key\": \"bench-key\", \"webhook_secret\": \"" + PL_SECRET + "\"}");
                System.out.printf(
                        "service ready (pid %d), %d requests (%d distinct events, %d lead events), %d clients, "
                                + "load average %s%n",
                        service.pid(), requests, distinct, leadEvents, clients, ServiceProcess.loadAverage());
                warmUp(service, clients);
                long rssBefore = service.rssKib();
                AtomicInteger next = new AtomicInteger();
                AtomicLong accepted = new AtomicLong();
                AtomicLong duplicates = new AtomicLong();
                AtomicLong errors = new AtomicLong();
                AtomicReference<String> firstError = new AtomicReference<>();
                long[][] latencies = new long[clients][];
                CpuUsage cpu = CpuUsage.start(service.pid());
                Instant started = Instant.now();
                List<Thread> threads = new ArrayList<>();
                for (int c = 0; c < clients; c++) {
                    int client = c;
                    Thread thread = new Thread(() -> {
                        long[] mine = new long[requests / clients + 2];
                        int n = 0;
                        try (PlainHttpClient http = new PlainHttpClient("127.0.0.1", PORT)) {
                            for (int r = next.getAndIncrement(); r < requests; r = next.getAndIncrement()) {
                                Delivery d = delivery(r);
                                long t0 = System.nanoTime();
                                PlainHttpClient.Response answer;
                                try {
                                    answer = http.post(d.path(), d.header(), d.value(), d.body());
                                } catch (java.io.IOException e) {
                                    // counted; the client connects again for the next request
                                    answer = new PlainHttpClient.Response(-1, e.toString());
                                }
                                long took = System.nanoTime() - t0;
                                if (n < mine.length) {
                                    mine[n++] = took;
                                }
                                int second = (int) Math.min(
                                        answered.length - 1,
                                        Duration.between(started, Instant.now()).toSeconds());
                                synchronized (answered) {
                                    answered[second]++;
                                }
                                if (answer.status() == 202) {
                                    accepted.incrementAndGet();
                                } else if (answer.status() == 200) {
                                    duplicates.incrementAndGet();
                                } else {
                                    errors.incrementAndGet();
                                    firstError.compareAndSet(null, answer.status() + " " + answer.body());
                                }
                            }
                        } catch (Exception e) {
                            errors.incrementAndGet();
                            firstError.compareAndSet(null, e.toString());
                        }
                        latencies[client] = Arrays.copyOf(mine, n);
                    });
                    threads.add(thread);
                    thread.start();
                }
                long highestRss = rssBefore;
                while (threads.stream().anyMatch(Thread::isAlive)) {
                    Thread.sleep(500);
                    highestRss = Math.max(highestRss, service.rssKib());
                }
                seconds = Duration.between(started, Instant.now()).toMillis() / 1000.0;
                String cpuPerRequest = cpu.perRequest(requests);
                long[] all = Arrays.stream(latencies)
                        .flatMapToLong(Arrays::stream)
                        .sorted()
                        .toArray();
                System.out.printf(
                        "%nINTAKE: %d requests in %.1f s = %.0f requests/s (%.0f distinct events/s); "
                                + "202 stored %d, 200 duplicate %d, other %d%s%n",
                        requests,
                        seconds,
                        requests / seconds,
                        distinct / seconds,
                        accepted.get(),
                        duplicates.get(),
                        errors.get(),
                        firstError.get() == null ? "" : " (first: " + firstError.get() + ")");
                System.out.printf(
                        "latency p50 %.2f / p95 %.2f / p99 %.2f / max %.2f ms; answered per second: %s%n",
                        percentile(all, 50),
                        percentile(all, 95),
                        percentile(all, 99),
                        percentile(all, 100),
                        perSecond(answered, seconds));
                System.out.printf("CPU per request: %s%n", cpuPerRequest);
                System.out.printf(
                        "service RSS %.1f MiB before, highest %.1f MiB during; load average at the end %s%n",
                        rssBefore / 1024.0, highestRss / 1024.0, ServiceProcess.loadAverage());
                check("one 202 per distinct event", accepted.get() == distinct, accepted.get() + " of " + distinct);
                long rows = service.count("SELECT count(*) FROM webhook_events");
                long pairs = service.count("SELECT count(DISTINCT (provider_name, event_id)) FROM webhook_events");
                check(
                        "one stored row per distinct event",
                        rows == distinct && pairs == distinct,
                        rows + " rows, " + pairs + " distinct (provider, event id) of " + distinct);
            }
            if (!Boolean.parseBoolean(System.getProperty("prm.bench.process", "true"))) {
                return;
            }
            try (ServiceProcess service = ServiceProcess.start(
                    url, PORT, work, "-Xmx1g", Map.of("PRM_WEBHOOKS_INTERVAL", "1s", "PRM_OUTBOX_BATCH_SIZE", "100"))) {
                Instant started = Instant.now();
                long pending = 1;
                while (pending > 0 && Duration.between(started, Instant.now()).toSeconds() < 1800) {
                    Thread.sleep(2000);
                    pending = service.count("SELECT count(*) FROM webhook_events WHERE status = 'pending'");
                    System.out.printf(
                            "%6.1f s  events pending %7d%n",
                            Duration.between(started, Instant.now()).toMillis() / 1000.0, pending);
                }
                long rows = service.count("SELECT count(*) FROM webhook_events");
                long once = service.count("SELECT count(*) FROM webhook_events WHERE attempts = 1 "
                        + "AND status IN ('processed', 'ignored')");
                long processedLeads = service.count("SELECT count(*) FROM webhook_events WHERE status = 'processed' "
                        + "AND event_type = 'lead.change'");
                long imported = service.count("SELECT count(*) FROM leads WHERE provider_name = 'pipedrive'");
                int readTwice = 0;
                int neverRead = 0;
                for (int i = 0; i < leadEvents; i++) {
                    readTwice += pipedrive.leadReads(i) > 1 ? 1 : 0;
                    neverRead += pipedrive.leadReads(i) == 0 ? 1 : 0;
                }
                System.out.printf(
                        "%nPROCESSING (after a restart): %d events, %d claimed once and settled, %d lead "
                                + "events processed, %d leads imported, leads read twice %d, never %d%n",
                        rows, once, processedLeads, imported, readTwice, neverRead);
                check(
                        "every event processed exactly once",
                        once == rows,
                        once + " of " + rows
                                + (once == rows
                                        ? ""
                                        : "; failed: "
                                                + service.count("SELECT count(*) FROM webhook_events "
                                                        + "WHERE status = 'failed'")));
                check(
                        "every lead event's lead read once and imported once",
                        readTwice == 0 && neverRead == 0 && imported == leadEvents && processedLeads == leadEvents,
                        imported + " of " + leadEvents);
            }
        }
    }

    /** A few seconds of distinct deliveries of another provider id range, so that the measured run starts warm. */
    private static void warmUp(ServiceProcess service, int clients) throws Exception {
        int seconds = Integer.getInteger("prm.bench.warm-up", 20);
        Instant until = Instant.now().plusSeconds(seconds);
        AtomicInteger next = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Thread thread = new Thread(() -> {
                try (PlainHttpClient http = new PlainHttpClient("127.0.0.1", PORT)) {
                    while (Instant.now().isBefore(until)) {
                        Delivery d = pipedrive("warm-up-" + next.getAndIncrement(), "deal", "change", "1");
                        http.post(d.path(), d.header(), d.value(), d.body());
                    }
                } catch (Exception e) {
                    System.out.println("warm-up: " + e);
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        service.count("WITH gone AS (DELETE FROM webhook_events WHERE event_id LIKE 'warm-up-%' RETURNING 1) "
                + "SELECT count(*) FROM gone");
        System.out.printf(
                "warmed up for %d s (%d deliveries); load average %s%n",
                seconds, next.get(), ServiceProcess.loadAverage());
    }

    /** Request {@code r} of the run: a distinct event, or (every tenth) the copy of request {@code r - 5}. */
    private static Delivery delivery(int r) {
        int request = r % 10 == 9 ? r - 5 : r;
        int event = request - request / 10; // the distinct event number of a request that is not a copy
        if (event % 100 == 0) {
            String lead = PipedriveStub.leadId(event / 100);
            return pipedrive("pd-" + event, "lead", "change", lead, event / 100);
        }
        if (event % 5 == 1) {
            return pennylane(event);
        }
        return pipedrive("pd-" + event, event % 2 == 0 ? "deal" : "person", "change", String.valueOf(event), -1);
    }

    private static Delivery pipedrive(String id, String entity, String action, String entityId) {
        return pipedrive(id, entity, action, entityId, -1);
    }

    private static Delivery pipedrive(String id, String entity, String action, String entityId, int lead) {
        String body = "{\"meta\": {\"action\": \"" + action + "\", \"entity\": \"" + entity + "\", \"entity_id\": \""
                + entityId + "\", \"id\": \"" + id + "\", \"company_id\": \"123\", \"timestamp\": "
                + "\"2026-12-04T08:00:00.000Z\", \"version\": \"2.0\", \"change_source\": \"app\", \"attempt\": 1}, "
                + "\"data\": {\"id\": \"" + entityId + "\", \"title\": \"Benchmark " + entity + " " + entityId
                + "\", \"update_time\": \"2026-12-04T08:00:00.000Z\", \"value\": {\"amount\": 1200.50, \"currency\": "
                + "\"EUR\"}}, \"previous\": {\"title\": \"Before\"}}";
        return new Delivery("/api/v1/webhooks/pipedrive", "Authorization", BASIC, body, lead);
    }

    /**
     * Signed with the current minute (Pennylane refuses a signature more than 5 minutes old): the copy of a request,
     * five requests later, almost always carries the very same header; across a minute boundary it is signed again,
     * as Pennylane signs a retry.
     */
    private static Delivery pennylane(int event) {
        Instant signedAt = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        String body = "{\"id\": \"pl-" + event + "\", \"event\": \"quote.updated\", \"created_at\": "
                + "\"2026-12-04T08:00:00Z\", \"data\": {\"id\": " + (9_000_000 + event) + ", \"status\": \"pending\", "
                + "\"quote_number\": \"D-2026-" + event + "\"}}";
        String t = String.valueOf(signedAt.getEpochSecond());
        String v1 = HexFormat.of().formatHex(SIGNER.get().doFinal((t + "." + body).getBytes(StandardCharsets.UTF_8)));
        return new Delivery("/api/v1/webhooks/pennylane", "X-Pennylane-Signature", "t=" + t + ",v1=" + v1, body, -1);
    }

    private static void check(String what, boolean holds, String detail) {
        System.out.printf("CHECK %s: %s (%s)%n", what, holds ? "OK" : "FAILED", detail);
    }

    private static double percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1_000_000.0;
    }

    private static String perSecond(long[] answered, double seconds) {
        StringBuilder out = new StringBuilder();
        for (int s = 0; s < Math.min(answered.length, (int) Math.ceil(seconds)); s++) {
            out.append(s == 0 ? "" : " ").append(answered[s]);
        }
        return out.toString();
    }
}

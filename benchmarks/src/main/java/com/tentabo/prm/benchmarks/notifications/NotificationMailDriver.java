package com.tentabo.prm.benchmarks.notifications;

import com.tentabo.prm.benchmarks.service.ServiceLauncher;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Delivers N notification mails (default 10,000) from the outbox to a local SMTP server and measures how long the
 * service takes and how its memory behaves.
 *
 * <pre>
 * ./mvnw -B package -DskipTests
 * java -cp benchmarks/target/benchmarks.jar com.tentabo.prm.benchmarks.notifications.NotificationMailDriver [mails] [users] [timeout seconds]
 * </pre>
 * It starts an embedded PostgreSQL 13.22, an SMTP sink on the loopback interface ({@link SmtpSink}: accepts and counts
 * every mail, keeps none) and the packaged service pointed at both, with its outbox worker running every second. Then,
 * in one transaction, it writes what the service's notifier writes for {@code mails} order events: one notification
 * row (e-mail queued) and one {@code notification.email} outbox row each, spread over {@code users} partner users,
 * half of them reading French. From that commit it samples, every second, the mails the sink received, the rows the
 * service marked sent, and the service's resident memory (VmRSS) and the machine's load average, until every mail
 * is sent or the timeout passes. Every loop is bounded in time and the driver stops everything it started.
 */
public final class NotificationMailDriver {

    private static final int PORT = 18081;

    private NotificationMailDriver() {}

    public static void main(String[] args) throws Exception {
        int mails = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int users = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        int timeout = args.length > 2 ? Integer.parseInt(args[2]) : 300;
        ServiceLauncher.requirePackaged();
        Path work = Files.createTempDirectory("prm-mail-bench");
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder()
                        .setDataDirectory(work.resolve("pg").toFile())
                        .setCleanDataDirectory(true)
                        .start();
                SmtpSink sink = new SmtpSink()) {
            String url = pg.getJdbcUrl("postgres", "postgres");
            try (ServiceLauncher.Running app = startService(url, sink.port(), work)) {
                System.out.printf(
                        "service ready (pid %d), SMTP sink on 127.0.0.1:%d, load average %s%n",
                        app.pid(), sink.port(), loadAverage());
                Instant committed = writeNotifications(url, mails, users);
                System.out.printf("%d notifications and outbox rows committed; delivering%n", mails);
                List<long[]> samples = new ArrayList<>();
                long sent = 0;
                Instant deadline = committed.plusSeconds(timeout);
                while (sent < mails && Instant.now().isBefore(deadline)) {
                    Thread.sleep(1000);
                    sent = count(url, "SELECT count(*) FROM notifications WHERE email_status = 'sent'");
                    long rss = app.residentKib();
                    long elapsed = Duration.between(committed, Instant.now()).toMillis();
                    samples.add(new long[] {elapsed, sink.messages(), sent, rss});
                    System.out.printf(
                            "%6.1f s  sink %6d  sent %6d  service RSS %7.1f MiB  load %s%n",
                            elapsed / 1000.0, sink.messages(), sent, rss / 1024.0, loadAverage());
                }
                report(samples, mails, sent, sink, committed);
            }
        }
    }

    private static void report(List<long[]> samples, int mails, long sent, SmtpSink sink, Instant committed) {
        double seconds = Duration.between(committed, Instant.now()).toMillis() / 1000.0;
        long minRss = samples.stream().mapToLong(s -> s[3]).min().orElse(0);
        long maxRss = samples.stream().mapToLong(s -> s[3]).max().orElse(0);
        int half = samples.size() / 2;
        long firstHalfMax = samples.subList(0, Math.max(half, 1)).stream()
                .mapToLong(s -> s[3])
                .max()
                .orElse(0);
        long secondHalfMax = samples.subList(half, samples.size()).stream()
                .mapToLong(s -> s[3])
                .max()
                .orElse(0);
        System.out.printf(
                "%nRESULT: %d of %d mails sent in %.1f s (%.0f mails/s); the sink received %d (%.1f MiB)%n",
                sent, mails, seconds, sent / seconds, sink.messages(), sink.bytes() / 1048576.0);
        System.out.printf(
                "service RSS: min %.1f MiB, max %.1f MiB; highest in the first half %.1f MiB, in the second "
                        + "half %.1f MiB; load average at the end %s%n",
                minRss / 1024.0, maxRss / 1024.0, firstHalfMax / 1024.0, secondHalfMax / 1024.0, loadAverage());
    }

    /** Users, a partner, and per mail one notification (queued) and its outbox row, as the notifier writes them. */
    private static Instant writeNotifications(String url, int mails, int users) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres")) {
            c.setAutoCommit(false);
            UUID partner = UUID.randomUUID();
            try (PreparedStatement ps =
                    c.prepareStatement("INSERT INTO partners (id, name, is_active) VALUES (?, ?, true)")) {
                ps.setObject(1, partner);
                ps.setString(2, "Benchmark partner");
                ps.executeUpdate();
            }
            List<UUID> userIds = new ArrayList<>();
            try (PreparedStatement user = c.prepareStatement(
                            "INSERT INTO users (id, provider, provider_id, email, username, "
                                    + "role, is_enabled, enabled_at, partner_id) VALUES (?, 'bench', ?, ?, ?, 'PARTNER', true, now(), ?)");
                    PreparedStatement prefs =
                            c.prepareStatement("INSERT INTO notification_preferences (recipient_kind, "
                                    + "recipient_id, locale) VALUES ('user', ?, 'fr')")) {
                for (int i = 0; i < users; i++) {
                    UUID id = UUID.randomUUID();
                    userIds.add(id);
                    user.setObject(1, id);
                    user.setString(2, id.toString());
                    user.setString(3, "user" + i + "@bench.example");
                    user.setString(4, "bench-user-" + i);
                    user.setObject(5, partner);
                    user.addBatch();
                    if (i % 2 == 1) {
                        prefs.setObject(1, id);
                        prefs.addBatch();
                    }
                }
                user.executeBatch();
                prefs.executeBatch();
            }
            try (PreparedStatement notification = c.prepareStatement("INSERT INTO notifications (id, recipient_kind, "
                            + "recipient_id, event_type, dedup_key, subject_type, subject_id, params, link, email_status, created_at) "
                            + "VALUES (?, 'user', ?, 'order.fulfilled', ?, 'order', ?, ?::jsonb, ?, 'queued', now())");
                    PreparedStatement outbox =
                            c.prepareStatement("INSERT INTO outbox_events (id, topic, aggregate_type, "
                                    + "aggregate_id, payload, status, attempts, next_attempt_at, created_at) VALUES (?, "
                                    + "'notification.email', 'notification', ?, '{\"event_type\": \"order.fulfilled\"}'::jsonb, "
                                    + "'PENDING', 0, now(), now())")) {
                for (int i = 0; i < mails; i++) {
                    UUID id = UUID.randomUUID();
                    UUID order = UUID.randomUUID();
                    String number = String.format(java.util.Locale.ROOT, "ORD-2026-%06d", i);
                    notification.setObject(1, id);
                    notification.setObject(2, userIds.get(i % users));
                    notification.setString(3, "order.fulfilled:" + order);
                    notification.setObject(4, order);
                    notification.setString(
                            5,
                            "{\"order_id\": \"" + order + "\", \"order_number\": \"" + number
                                    + "\", \"total\": \"9720.00\", \"currency\": \"EUR\"}");
                    notification.setString(6, "/ui/orders/" + order);
                    notification.addBatch();
                    outbox.setObject(1, UUID.randomUUID());
                    outbox.setObject(2, id);
                    outbox.addBatch();
                    if (i % 1000 == 999) {
                        notification.executeBatch();
                        outbox.executeBatch();
                    }
                }
                notification.executeBatch();
                outbox.executeBatch();
            }
            c.commit();
            return Instant.now();
        }
    }

    private static long count(String url, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres");
                PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String loadAverage() {
        return ServiceLauncher.loadAverage();
    }

    private static ServiceLauncher.Running startService(String url, int smtpPort, Path work)
            throws IOException, InterruptedException {
        return ServiceLauncher.service(url, PORT)
                .heap("-Xmx512m")
                .jvm(
                        "-Dquarkus.mailer.start-tls=DISABLED",
                        "-Dprm.outbox.batch-size=" + System.getProperty("prm.bench.batch-size", "100"))
                .files(work.resolve("data"), work.resolve("service.log"))
                .env("PRM_SMTP_HOST", "127.0.0.1")
                .env("PRM_SMTP_PORT", String.valueOf(smtpPort))
                .env("PRM_OUTBOX_INTERVAL", "1s")
                .env("PRM_WEBHOOKS_INTERVAL", "off")
                .env("PRM_PROVIDER_SYNC_CRON", "off")
                .env("PRM_REMINDER_CRON", "off")
                .start();
    }
}

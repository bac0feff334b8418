package com.tentabo.prm.application.notification.service;

import com.tentabo.prm.application.notification.NotificationSettings;
import com.tentabo.prm.application.notification.WebhookDeliveryRecord;
import com.tentabo.prm.application.notification.port.out.MailGateway;
import com.tentabo.prm.application.notification.port.out.WebhookDeliveryGateway;
import com.tentabo.prm.application.outbox.OutboxMessage;
import com.tentabo.prm.application.outbox.OutboxPayload;
import com.tentabo.prm.application.outbox.OutboxSettings;
import com.tentabo.prm.application.shared.port.out.Transactions;
import com.tentabo.prm.domain.access.PrincipalKind;
import com.tentabo.prm.domain.id.NotificationId;
import com.tentabo.prm.domain.id.WebhookDeliveryId;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Sends what the {@link Notifier} queued, for the outbox worker: mails ({@code notification.email}, one per
 * notification; {@code notification.digest}, one per person and day) and webhook deliveries ({@code webhook.delivery}).
 * Nothing here holds a transaction while the mail server or a webhook target is called.
 *
 * <p>A mail that fails is retried by the outbox's rule (capped doubling, then FAILED); a webhook delivery that fails is
 * retried with the same doubling for {@link NotificationSettings#webhookRetryWindow()} after the event, then given up,
 * and its subscription disabled.
 */
@ApplicationScoped
public class NotificationDelivery {

    private static final System.Logger LOG = System.getLogger(NotificationDelivery.class.getName());

    /** How the outbox should count a delivery. */
    public enum Result {
        DELIVERED,
        RETRIED,
        FAILED,
        SKIPPED
    }

    private final Transactions tx;
    private final NotificationDeliveryRecords records;
    private final MailGateway mail;
    private final WebhookDeliveryGateway webhooks;
    private final OutboxSettings outboxSettings;
    private final NotificationSettings settings;
    private final Clock clock;
    /** The delivery threads, started at the first parallel delivery. */
    private final AtomicReference<ExecutorService> pool = new AtomicReference<>();

    public NotificationDelivery(
            Transactions tx,
            NotificationDeliveryRecords records,
            MailGateway mail,
            WebhookDeliveryGateway webhooks,
            OutboxSettings outboxSettings,
            NotificationSettings settings,
            Clock clock) {
        this.tx = tx;
        this.records = records;
        this.mail = mail;
        this.webhooks = webhooks;
        this.outboxSettings = outboxSettings;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Applies {@code work} to every item on {@link NotificationSettings#deliveryThreads()} threads at once (in this
     * thread when one is configured or there is one item); the results in the items' order. {@code work} must not
     * throw (the outbox's delivery catches everything).
     */
    public <T, R> List<R> inParallel(List<T> items, Function<T, R> work) {
        if (items.size() <= 1 || settings.deliveryThreads() <= 1) {
            return items.stream().map(work).toList();
        }
        List<Future<R>> futures = items.stream()
                .map(item -> pool().submit(() -> work.apply(item)))
                .toList();
        List<R> results = new ArrayList<>();
        for (Future<R> future : futures) {
            try {
                results.add(future.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while delivering notifications", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("a notification delivery failed unexpectedly", e.getCause());
            }
        }
        return results;
    }

    private synchronized ExecutorService pool() {
        if (pool.get() == null) {
            AtomicInteger n = new AtomicInteger();
            pool.set(Executors.newFixedThreadPool(settings.deliveryThreads(), runnable -> {
                Thread thread = new Thread(runnable, "notification-delivery-" + n.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            }));
        }
        return pool.get();
    }

    public static boolean handles(String topic) {
        return Notifier.EMAIL_TOPIC.equals(topic)
                || Notifier.DIGEST_TOPIC.equals(topic)
                || Notifier.WEBHOOK_TOPIC.equals(topic)
                || Notifier.LINK_TOPIC.equals(topic);
    }

    /**
     * The outbox gave an event up (in the caller's transaction, the one that marks the event FAILED): a notification's
     * mail is marked failed; any other event is reported to the admins.
     */
    public void outboxGaveUp(OutboxMessage message, String error) {
        records.outboxGaveUp(message, error);
    }

    /** The mails of a claimed batch, read ahead in one transaction (see {@link #prepare}). */
    public record Prepared(Map<NotificationId, NotificationDeliveryRecords.EmailJob> emails) {
        public static final Prepared NONE = new Prepared(Map.of());
    }

    /**
     * Reads what the {@code notification.email} events of a claimed batch send, in one transaction of three
     * statements instead of one transaction per mail; if that fails, each mail is read on its own as before.
     */
    public Prepared prepare(List<OutboxMessage> messages) {
        List<NotificationId> ids = messages.stream()
                .filter(m -> Notifier.EMAIL_TOPIC.equals(m.topic()))
                .map(m -> new NotificationId(m.aggregateId()))
                .toList();
        if (ids.size() <= 1) {
            return Prepared.NONE;
        }
        try {
            return new Prepared(tx.requiringNew(() -> records.emailJobs(ids)));
        } catch (RuntimeException e) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "Reading a batch of " + ids.size() + " mails failed; reading them " + "one by one",
                    e);
            return Prepared.NONE;
        }
    }

    /**
     * Delivers one claimed event of a topic this class {@link #handles}. A mail server's failure is thrown as a
     * {@code ProviderFailure}, for the outbox's retry rule; a webhook's failure is settled here.
     *
     * @param prepared what {@link #prepare} read ahead for the batch of this event ({@link Prepared#NONE}: nothing)
     * @return the outcome, or empty with a reason to skip the event (the outbox worker records it)
     */
    public Outcome deliver(OutboxMessage message, int attempt, Prepared prepared) {
        return switch (message.topic()) {
            case Notifier.EMAIL_TOPIC ->
                email(message, prepared.emails().get(new NotificationId(message.aggregateId())));
            case Notifier.DIGEST_TOPIC -> digest(message);
            case Notifier.LINK_TOPIC -> link(message);
            default -> webhook(message);
        };
    }

    /** What became of an event; {@code skipReason} set for SKIPPED (the caller records it). */
    public record Outcome(Result result, String skipReason) {
        static Outcome of(Result result) {
            return new Outcome(result, null);
        }

        static Outcome skipped(String reason) {
            return new Outcome(Result.SKIPPED, reason);
        }
    }

    private Outcome email(OutboxMessage message, NotificationDeliveryRecords.EmailJob prepared) {
        NotificationId notificationId = new NotificationId(message.aggregateId());
        NotificationDeliveryRecords.EmailJob job =
                prepared != null ? prepared : tx.requiringNew(() -> records.emailJob(notificationId));
        if (job.request() == null) {
            return Outcome.skipped(job.skipReason());
        }
        mail.send(job.request());
        tx.requiringNew(() -> records.emailed(message.id(), notificationId, clock.instant()));
        return Outcome.of(Result.DELIVERED);
    }

    /** An invitation or password-reset mail; settling its outbox row removes the sealed token from it. */
    private Outcome link(OutboxMessage message) {
        NotificationDeliveryRecords.EmailJob job = tx.requiringNew(() -> records.linkJob(message));
        if (job.request() == null) {
            return Outcome.skipped(job.skipReason());
        }
        mail.send(job.request());
        tx.requiringNew(() -> records.linkSent(message.id(), clock.instant()));
        return Outcome.of(Result.DELIVERED);
    }

    private Outcome digest(OutboxMessage message) {
        if (!(message.payload() instanceof OutboxPayload.NotificationDigest digest)) {
            return Outcome.skipped("the event does not hold the reminders of a digest");
        }
        PrincipalKind kind = digest.recipientKind();
        List<NotificationId> ids = digest.notificationIds();
        NotificationDeliveryRecords.EmailJob job =
                tx.requiringNew(() -> records.digestJob(kind, message.aggregateId(), ids, clock.instant()));
        if (job.request() == null) {
            return Outcome.skipped(job.skipReason());
        }
        mail.send(job.request());
        tx.requiringNew(() -> records.digestSent(message.id(), job.request().items(), clock.instant()));
        return Outcome.of(Result.DELIVERED);
    }

    private Outcome webhook(OutboxMessage message) {
        NotificationDeliveryRecords.WebhookJob job =
                tx.requiringNew(() -> records.webhookJob(new WebhookDeliveryId(message.aggregateId())));
        if (job.skipReason() != null) {
            return Outcome.skipped(job.skipReason());
        }
        Instant started = clock.instant();
        Optional<String> refused = webhooks.refusal(job.url());
        if (refused.isPresent()) {
            WebhookDeliveryRecord.Attempt attempt = new WebhookDeliveryRecord.Attempt(
                    job.attempt(), started, null, "target refused: " + refused.get(), 0);
            Instant now = clock.instant();
            tx.requiringNew(() -> records.webhookGaveUp(
                    message.id(),
                    job.deliveryId(),
                    attempt,
                    job.subscription().id(),
                    "the target is refused: " + refused.get(),
                    now));
            return Outcome.of(Result.FAILED);
        }
        WebhookDeliveryGateway.Outcome outcome =
                webhooks.deliver(job.url(), job.secret(), job.eventId(), job.eventType(), job.body());
        WebhookDeliveryRecord.Attempt attempt = new WebhookDeliveryRecord.Attempt(
                job.attempt(),
                started,
                outcome.statusCode(),
                outcome.delivered() ? null : OutboxSettings.errorText(outcome.error()),
                (int) Math.min(Integer.MAX_VALUE, outcome.took().toMillis()));
        Instant now = clock.instant();
        if (outcome.delivered()) {
            tx.requiringNew(() -> records.webhookDelivered(message.id(), job.deliveryId(), attempt, now));
            return Outcome.of(Result.DELIVERED);
        }
        Instant next = now.plus(outboxSettings.retryDelay(job.attempt(), message.id()));
        if (outcome.retryAfter().isPresent()
                && now.plus(outcome.retryAfter().get()).isAfter(next)) {
            next = now.plus(outcome.retryAfter().get());
        }
        Instant deadline = job.createdAt().plus(settings.webhookRetryWindow());
        if (next.isAfter(deadline)) {
            String reason = "gave up after " + job.attempt() + " attempts over "
                    + settings.webhookRetryWindow().toHours() + " h: " + attempt.error();
            tx.requiringNew(() -> records.webhookGaveUp(
                    message.id(), job.deliveryId(), attempt, job.subscription().id(), reason, now));
            return Outcome.of(Result.FAILED);
        }
        Instant due = next;
        tx.requiringNew(() -> records.webhookRetry(message.id(), job.deliveryId(), attempt, due));
        return Outcome.of(Result.RETRIED);
    }
}

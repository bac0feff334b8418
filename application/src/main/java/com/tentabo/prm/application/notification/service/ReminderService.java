package com.tentabo.prm.application.notification.service;

import com.tentabo.prm.application.contract.port.out.ContractRepository;
import com.tentabo.prm.application.notification.EmailStatus;
import com.tentabo.prm.application.notification.NotificationEvents;
import com.tentabo.prm.application.notification.NotificationRecord;
import com.tentabo.prm.application.notification.port.in.SendRemindersUseCase;
import com.tentabo.prm.application.notification.port.out.NotificationRepository;
import com.tentabo.prm.application.outbox.OutboxMessage;
import com.tentabo.prm.application.outbox.OutboxPayload;
import com.tentabo.prm.application.outbox.port.out.OutboxPublisher;
import com.tentabo.prm.application.registration.port.out.RegistrationRepository;
import com.tentabo.prm.application.shared.IdGenerator;
import com.tentabo.prm.application.shared.Page;
import com.tentabo.prm.domain.access.TenantScope;
import com.tentabo.prm.domain.contract.Contract;
import com.tentabo.prm.domain.contract.ContractStatus;
import com.tentabo.prm.domain.id.ContractId;
import com.tentabo.prm.domain.id.OutboxEventId;
import com.tentabo.prm.domain.registration.Registration;
import com.tentabo.prm.domain.registration.RegistrationStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

/**
 * Reminders, in one daily run. Contract renewal reminders: an ACTIVE contract with no successor, {@code d} days (UTC dates) before its expiration,
 * gets the reminder of the smallest of 30, 60 and 90 that is at least {@code d} — so a contract first seen 20 days
 * before its end gets the 30-day reminder only, and a missed day is caught up the next. Each reminder's key names the
 * contract, the threshold and the expiration date: a second run finds the notifications written and tells nobody again;
 * a contract whose end moves gets its reminders again.
 *
 * <p>Registration reminders, by the same rule: an APPROVED registration {@code d} days (UTC dates) before its
 * protection ends gets the reminder of the smallest of 3 and 14 that is at least {@code d}; one whose protection is
 * extended gets them again for its new end.
 *
 * <p>Then the digests: every person with reminders waiting for a digest gets one mail queued with them.
 */
@ApplicationScoped
@Transactional
public class ReminderService implements SendRemindersUseCase {

    static final List<Integer> DAYS_BEFORE_END = List.of(30, 60, 90);
    static final List<Integer> DAYS_BEFORE_PROTECTION_ENDS = List.of(3, 14);
    private static final int PAGE = 200;
    private static final int REGISTRATION_PAGE = 100;

    private final ContractRepository contracts;
    private final RegistrationRepository registrations;
    private final NotificationRepository notifications;
    private final Notifier notifier;
    private final OutboxPublisher outbox;
    private final IdGenerator ids;
    private final Clock clock;

    public ReminderService(
            ContractRepository contracts,
            RegistrationRepository registrations,
            NotificationRepository notifications,
            Notifier notifier,
            OutboxPublisher outbox,
            IdGenerator ids,
            Clock clock) {
        this.contracts = contracts;
        this.registrations = registrations;
        this.notifications = notifications;
        this.notifier = notifier;
        this.outbox = outbox;
        this.ids = ids;
        this.clock = clock;
    }

    @Override
    public Run sendDue() {
        Instant now = clock.instant();
        LocalDate today = now.atOffset(ZoneOffset.UTC).toLocalDate();
        Instant horizon = today.plusDays(DAYS_BEFORE_END.get(DAYS_BEFORE_END.size() - 1) + 1L)
                .atStartOfDay(ZoneOffset.UTC)
                .toInstant();
        int seen = 0;
        int notified = 0;
        Instant cursorAt = null;
        ContractId cursorId = null;
        List<Contract> page;
        do {
            page = contracts.list(
                    new ContractRepository.ContractQuery(
                            Set.of(ContractStatus.ACTIVE),
                            null,
                            null,
                            horizon.minus(Duration.ofNanos(1000)),
                            cursorAt,
                            cursorId,
                            PAGE),
                    new TenantScope.Everything());
            for (Contract contract : page) {
                if (contract.expirationDate() == null
                        || !contract.expirationDate().isAfter(now)) {
                    continue;
                }
                long daysLeft = ChronoUnit.DAYS.between(
                        today,
                        contract.expirationDate().atOffset(ZoneOffset.UTC).toLocalDate());
                Integer threshold = DAYS_BEFORE_END.stream()
                        .filter(d -> daysLeft <= d)
                        .findFirst()
                        .orElse(null);
                if (threshold != null) {
                    seen++;
                    notified += notifier.notify(NotificationEvents.contractExpiring(contract, threshold, daysLeft))
                            .notified();
                }
            }
            if (!page.isEmpty()) {
                cursorAt = page.get(page.size() - 1).createdAt();
                cursorId = page.get(page.size() - 1).id();
            }
        } while (page.size() == PAGE);
        int[] registrationsTold = registrationReminders(now, today);
        return new Run(seen + registrationsTold[0], notified + registrationsTold[1], queueDigests());
    }

    /** The reminders of APPROVED registrations whose protection ends within 14 days: {seen, notified}. */
    private int[] registrationReminders(Instant now, LocalDate today) {
        int seen = 0;
        int notified = 0;
        String cursor = null;
        do {
            Page<Registration> page = registrations.list(
                    new RegistrationRepository.Filter(
                            Set.of(RegistrationStatus.APPROVED), null, null, null, REGISTRATION_PAGE, cursor),
                    new TenantScope.Everything());
            for (Registration registration : page.items()) {
                if (registration.protectionEndsAt() == null
                        || !registration.protectionEndsAt().isAfter(now)) {
                    continue;
                }
                long daysLeft = ChronoUnit.DAYS.between(
                        today,
                        registration.protectionEndsAt().atOffset(ZoneOffset.UTC).toLocalDate());
                Integer threshold = DAYS_BEFORE_PROTECTION_ENDS.stream()
                        .filter(d -> daysLeft <= d)
                        .findFirst()
                        .orElse(null);
                if (threshold != null) {
                    seen++;
                    notified += notifier.notify(
                                    NotificationEvents.registrationExpiring(registration, threshold, daysLeft))
                            .notified();
                }
            }
            cursor = page.nextCursor();
        } while (cursor != null);
        return new int[] {seen, notified};
    }

    /** One digest mail per person with reminders waiting, holding exactly those reminders (now QUEUED). */
    private int queueDigests() {
        int queued = 0;
        for (NotificationRepository.Recipients person : notifications.digestRecipients(10_000)) {
            List<NotificationRecord> rows = notifications.digestRows(person.kind(), person.id());
            if (rows.isEmpty()) {
                continue;
            }
            rows.forEach(row -> notifications.setEmailStatus(row.id(), EmailStatus.QUEUED, null, null));
            outbox.publish(new OutboxMessage(
                    new OutboxEventId(ids.newId()),
                    Notifier.DIGEST_TOPIC,
                    "notification",
                    person.id(),
                    new OutboxPayload.NotificationDigest(
                            person.kind(),
                            rows.stream().map(NotificationRecord::id).toList())));
            queued++;
        }
        return queued;
    }
}

package com.tentabo.prm.application.order.service;

import com.tentabo.prm.application.audit.AuditChange;
import com.tentabo.prm.application.audit.service.AuditRecorder;
import com.tentabo.prm.application.identity.service.AuthorLinks;
import com.tentabo.prm.application.note.port.out.NoteRepository;
import com.tentabo.prm.application.notification.NotificationEvents;
import com.tentabo.prm.application.notification.service.Notifier;
import com.tentabo.prm.application.order.port.in.TransitionOrderUseCase;
import com.tentabo.prm.application.order.port.out.OrderRepository;
import com.tentabo.prm.application.outbox.OutboxMessage;
import com.tentabo.prm.application.outbox.OutboxPayload;
import com.tentabo.prm.application.outbox.port.out.OutboxPublisher;
import com.tentabo.prm.application.shared.IdGenerator;
import com.tentabo.prm.domain.id.NoteId;
import com.tentabo.prm.domain.id.OutboxEventId;
import com.tentabo.prm.domain.note.Note;
import com.tentabo.prm.domain.order.Order;
import com.tentabo.prm.domain.order.OrderAccess;
import com.tentabo.prm.domain.order.OrderStatus;
import com.tentabo.prm.domain.shared.DomainException;
import com.tentabo.prm.domain.shared.ErrorCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Moves an order. Sending it writes the billing quote and CRM deal requests to the outbox in the same
 * transaction; they are delivered after commit, so a provider failure never loses or blocks the order.
 */
@ApplicationScoped
@Transactional
public class OrderTransitionService implements TransitionOrderUseCase {

    private final OrderRepository orders;
    private final NoteRepository notes;
    private final OutboxPublisher outbox;
    private final AuditRecorder audit;
    private final AuthorLinks authors;
    private final IdGenerator ids;
    private final Clock clock;
    private final Notifier notifier;

    public OrderTransitionService(
            OrderRepository orders,
            NoteRepository notes,
            OutboxPublisher outbox,
            AuditRecorder audit,
            AuthorLinks authors,
            IdGenerator ids,
            Clock clock,
            Notifier notifier) {
        this.notifier = notifier;
        this.orders = orders;
        this.notes = notes;
        this.outbox = outbox;
        this.audit = audit;
        this.authors = authors;
        this.ids = ids;
        this.clock = clock;
    }

    @Override
    public Order transition(TransitionOrderCommand command) {
        Order order = orders.findById(command.orderId())
                .orElseThrow(() -> DomainException.notFound(ErrorCode.ORDER_NOT_FOUND, "Order", command.orderId()));
        OrderAccess.requireVisible(command.caller(), order);
        OrderAccess.requireMayMove(command.caller(), order, command.to());
        if (!command.expectedVersion().matches(order.version())) {
            throw new DomainException(
                    ErrorCode.PRECONDITION_FAILED,
                    "The order changed since you read it (version " + order.version() + ", If-Match "
                            + command.expectedVersion() + ")");
        }
        Instant now = clock.instant();
        Order moved = order.transitionTo(command.to(), now);
        orders.update(moved);
        if (command.reason() != null && !command.reason().isBlank()) {
            notes.insert(new Note(
                    new NoteId(ids.newId()),
                    order.id(),
                    null,
                    order.status() + " → " + command.to() + ": "
                            + command.reason().strip(),
                    false,
                    false,
                    authors.authorOf(command.caller()).value(),
                    now,
                    now));
        }
        if (command.to() == OrderStatus.SENT) {
            outbox.publish(new OutboxMessage(
                    new OutboxEventId(ids.newId()),
                    OutboxMessage.BILLING_QUOTE_REQUESTED,
                    "order",
                    order.id().value(),
                    OutboxPayload.BillingQuoteRequested.of(moved)));
            outbox.publish(new OutboxMessage(
                    new OutboxEventId(ids.newId()),
                    OutboxMessage.CRM_DEAL_REQUESTED,
                    "order",
                    order.id().value(),
                    OutboxPayload.CrmDealRequested.of(moved)));
        }
        if ((command.to() == OrderStatus.CANCELLED || command.to() == OrderStatus.FULFILLED)
                && order.status() != OrderStatus.CREATED) {
            // a sent order has (or will have) a CRM deal: it is lost or won with the order
            String reason = command.reason() != null && !command.reason().isBlank()
                    ? command.reason().strip()
                    : null;
            outbox.publish(new OutboxMessage(
                    new OutboxEventId(ids.newId()),
                    OutboxMessage.CRM_DEAL_STATUS,
                    "order",
                    order.id().value(),
                    new OutboxPayload.CrmDealStatus(command.to(), reason)));
        }
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("status", order.status().name());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("status", moved.status().name());
        if (command.reason() != null) {
            after.put("reason", command.reason());
        }
        audit.record(
                command.caller(),
                AuditChange.changed("transition", "order", order.id().value(), before, after),
                now);
        NotificationEvents.orderMoved(moved).ifPresent(notifier::notify);
        return orders.findById(order.id()).orElseThrow();
    }
}

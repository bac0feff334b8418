package com.tentabo.prm.adapters.rest.notification;

import com.tentabo.prm.adapters.rest.notification.NotificationResource.NotificationResponse;
import com.tentabo.prm.adapters.rest.notification.WebhookSubscriptionResource.AttemptResponse;
import com.tentabo.prm.adapters.rest.notification.WebhookSubscriptionResource.DeliveryResponse;
import com.tentabo.prm.adapters.rest.notification.WebhookSubscriptionResource.SubscriptionResponse;
import com.tentabo.prm.adapters.rest.shared.JsonColumns;
import com.tentabo.prm.adapters.rest.shared.ResponseMapping;
import com.tentabo.prm.application.audit.AuditEntry;
import com.tentabo.prm.application.notification.NotificationRecord;
import com.tentabo.prm.application.notification.WebhookDeliveryRecord;
import com.tentabo.prm.application.notification.WebhookSubscription;
import com.tentabo.prm.domain.id.EntityId;
import com.tentabo.prm.domain.notification.NotificationType;
import java.util.Locale;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.factory.Mappers;

/**
 * Notifications, webhook subscriptions and their deliveries to their responses: records mapped by name; event types
 * by their wire names (sorted), the owner kind in lower case, a delivery's payload with secret-named fields hidden.
 */
@Mapper(
        config = ResponseMapping.class,
        imports = {JsonColumns.class, AuditEntry.class, NotificationType.class, Locale.class, EntityId.class})
interface NotificationResponseMapper {

    NotificationResponseMapper INSTANCE = Mappers.getMapper(NotificationResponseMapper.class);

    @Mapping(target = "id", expression = "java(r.id().value())")
    @Mapping(target = "type", source = "eventType")
    @Mapping(target = "read", expression = "java(r.readAt() != null)")
    @Mapping(target = "emailStatus", expression = "java(r.emailStatus().wire())")
    NotificationResponse notification(NotificationRecord r);

    @Mapping(
            target = "events",
            expression = "java(s.events().stream().map(NotificationType::wireName).sorted()" + ".toList())")
    @Mapping(target = "ownerKind", expression = "java(s.ownerKind().name().toLowerCase(Locale.ROOT))")
    @Mapping(target = "id", expression = "java(s.id().value())")
    @Mapping(target = "partnerId", expression = "java(EntityId.uuid(s.partnerId()))")
    @Mapping(target = "distributorId", expression = "java(EntityId.uuid(s.distributorId()))")
    @Mapping(target = "secret", source = "secret")
    SubscriptionResponse subscription(WebhookSubscription s, String secret);

    @Mapping(target = "id", expression = "java(d.id().value())")
    @Mapping(target = "payload", expression = "java(JsonColumns.shown(d.payloadJson(), AuditEntry::isSecretField))")
    DeliveryResponse delivery(WebhookDeliveryRecord d);

    AttemptResponse attempt(WebhookDeliveryRecord.Attempt a);
}

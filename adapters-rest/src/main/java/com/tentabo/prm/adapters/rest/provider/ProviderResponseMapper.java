package com.tentabo.prm.adapters.rest.provider;

import com.tentabo.prm.adapters.rest.provider.ProviderConfigResource.ProviderResponse;
import com.tentabo.prm.adapters.rest.provider.SyncLogResource.SyncLogResponse;
import com.tentabo.prm.adapters.rest.provider.WebhookEventResource.WebhookEventResponse;
import com.tentabo.prm.adapters.rest.shared.JsonColumns;
import com.tentabo.prm.adapters.rest.shared.ResponseMapping;
import com.tentabo.prm.application.audit.AuditEntry;
import com.tentabo.prm.application.provider.SyncLogRecord;
import com.tentabo.prm.application.provider.WebhookEventRecord;
import com.tentabo.prm.domain.id.EntityId;
import com.tentabo.prm.domain.provider.ProviderConfig;
import java.util.Locale;
import java.util.UUID;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.factory.Mappers;

/**
 * A provider, a sync run and a received webhook event to their responses: records mapped by name; stored JSON shown
 * with secret-named fields (and a webhook's credential and signature headers) hidden, provider types in lower case.
 * A provider's credential values are never read here: only their names ({@code credentials_set}).
 */
@Mapper(
        config = ResponseMapping.class,
        imports = {JsonColumns.class, AuditEntry.class, WebhookEventRecord.class, Locale.class})
interface ProviderResponseMapper {

    ProviderResponseMapper INSTANCE = Mappers.getMapper(ProviderResponseMapper.class);

    @Mapping(target = "providerType", expression = "java(p.type().name().toLowerCase(Locale.ROOT))")
    @Mapping(target = "providerName", source = "name")
    @Mapping(target = "isActive", source = "active")
    @Mapping(
            target = "configuration",
            expression = "java(ProviderConfigResource.shownConfiguration(" + "p.configuration()))")
    @Mapping(target = "credentialsSet", source = "credentialNames")
    ProviderResponse provider(ProviderConfig p);

    @Mapping(
            target = "errorDetails",
            expression = "java(JsonColumns.shown(r.errorDetailsJson(), " + "AuditEntry::isSecretField))")
    SyncLogResponse syncLog(SyncLogRecord r);

    @Mapping(
            target = "providerType",
            expression = "java(r.providerType() == null ? null " + ": r.providerType().toLowerCase(Locale.ROOT))")
    @Mapping(target = "payload", expression = "java(JsonColumns.shown(r.payloadJson(), AuditEntry::isSecretField))")
    @Mapping(
            target = "headers",
            expression = "java(JsonColumns.shown(r.headersJson(), "
                    + "name -> WebhookEventRecord.isSecretHeader(name) || AuditEntry.isSecretField(name)))")
    WebhookEventResponse webhookEvent(WebhookEventRecord r);

    /** A typed id (a provider's, a sync run's, a webhook event's) as the response's UUID; null for null. */
    default UUID uuid(EntityId id) {
        return EntityId.uuid(id);
    }
}

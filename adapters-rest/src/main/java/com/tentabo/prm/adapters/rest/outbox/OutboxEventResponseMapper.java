package com.tentabo.prm.adapters.rest.outbox;

import com.tentabo.prm.adapters.rest.outbox.OutboxEventResource.OutboxEventResponse;
import com.tentabo.prm.adapters.rest.shared.JsonColumns;
import com.tentabo.prm.adapters.rest.shared.ResponseMapping;
import com.tentabo.prm.application.audit.AuditEntry;
import com.tentabo.prm.application.outbox.OutboxEventRecord;
import com.tentabo.prm.domain.id.EntityId;
import java.util.UUID;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.factory.Mappers;

/** An {@link OutboxEventRecord} to its response: by name; payload with secrets hidden, status by its wire name. */
@Mapper(
        config = ResponseMapping.class,
        imports = {JsonColumns.class, AuditEntry.class})
interface OutboxEventResponseMapper {

    OutboxEventResponseMapper INSTANCE = Mappers.getMapper(OutboxEventResponseMapper.class);

    @Mapping(target = "payload", expression = "java(JsonColumns.shown(r.payloadJson(), AuditEntry::isSecretField))")
    @Mapping(target = "status", expression = "java(r.status().wireName())")
    OutboxEventResponse toResponse(OutboxEventRecord r);

    /** The event's typed id as the response's UUID. */
    default UUID uuid(EntityId id) {
        return EntityId.uuid(id);
    }
}

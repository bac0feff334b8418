package com.tentabo.prm.adapters.rest.audit;

import com.tentabo.prm.adapters.rest.shared.JsonColumns;
import com.tentabo.prm.adapters.rest.shared.ResponseMapping;
import com.tentabo.prm.application.audit.AuditEntry;
import com.tentabo.prm.application.audit.AuditRecord;
import com.tentabo.prm.domain.id.EntityId;
import java.util.UUID;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.factory.Mappers;

/** An {@link AuditRecord} to its {@link AuditLogResponse}: by name; {@code changes} shown with secrets hidden. */
@Mapper(
        config = ResponseMapping.class,
        imports = {JsonColumns.class, AuditEntry.class})
interface AuditLogResponseMapper {

    AuditLogResponseMapper INSTANCE = Mappers.getMapper(AuditLogResponseMapper.class);

    @Mapping(target = "changes", expression = "java(JsonColumns.shown(r.changesJson(), AuditEntry::isSecretField))")
    AuditLogResponse toResponse(AuditRecord r);

    /** A typed id of the row (its own, its user's, its admin account's) as the response's UUID; null for null. */
    default UUID uuid(EntityId id) {
        return EntityId.uuid(id);
    }
}

package com.tentabo.prm.adapters.rest.lead;

import com.tentabo.prm.adapters.rest.lead.LeadDtos.ActivityResponse;
import com.tentabo.prm.adapters.rest.lead.LeadDtos.HistoryResponse;
import com.tentabo.prm.adapters.rest.lead.LeadDtos.LeadResponse;
import com.tentabo.prm.adapters.rest.lead.LeadDtos.NoteResponse;
import com.tentabo.prm.adapters.rest.shared.ResponseMapping;
import com.tentabo.prm.domain.id.EntityId;
import com.tentabo.prm.domain.lead.Lead;
import com.tentabo.prm.domain.lead.LeadActivity;
import java.util.List;
import java.util.UUID;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.factory.Mappers;

/**
 * A lead (with, on its detail view, its activities, notes and status history) and an activity to their responses.
 * {@code Lead} is a class with record-style accessors, which MapStruct does not read as properties: each component
 * names its source expression; an activity is a record mapped by name.
 */
@Mapper(config = ResponseMapping.class)
interface LeadResponseMapper {

    LeadResponseMapper INSTANCE = Mappers.getMapper(LeadResponseMapper.class);

    @Mapping(target = "id", expression = "java(l.id().value())")
    @Mapping(target = "title", expression = "java(l.details().title())")
    @Mapping(target = "organization", expression = "java(l.details().organization())")
    @Mapping(target = "contactName", expression = "java(l.details().contactName())")
    @Mapping(target = "contactEmail", expression = "java(l.details().contactEmail())")
    @Mapping(target = "contactPhone", expression = "java(l.details().contactPhone())")
    @Mapping(target = "value", expression = "java(l.details().value())")
    @Mapping(target = "currency", expression = "java(l.details().currency())")
    @Mapping(target = "status", expression = "java(l.status())")
    @Mapping(target = "probability", expression = "java(l.details().probability())")
    @Mapping(target = "expectedCloseDate", expression = "java(l.details().expectedCloseDate())")
    @Mapping(target = "ownerId", expression = "java(l.ownerId().value())")
    @Mapping(target = "partnerId", expression = "java(com.tentabo.prm.domain.id.EntityId.uuid(l.tenant().partnerId()))")
    @Mapping(
            target = "distributorId",
            expression = "java(com.tentabo.prm.domain.id.EntityId.uuid(l.tenant().distributorId()))")
    @Mapping(target = "providerName", expression = "java(l.providerName())")
    @Mapping(target = "createdAt", expression = "java(l.createdAt())")
    @Mapping(target = "updatedAt", expression = "java(l.updatedAt())")
    @Mapping(target = "activities", expression = "java(activities)")
    @Mapping(target = "notes", expression = "java(notes)")
    @Mapping(target = "statusHistory", expression = "java(statusHistory)")
    LeadResponse lead(
            Lead l, List<ActivityResponse> activities, List<NoteResponse> notes, List<HistoryResponse> statusHistory);

    @Mapping(target = "activityType", source = "type")
    ActivityResponse activity(LeadActivity a);

    /** A typed id of an activity (its own, its lead's, its user's) as the response's UUID; null for null. */
    default UUID uuid(EntityId id) {
        return EntityId.uuid(id);
    }
}

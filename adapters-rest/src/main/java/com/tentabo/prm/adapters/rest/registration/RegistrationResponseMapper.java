package com.tentabo.prm.adapters.rest.registration;

import com.tentabo.prm.adapters.rest.registration.RegistrationDtos.MatchResponse;
import com.tentabo.prm.adapters.rest.registration.RegistrationDtos.RegistrationResponse;
import com.tentabo.prm.adapters.rest.shared.ResponseMapping;
import com.tentabo.prm.application.registration.Match;
import com.tentabo.prm.application.registration.RegistrationView;
import com.tentabo.prm.domain.id.EntityId;
import com.tentabo.prm.domain.id.OrderId;
import java.util.List;
import java.util.UUID;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.factory.Mappers;

/**
 * A {@link RegistrationView} to its {@link RegistrationResponse}, and its matches: records mapped by name; the
 * review flag, the staff-only conflict and the lower-case match status are the rules written here.
 */
@Mapper(config = ResponseMapping.class)
interface RegistrationResponseMapper {

    RegistrationResponseMapper INSTANCE = Mappers.getMapper(RegistrationResponseMapper.class);

    @Mapping(target = "id", source = "registration.id")
    @Mapping(target = "leadId", expression = "java(v.registration().leadId().value())")
    @Mapping(target = "partnerId", source = "registration.tenant.partnerId")
    @Mapping(target = "distributorId", source = "registration.tenant.distributorId")
    @Mapping(target = "submittedByUserId", source = "registration.submittedBy")
    @Mapping(target = "status", source = "registration.status")
    @Mapping(
            target = "review",
            expression = "java(v.registration().status() == "
                    + "com.tentabo.prm.domain.registration.RegistrationStatus.SUBMITTED ? \"under_review\" : null)")
    @Mapping(target = "organization", source = "registration.customer.organization")
    @Mapping(target = "registrationNumber", source = "registration.customer.registrationNumber")
    @Mapping(target = "domain", source = "registration.customer.domain")
    @Mapping(target = "expectedProducts", source = "registration.expectedProducts")
    @Mapping(target = "expectedValue", source = "registration.expectedValue")
    @Mapping(target = "currency", source = "registration.currency")
    @Mapping(target = "protectionEndsAt", source = "registration.protectionEndsAt")
    @Mapping(target = "extensionRequestedUntil", source = "registration.extensionRequestedUntil")
    @Mapping(target = "extended", source = "registration.extended")
    @Mapping(target = "decisionReason", source = "registration.decisionReason")
    @Mapping(target = "decidedAt", source = "registration.decidedAt")
    @Mapping(target = "submittedAt", source = "registration.submittedAt")
    @Mapping(target = "createdAt", source = "registration.createdAt")
    @Mapping(target = "updatedAt", source = "registration.updatedAt")
    @Mapping(target = "orderIds", source = "orderIds")
    @Mapping(target = "conflict", expression = "java(v.staffView() ? v.registration().conflict() : null)")
    @Mapping(target = "matches", source = "matches")
    @Mapping(target = "flaggedOrderIds", source = "flaggedOrderIds")
    RegistrationResponse toResponse(RegistrationView v);

    @Mapping(
            target = "status",
            expression = "java(m.status() == null ? null " + ": m.status().toLowerCase(java.util.Locale.ROOT))")
    MatchResponse match(Match m);

    /** A typed id (the registration's, its user's, a match's partner or distributor) as the response's UUID. */
    default UUID uuid(EntityId id) {
        return EntityId.uuid(id);
    }

    /** The orders' typed ids as the response's UUIDs; null for null (a reader who may not see them). */
    default List<UUID> uuids(List<OrderId> ids) {
        return ids == null ? null : ids.stream().map(OrderId::value).toList();
    }
}

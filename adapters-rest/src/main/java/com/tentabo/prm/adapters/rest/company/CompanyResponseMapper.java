package com.tentabo.prm.adapters.rest.company;

import com.tentabo.prm.adapters.rest.company.CompanyDtos.CompanyResponse;
import com.tentabo.prm.adapters.rest.shared.ResponseMapping;
import com.tentabo.prm.domain.company.CompanyProfile;
import java.time.Instant;
import java.util.UUID;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.factory.Mappers;

/**
 * A company (partner or distributor: the same profile) to its {@link CompanyResponse}: the profile's fields by name,
 * the id, the active flag and the timestamps from the company.
 */
@Mapper(config = ResponseMapping.class)
interface CompanyResponseMapper {

    CompanyResponseMapper INSTANCE = Mappers.getMapper(CompanyResponseMapper.class);

    @Mapping(target = "id", source = "id")
    @Mapping(target = "isActive", source = "active")
    @Mapping(target = "createdAt", source = "createdAt")
    @Mapping(target = "updatedAt", source = "updatedAt")
    CompanyResponse toResponse(UUID id, CompanyProfile profile, boolean active, Instant createdAt, Instant updatedAt);
}

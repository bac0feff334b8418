package com.tentabo.prm.adapters.rest.registration;

import com.tentabo.prm.adapters.rest.registration.RegistrationDtos.AssignmentResponse;
import com.tentabo.prm.adapters.rest.registration.RegistrationDtos.LevelResponse;
import com.tentabo.prm.adapters.rest.registration.RegistrationDtos.ProgressResponse;
import com.tentabo.prm.adapters.rest.shared.ResponseMapping;
import com.tentabo.prm.application.registration.LevelAssignment;
import com.tentabo.prm.application.registration.LevelProgress;
import com.tentabo.prm.domain.id.EntityId;
import com.tentabo.prm.domain.registration.ProgrammeLevel;
import java.util.UUID;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.factory.Mappers;

/**
 * The partner programme's levels, level assignments and a partner's progress to their responses: records mapped by
 * name; percentages are shown as their decimal, and the registrations still to win only when a next level exists.
 */
@Mapper(config = ResponseMapping.class)
interface ProgrammeResponseMapper {

    ProgrammeResponseMapper INSTANCE = Mappers.getMapper(ProgrammeResponseMapper.class);

    @Mapping(target = "discountPercentage", expression = "java(l.discountPercentage().value())")
    @Mapping(target = "registrationBonusPercentage", expression = "java(l.registrationBonusPercentage().value())")
    LevelResponse level(ProgrammeLevel l);

    @Mapping(target = "assignedByAdminUserId", source = "assignedByAdminId")
    AssignmentResponse assignment(LevelAssignment a);

    @Mapping(target = "periodStart", source = "since")
    @Mapping(target = "periodEnd", source = "until")
    @Mapping(target = "bookingsToNextLevel", source = "bookingsToNext")
    @Mapping(
            target = "wonRegistrationsToNextLevel",
            expression = "java(p.nextLevel() == null ? null : p.wonRegistrationsToNext())")
    ProgressResponse progress(LevelProgress p);

    /** A typed id (a level's, an assignment's, its partner's or user's) as the response's UUID; null for null. */
    default UUID uuid(EntityId id) {
        return EntityId.uuid(id);
    }
}

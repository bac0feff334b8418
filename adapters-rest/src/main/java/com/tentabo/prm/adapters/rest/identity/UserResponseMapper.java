package com.tentabo.prm.adapters.rest.identity;

import com.tentabo.prm.adapters.rest.identity.UsersResource.UserResponse;
import com.tentabo.prm.adapters.rest.shared.ResponseMapping;
import com.tentabo.prm.domain.id.EntityId;
import com.tentabo.prm.domain.identity.UserAccount;
import java.util.UUID;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.factory.Mappers;

/** A {@link UserAccount} to its {@link UserResponse}: by name, and the status the three states read as. */
@Mapper(config = ResponseMapping.class)
interface UserResponseMapper {

    UserResponseMapper INSTANCE = Mappers.getMapper(UserResponseMapper.class);

    @Mapping(
            target = "status",
            expression = "java(u.enabled() ? \"enabled\" "
                    + ": u.enabledAt() == null ? \"pending_approval\" : \"disabled\")")
    UserResponse toResponse(UserAccount u);

    /** A typed id of the user (its own, its company's, its enabling admin account's) as the response's UUID; null for null. */
    default UUID uuid(EntityId id) {
        return EntityId.uuid(id);
    }
}

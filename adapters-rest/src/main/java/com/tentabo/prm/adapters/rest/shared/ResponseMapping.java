package com.tentabo.prm.adapters.rest.shared;

import org.mapstruct.MapperConfig;
import org.mapstruct.ReportingPolicy;

/**
 * The one MapStruct configuration of the REST adapter: every response record with ten or more components is filled
 * by a mapper that uses it, so that each component is named where it is filled (no positional constructor calls where
 * two swapped timestamps compile silently), and a component left unmapped fails the build. Mappers are plain classes
 * reached through {@code Mappers.getMapper} (no CDI: they are stateless and called from static factories).
 */
@MapperConfig(unmappedTargetPolicy = ReportingPolicy.ERROR, unmappedSourcePolicy = ReportingPolicy.IGNORE)
public interface ResponseMapping {}

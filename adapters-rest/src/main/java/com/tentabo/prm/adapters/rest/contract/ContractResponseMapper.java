package com.tentabo.prm.adapters.rest.contract;

import com.tentabo.prm.adapters.rest.shared.ResponseMapping;
import com.tentabo.prm.domain.contract.Contract;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.factory.Mappers;

/**
 * {@link Contract} to {@link ContractResponse}. {@code Contract} is a class with record-style accessors, which
 * MapStruct does not read as properties: each component names its source expression.
 */
@Mapper(config = ResponseMapping.class)
interface ContractResponseMapper {

    ContractResponseMapper INSTANCE = Mappers.getMapper(ContractResponseMapper.class);

    @Mapping(target = "id", expression = "java(c.id().value())")
    @Mapping(target = "contractNumber", expression = "java(c.number())")
    @Mapping(target = "orderId", expression = "java(com.tentabo.prm.domain.id.EntityId.uuid(c.orderId()))")
    @Mapping(target = "status", expression = "java(c.status().name().toLowerCase(java.util.Locale.ROOT))")
    @Mapping(target = "billingProvider", expression = "java(c.billingProvider())")
    @Mapping(target = "userId", expression = "java(c.userId().value())")
    @Mapping(target = "partnerId", expression = "java(com.tentabo.prm.domain.id.EntityId.uuid(c.tenant().partnerId()))")
    @Mapping(
            target = "distributorId",
            expression = "java(com.tentabo.prm.domain.id.EntityId.uuid(c.tenant().distributorId()))")
    @Mapping(target = "activationDate", expression = "java(c.activationDate())")
    @Mapping(target = "expirationDate", expression = "java(c.expirationDate())")
    @Mapping(target = "renewedFromId", expression = "java(com.tentabo.prm.domain.id.EntityId.uuid(c.renewedFromId()))")
    @Mapping(target = "totalValue", expression = "java(c.totalValue().amount())")
    @Mapping(target = "currency", expression = "java(c.currencyCode())")
    @Mapping(target = "createdAt", expression = "java(c.createdAt())")
    @Mapping(target = "updatedAt", expression = "java(c.updatedAt())")
    @Mapping(target = "cancelledAt", expression = "java(c.cancelledAt())")
    @Mapping(target = "version", expression = "java(c.version())")
    @Mapping(target = "billingInvoices", expression = "java(c.billingInvoices().items())")
    @Mapping(
            target = "contractType",
            expression = "java(c.terms().type() == null ? null "
                    + ": c.terms().type().name().toLowerCase(java.util.Locale.ROOT))")
    @Mapping(target = "periodicityMonths", expression = "java(c.terms().periodicityMonths())")
    @Mapping(target = "valuePerPeriod", expression = "java(c.terms().valuePerPeriod())")
    ContractResponse toResponse(Contract c);
}

package com.tentabo.prm.adapters.rest.order;

import com.tentabo.prm.adapters.rest.shared.ResponseMapping;
import com.tentabo.prm.domain.id.EntityId;
import com.tentabo.prm.domain.order.BillingQuoteFacts;
import com.tentabo.prm.domain.order.Order;
import com.tentabo.prm.domain.order.OrderItem;
import java.util.UUID;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.factory.Mappers;

/**
 * {@link Order} to {@link OrderResponse}. {@code Order} is a class with record-style accessors, which MapStruct does
 * not read as properties: each component names its source expression; items, bands and the billing quote are records
 * mapped by name. Typed ids reach the response as their UUIDs ({@link #uuid}).
 */
@Mapper(config = ResponseMapping.class)
interface OrderResponseMapper {

    OrderResponseMapper INSTANCE = Mappers.getMapper(OrderResponseMapper.class);

    @Mapping(target = "id", expression = "java(o.id().value())")
    @Mapping(target = "orderNumber", expression = "java(o.number())")
    @Mapping(target = "status", expression = "java(o.status().name().toLowerCase(java.util.Locale.ROOT))")
    @Mapping(target = "kind", expression = "java(o.kind().name().toLowerCase(java.util.Locale.ROOT))")
    @Mapping(target = "replacesContractId", expression = "java(uuid(o.replacesContractId()))")
    @Mapping(target = "partnerId", expression = "java(uuid(o.tenant().partnerId()))")
    @Mapping(target = "distributorId", expression = "java(uuid(o.tenant().distributorId()))")
    @Mapping(target = "leadId", expression = "java(uuid(o.leadId()))")
    @Mapping(target = "createdBy", expression = "java(o.createdBy().value())")
    @Mapping(target = "currency", expression = "java(com.tentabo.prm.domain.pricing.Money.code(o.currency()))")
    @Mapping(target = "taxRate", expression = "java(o.taxRate())")
    @Mapping(target = "subtotal", expression = "java(amount(o.totals().subtotal()))")
    @Mapping(target = "discountAmount", expression = "java(amount(o.totals().discountAmount()))")
    @Mapping(target = "taxAmount", expression = "java(amount(o.totals().taxAmount()))")
    @Mapping(target = "totalAmount", expression = "java(amount(o.totals().totalAmount()))")
    @Mapping(target = "items", expression = "java(items(o.items()))")
    @Mapping(target = "createdAt", expression = "java(o.createdAt())")
    @Mapping(target = "updatedAt", expression = "java(o.updatedAt())")
    @Mapping(target = "sentAt", expression = "java(o.sentAt())")
    @Mapping(target = "fulfilledAt", expression = "java(o.fulfilledAt())")
    @Mapping(target = "cancelledAt", expression = "java(o.cancelledAt())")
    @Mapping(target = "version", expression = "java(o.version())")
    @Mapping(target = "billingProvider", expression = "java(o.providerRefs().billingProvider())")
    @Mapping(target = "billingQuoteId", expression = "java(o.providerRefs().billingQuoteId())")
    @Mapping(target = "crmProvider", expression = "java(o.providerRefs().crmProvider())")
    @Mapping(target = "crmDealId", expression = "java(o.providerRefs().crmDealId())")
    @Mapping(target = "billingQuote", expression = "java(billingQuote(o.providerRefs().billingQuote()))")
    OrderResponse toResponse(Order o);

    java.util.List<OrderResponse.Item> items(java.util.List<OrderItem> items);

    OrderResponse.Item item(OrderItem item);

    OrderResponse.Band band(OrderItem.Band band);

    OrderResponse.BillingQuote billingQuote(BillingQuoteFacts facts);

    /** A typed id (an item's product or duration, the order's lead or replaced contract) as its UUID; null for null. */
    default UUID uuid(EntityId id) {
        return EntityId.uuid(id);
    }

    /** An amount on the wire: the decimal of the money (its currency is the order's, given once). */
    default java.math.BigDecimal amount(com.tentabo.prm.domain.pricing.Money money) {
        return money == null ? null : money.amount();
    }
}

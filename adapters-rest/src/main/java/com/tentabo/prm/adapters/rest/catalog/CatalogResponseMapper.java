package com.tentabo.prm.adapters.rest.catalog;

import com.tentabo.prm.adapters.rest.catalog.CatalogJson.ProductResponse;
import com.tentabo.prm.adapters.rest.catalog.QuoteResource.ItemResponse;
import com.tentabo.prm.adapters.rest.shared.ResponseMapping;
import com.tentabo.prm.application.catalog.port.in.QuoteUseCase.QuotedItem;
import com.tentabo.prm.domain.catalog.Product;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.factory.Mappers;

/**
 * A product and a quoted line to their responses. {@code Product} is a record mapped by name; a quoted line names
 * each source (its product, its duration, its priced line), amounts shown as their decimals.
 */
@Mapper(config = ResponseMapping.class)
interface CatalogResponseMapper {

    CatalogResponseMapper INSTANCE = Mappers.getMapper(CatalogResponseMapper.class);

    @Mapping(target = "id", expression = "java(p.id().value())")
    @Mapping(target = "isActive", source = "active")
    @Mapping(target = "priceTiers", expression = "java(CatalogJson.tiers(p))")
    ProductResponse product(Product p);

    @Mapping(target = "productId", expression = "java(q.product().id().value())")
    @Mapping(target = "productName", expression = "java(q.product().name())")
    @Mapping(target = "productType", expression = "java(q.product().type())")
    @Mapping(target = "productUnit", expression = "java(q.product().unit())")
    @Mapping(target = "pricingMode", expression = "java(q.line().mode())")
    @Mapping(target = "durationId", expression = "java(q.duration().id().value())")
    @Mapping(target = "durationMonths", expression = "java(q.line().months())")
    @Mapping(target = "discountPercentage", expression = "java(q.line().discountRate().value())")
    @Mapping(target = "quantity", expression = "java(q.line().quantity().value())")
    @Mapping(target = "unitPrice", expression = "java(q.line().unitPrice())")
    @Mapping(target = "period", expression = "java(q.line().period())")
    @Mapping(target = "bands", expression = "java(q.line().bands().stream().map(QuoteResource::band).toList())")
    @Mapping(target = "subtotal", expression = "java(q.line().gross().amount())")
    @Mapping(target = "discountAmount", expression = "java(q.line().discount().amount())")
    @Mapping(target = "total", expression = "java(q.line().net().amount())")
    @Mapping(target = "monthlyRecurring", expression = "java(q.line().monthlyRecurring().amount())")
    @Mapping(target = "partnerDiscountPercentage", expression = "java(q.line().partnerDiscount().value())")
    @Mapping(target = "registrationBonusPercentage", expression = "java(q.line().registrationBonus().value())")
    ItemResponse item(QuotedItem q);
}

package com.tentabo.prm.adapters.rest.billing;

import com.tentabo.prm.adapters.rest.billing.BillingResource.InvoiceResponse;
import com.tentabo.prm.adapters.rest.billing.BillingResource.QuoteResponse;
import com.tentabo.prm.adapters.rest.shared.ResponseMapping;
import com.tentabo.prm.application.provider.port.in.BrowseBillingUseCase.ContractLink;
import com.tentabo.prm.application.provider.port.in.BrowseBillingUseCase.InvoiceView;
import com.tentabo.prm.application.provider.port.in.BrowseBillingUseCase.QuoteView;
import com.tentabo.prm.domain.id.EntityId;
import java.util.Locale;
import java.util.UUID;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.factory.Mappers;

/**
 * A billing provider's invoice and quote, as browsed, to their responses: each component named from the entry the
 * provider answered (the document, its customer, its quote, its dates) or from the order and contract found for it;
 * how the contract was found ({@code contract_link}) in lower case.
 */
@Mapper(config = ResponseMapping.class)
interface BillingResponseMapper {

    BillingResponseMapper INSTANCE = Mappers.getMapper(BillingResponseMapper.class);

    @Mapping(target = "id", source = "entry.invoice.id")
    @Mapping(target = "number", source = "entry.invoice.number")
    @Mapping(target = "status", source = "entry.invoice.status")
    @Mapping(target = "paid", source = "entry.invoice.paid")
    @Mapping(target = "draft", source = "entry.invoice.draft")
    @Mapping(target = "amount", source = "entry.invoice.amount")
    @Mapping(target = "remaining", source = "entry.invoice.remaining")
    @Mapping(target = "currency", source = "entry.invoice.currency")
    @Mapping(target = "date", source = "entry.invoice.date")
    @Mapping(target = "deadline", source = "entry.invoice.deadline")
    @Mapping(target = "customerId", source = "entry.customerId")
    @Mapping(target = "quoteId", source = "entry.quoteId")
    @Mapping(target = "contractLink", source = "link")
    InvoiceResponse invoice(InvoiceView view);

    @Mapping(target = "id", source = "entry.quote.id")
    @Mapping(target = "number", source = "entry.quote.number")
    @Mapping(target = "status", source = "entry.quote.status")
    @Mapping(target = "amountBeforeTax", source = "entry.quote.amountBeforeTax")
    @Mapping(target = "amount", source = "entry.quote.amount")
    @Mapping(target = "currency", source = "entry.quote.currency")
    @Mapping(target = "updatedAt", source = "entry.quote.updatedAt")
    @Mapping(target = "date", source = "entry.date")
    @Mapping(target = "deadline", source = "entry.deadline")
    @Mapping(target = "customerId", source = "entry.customerId")
    QuoteResponse quote(QuoteView view);

    /** The typed id of the order or contract found as the response's UUID; null for null. */
    default UUID uuid(EntityId id) {
        return EntityId.uuid(id);
    }

    /** How the contract of an invoice was found, on the wire: the link's name in lower case. */
    default String link(ContractLink link) {
        return link == null ? null : link.name().toLowerCase(Locale.ROOT);
    }
}

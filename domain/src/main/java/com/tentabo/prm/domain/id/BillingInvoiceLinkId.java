package com.tentabo.prm.domain.id;

import java.util.Objects;
import java.util.UUID;

/** The identifier of staff's decision about a billing provider's invoice ({@code billing_invoice_links}). */
public record BillingInvoiceLinkId(UUID value) implements EntityId {

    public BillingInvoiceLinkId {
        Objects.requireNonNull(value, "BillingInvoiceLinkId");
    }

    /** The id of an optional reference: null for null. */
    public static BillingInvoiceLinkId ofNullable(UUID value) {
        return value == null ? null : new BillingInvoiceLinkId(value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

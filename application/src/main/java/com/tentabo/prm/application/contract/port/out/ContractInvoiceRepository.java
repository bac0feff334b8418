package com.tentabo.prm.application.contract.port.out;

import com.tentabo.prm.domain.id.ContractId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The billing provider's invoices of contracts ({@code contracts.billing_invoices}), written by the provider sync.
 * They are not part of the contract's version: recording them never makes a client's {@code If-Match} stale.
 */
public interface ContractInvoiceRepository {

    /** A contract the billing provider invoices: its order's quote in that provider. */
    record Billed(ContractId contractId, String contractNumber, String quoteId) {}

    /**
     * Every ACTIVE or EXPIRED contract whose order was quoted by the provider ({@code orders.billing_provider}, any
     * case) and has a {@code billing_quote_id}, oldest first.
     */
    List<Billed> billedThrough(String providerName);

    /**
     * The contract's invoices as stored, its row locked until the transaction ends; empty when the contract is gone.
     * A stored value that is not a list of objects reads as an empty list.
     */
    Optional<List<Map<String, Object>>> lockInvoices(ContractId contractId);

    /** Replaces the contract's invoices (a JSON array of the given objects). */
    void replaceInvoices(ContractId contractId, List<Map<String, Object>> invoices);
}

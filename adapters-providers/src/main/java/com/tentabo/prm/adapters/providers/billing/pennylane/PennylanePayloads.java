package com.tentabo.prm.adapters.providers.billing.pennylane;

import java.util.List;

/** Request bodies as Pennylane v2 reads them (written in snake_case, nulls left out). */
final class PennylanePayloads {

    private PennylanePayloads() {}

    /** One condition of a list {@code filter} parameter. */
    record Filter(String field, String operator, String value) {
        static List<Filter> externalReference(String reference) {
            return List.of(new Filter("external_reference", "eq", reference));
        }
    }

    /** A condition on a list of values ({@code in}, {@code not_in}). */
    record FilterIn(String field, String operator, List<String> value) {}

    /** {@code POST /company_customers}. */
    record CompanyCustomer(
            String name, Address billingAddress, String regNo, List<String> emails, String externalReference) {}

    record Address(String address, String postalCode, String city, String countryAlpha2) {}

    /** {@code POST /quotes}. */
    record Quote(
            long customerId,
            String date,
            String deadline,
            String currency,
            String language,
            String externalReference,
            String pdfInvoiceSubject,
            List<Line> invoiceLines) {}

    /** A quote line: the unit price excluding tax as a decimal string, the VAT as Pennylane's code. */
    record Line(
            String label, int quantity, String unit, String rawCurrencyUnitPrice, String vatRate, Discount discount) {}

    /** {@code relative}: a percentage, as a decimal string. */
    record Discount(String type, String value) {}
}

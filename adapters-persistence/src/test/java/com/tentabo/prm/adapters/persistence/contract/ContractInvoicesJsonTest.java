package com.tentabo.prm.adapters.persistence.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ContractInvoicesJsonTest {

    @Test
    void anArrayOfObjects_isTheListAsStored() {
        List<Map<String, Object>> invoices = ContractInvoicesJson.read(
                "[{\"id\": \"42\", \"amount\": \"9720.0\", \"paid\": false, \"number\": null}, {\"id\": \"43\"}]");

        assertThat(invoices).hasSize(2);
        assertThat(invoices.get(0))
                .containsEntry("id", "42")
                .containsEntry("amount", "9720.0")
                .containsEntry("paid", false)
                .containsKey("number");
        assertThat(invoices.get(1)).containsExactlyEntriesOf(Map.of("id", "43"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"[\"inv_1\"]", "{\"id\": 1}", "\"inv_1\"", "null", "42", "[{\"id\": 1}, 2]", "not json", " "})
    void anythingElse_readsAsNoInvoice(String stored) {
        assertThat(ContractInvoicesJson.read(stored)).isEmpty();
    }

    @Test
    void noValue_readsAsNoInvoice() {
        assertThat(ContractInvoicesJson.read(null)).isEmpty();
    }
}

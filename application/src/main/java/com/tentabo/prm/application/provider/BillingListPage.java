package com.tentabo.prm.application.provider;

import java.util.List;

/** A page of a billing provider's list, with the provider's cursor of the next page (null on the last one). */
public record BillingListPage<T>(List<T> items, String next) {
    public BillingListPage {
        items = List.copyOf(items);
    }
}

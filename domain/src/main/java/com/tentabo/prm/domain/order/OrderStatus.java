package com.tentabo.prm.domain.order;

/** Order statuses (database enum {@code orderstatus}). */
public enum OrderStatus {
    CREATED,
    CANCELLED,
    SENT,
    IN_FULFILLMENT,
    FULFILLED
}

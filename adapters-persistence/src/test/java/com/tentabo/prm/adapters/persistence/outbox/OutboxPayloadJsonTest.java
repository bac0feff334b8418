package com.tentabo.prm.adapters.persistence.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.tentabo.prm.adapters.persistence.shared.JsonText;
import com.tentabo.prm.application.outbox.OutboxMessage;
import com.tentabo.prm.application.outbox.OutboxPayload;
import com.tentabo.prm.application.outbox.OutboxPayload.AccountLink;
import com.tentabo.prm.application.outbox.OutboxPayload.BillingQuoteRequested;
import com.tentabo.prm.application.outbox.OutboxPayload.CrmDealRequested;
import com.tentabo.prm.application.outbox.OutboxPayload.CrmDealStatus;
import com.tentabo.prm.application.outbox.OutboxPayload.CrmLeadUpdated;
import com.tentabo.prm.application.outbox.OutboxPayload.NotificationDigest;
import com.tentabo.prm.application.outbox.OutboxPayload.NotificationEmail;
import com.tentabo.prm.application.outbox.OutboxPayload.OrderFigures;
import com.tentabo.prm.application.outbox.OutboxPayload.Unread;
import com.tentabo.prm.application.outbox.OutboxPayload.WebhookDelivery;
import com.tentabo.prm.application.provider.QuoteRequest;
import com.tentabo.prm.domain.access.PrincipalKind;
import com.tentabo.prm.domain.id.LeadId;
import com.tentabo.prm.domain.id.NotificationId;
import com.tentabo.prm.domain.id.OrderId;
import com.tentabo.prm.domain.id.PartnerId;
import com.tentabo.prm.domain.id.ProductId;
import com.tentabo.prm.domain.id.WebhookSubscriptionId;
import com.tentabo.prm.domain.order.OrderStatus;
import com.tentabo.prm.testing.TestDatabase;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each kind of outbox payload is stored exactly as the rows written before the payloads were typed hold it (the JSON
 * of each kind below is the one those rows have: compared as PostgreSQL stores {@code jsonb}, byte for byte), and is
 * read back as the payload written.
 */
class OutboxPayloadJsonTest {

    private static final OrderId ORDER = new OrderId(UUID.fromString("0b9c1a52-5f43-4f0c-9d52-7d0f3a3e4a01"));
    private static final PartnerId PARTNER = new PartnerId(UUID.fromString("5e2a7c10-1111-4a0c-9d52-7d0f3a3e4a02"));
    private static final UUID PRODUCT = UUID.fromString("7a3b8d21-2222-4b1d-8e63-8e1f4b4f5b03");
    private static final LeadId LEAD = new LeadId(UUID.fromString("9c4d9e32-3333-4c2e-9f74-9f2a5c5a6c04"));
    private static final WebhookSubscriptionId SUBSCRIPTION =
            new WebhookSubscriptionId(UUID.fromString("ad5eaf43-4444-4d3f-a085-a03b6d6b7d05"));
    private static final NotificationId REMINDER_1 =
            new NotificationId(UUID.fromString("be6fb054-5555-4e40-b196-b14c7e7c8e06"));
    private static final NotificationId REMINDER_2 =
            new NotificationId(UUID.fromString("cf70c165-6666-4f51-c2a7-c25d8f8d9f07"));

    private static final OrderFigures FIGURES = new OrderFigures(
            ORDER,
            "ORD-2026-000042",
            PARTNER,
            null,
            "EUR",
            new BigDecimal("1200.00"),
            new BigDecimal("120.00"),
            new BigDecimal("20.00"),
            new BigDecimal("216.00"),
            new BigDecimal("1296.00"));

    private static final String FIGURES_JSON =
            "\"order_id\": \"" + ORDER + "\", \"order_number\": \"ORD-2026-000042\", "
                    + "\"partner_id\": \"" + PARTNER + "\", \"distributor_id\": null, \"currency\": \"EUR\", "
                    + "\"subtotal\": \"1200.00\", \"discount_amount\": \"120.00\", \"tax_rate\": \"20.00\", "
                    + "\"tax_amount\": \"216.00\", \"total_amount\": \"1296.00\"";

    private static Connection db;

    @BeforeAll
    static void connect() throws SQLException {
        db = TestDatabase.create("outbox_payload_json").connect();
    }

    @AfterAll
    static void close() throws SQLException {
        db.close();
    }

    static Stream<Arguments> kinds() {
        return Stream.of(
                Arguments.of(
                        OutboxMessage.BILLING_QUOTE_REQUESTED,
                        new BillingQuoteRequested(
                                FIGURES,
                                List.of(
                                        new QuoteRequest.Line(
                                                new ProductId(PRODUCT),
                                                "Suite Pro (1-10)",
                                                "user",
                                                10,
                                                new BigDecimal("100.00"),
                                                new BigDecimal("10"),
                                                new BigDecimal("1000.00"),
                                                new BigDecimal("900.00")),
                                        new QuoteRequest.Line(
                                                null,
                                                "Setup",
                                                "unit",
                                                1,
                                                new BigDecimal("200.00"),
                                                new BigDecimal("0"),
                                                new BigDecimal("200.00"),
                                                new BigDecimal("200.00")))),
                        "{" + FIGURES_JSON + ", \"lines\": [{\"product_id\": \"" + PRODUCT + "\", "
                                + "\"label\": \"Suite Pro (1-10)\", \"unit\": \"user\", \"quantity\": 10, "
                                + "\"unit_price\": \"100.00\", \"discount_percentage\": \"10\", \"gross\": \"1000.00\", "
                                + "\"net\": \"900.00\"}, {\"product_id\": null, \"label\": \"Setup\", \"unit\": \"unit\", "
                                + "\"quantity\": 1, \"unit_price\": \"200.00\", \"discount_percentage\": \"0\", "
                                + "\"gross\": \"200.00\", \"net\": \"200.00\"}]}"),
                Arguments.of(
                        OutboxMessage.CRM_DEAL_REQUESTED,
                        new CrmDealRequested(FIGURES, LEAD, "Order ORD-2026-000042"),
                        "{" + FIGURES_JSON + ", \"lead_id\": \"" + LEAD + "\", \"title\": \"Order ORD-2026-000042\"}"),
                Arguments.of(
                        OutboxMessage.CRM_DEAL_REQUESTED,
                        new CrmDealRequested(FIGURES, null, "Order ORD-2026-000042"),
                        "{" + FIGURES_JSON + ", \"lead_id\": null, \"title\": \"Order ORD-2026-000042\"}"),
                Arguments.of(
                        OutboxMessage.CRM_LEAD_UPDATED,
                        new CrmLeadUpdated("pipedrive", "1234", "status", "Chose a competitor"),
                        "{\"provider\": \"pipedrive\", \"provider_id\": \"1234\", \"field\": \"status\", "
                                + "\"lost_reason\": \"Chose a competitor\"}"),
                Arguments.of(
                        OutboxMessage.CRM_LEAD_UPDATED,
                        new CrmLeadUpdated("pipedrive", "1234", "owner", null),
                        "{\"provider\": \"pipedrive\", \"provider_id\": \"1234\", \"field\": \"owner\"}"),
                Arguments.of(
                        OutboxMessage.CRM_DEAL_STATUS,
                        new CrmDealStatus(OrderStatus.CANCELLED, "Customer withdrew"),
                        "{\"status\": \"CANCELLED\", \"reason\": \"Customer withdrew\"}"),
                Arguments.of(
                        OutboxMessage.CRM_DEAL_STATUS,
                        new CrmDealStatus(OrderStatus.FULFILLED, null),
                        "{\"status\": \"FULFILLED\"}"),
                Arguments.of(
                        OutboxMessage.NOTIFICATION_EMAIL,
                        new NotificationEmail("order.sent"),
                        "{\"event_type\": \"order.sent\"}"),
                Arguments.of(
                        OutboxMessage.NOTIFICATION_DIGEST,
                        new NotificationDigest(PrincipalKind.USER, List.of(REMINDER_1, REMINDER_2)),
                        "{\"recipient_kind\": \"USER\", \"notification_ids\": [\"" + REMINDER_1 + "\", \"" + REMINDER_2
                                + "\"]}"),
                Arguments.of(
                        OutboxMessage.WEBHOOK_DELIVERY,
                        new WebhookDelivery(SUBSCRIPTION, "lead.won"),
                        "{\"subscription_id\": \"" + SUBSCRIPTION + "\", \"event_type\": \"lead.won\"}"),
                Arguments.of(
                        OutboxMessage.NOTIFICATION_LINK,
                        new AccountLink(
                                "invitation",
                                PrincipalKind.ADMIN_USER,
                                "ops.lead",
                                Instant.parse("2026-12-11T10:15:30.123456Z"),
                                "v1.sealed-bytes"),
                        "{\"purpose\": \"invitation\", \"recipient_kind\": \"ADMIN_USER\", \"username\": \"ops.lead\", "
                                + "\"expires_at\": \"2026-12-11T10:15:30.123456Z\", \"token_sealed\": \"v1.sealed-bytes\"}"));
    }

    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("kinds")
    void eachKindIsStoredAsTheRowsHoldItAndReadBack(String topic, OutboxPayload payload, String stored)
            throws SQLException {
        Map<String, Object> written = OutboxPayloadJson.write(payload);

        assertThat(asJsonb(JsonText.write(written))).isEqualTo(asJsonb(stored));
        assertThat(OutboxPayloadJson.read(topic, written)).isEqualTo(payload);
    }

    @Test
    void aSettledLinkHasNoTokenAndIsStillALink() {
        Map<String, Object> settled = new LinkedHashMap<>(OutboxPayloadJson.write(
                new AccountLink("reset", PrincipalKind.USER, "ada", Instant.parse("2026-12-11T10:15:30Z"), "sealed")));
        settled.remove(OutboxPayloadJson.SEALED_TOKEN);

        assertThat(OutboxPayloadJson.read(OutboxMessage.NOTIFICATION_LINK, settled))
                .isEqualTo(new AccountLink(
                        "reset", PrincipalKind.USER, "ada", Instant.parse("2026-12-11T10:15:30Z"), null));
    }

    @Test
    void aRowWithoutTheShapeOfItsTopicOrOfAnUnknownTopicIsUnread() {
        Map<String, Object> misshapen = new LinkedHashMap<>();
        misshapen.put("status", "NOT_A_STATUS");
        misshapen.put("n", 1);

        assertThat(OutboxPayloadJson.read(OutboxMessage.CRM_DEAL_STATUS, misshapen))
                .isEqualTo(new Unread("{\"status\":\"NOT_A_STATUS\",\"n\":1}"));
        assertThat(OutboxPayloadJson.read(OutboxMessage.NOTIFICATION_DIGEST, misshapen))
                .isInstanceOf(Unread.class);
        assertThat(OutboxPayloadJson.read("legacy.topic", Map.of("order_number", "ORD-1")))
                .isEqualTo(new Unread("{\"order_number\":\"ORD-1\"}"));
    }

    /** The text PostgreSQL stores for a {@code jsonb} value (its canonical spelling). */
    private static String asJsonb(String json) throws SQLException {
        try (PreparedStatement st = db.prepareStatement("SELECT ?::jsonb::text")) {
            st.setString(1, json);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}

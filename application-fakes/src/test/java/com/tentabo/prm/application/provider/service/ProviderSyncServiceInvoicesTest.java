package com.tentabo.prm.application.provider.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tentabo.prm.application.contract.port.out.ContractInvoiceRepository.Billed;
import com.tentabo.prm.application.fakes.InlineTransactions;
import com.tentabo.prm.application.provider.BillingInvoice;
import com.tentabo.prm.application.provider.ProviderFailure;
import com.tentabo.prm.application.provider.ProviderSettings;
import com.tentabo.prm.application.provider.QuoteReceipt;
import com.tentabo.prm.application.provider.QuoteRequest;
import com.tentabo.prm.application.provider.SyncLogRecord;
import com.tentabo.prm.application.provider.port.out.BillingGateway;
import com.tentabo.prm.application.provider.port.out.SyncLogRepository;
import com.tentabo.prm.application.shared.port.out.ProviderGateways;
import com.tentabo.prm.domain.access.Caller;
import com.tentabo.prm.domain.access.PrincipalKind;
import com.tentabo.prm.domain.access.Role;
import com.tentabo.prm.domain.id.ContractId;
import com.tentabo.prm.domain.id.ProviderId;
import com.tentabo.prm.domain.provider.ProviderType;
import com.tentabo.prm.domain.shared.DomainException;
import com.tentabo.prm.domain.shared.ErrorCode;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The billing branch of {@link ProviderSyncService}: counting, the one bounded wait on a 429, the run's status. */
class ProviderSyncServiceInvoicesTest {

    static final Caller ADMIN =
            Caller.of(PrincipalKind.ADMIN_USER, UUID.randomUUID(), null, "admin", Role.ADMIN, null, null);
    static final ProviderId PROVIDER = new ProviderId(UUID.randomUUID());
    static final BillingInvoice INVOICE = new BillingInvoice(
            "42",
            "F-1",
            "upcoming",
            false,
            false,
            new BigDecimal("9720.0"),
            new BigDecimal("9720.0"),
            "EUR",
            null,
            null);

    final Map<String, Deque<Supplier<List<BillingInvoice>>>> answers = new HashMap<>();
    final List<String> calls = new ArrayList<>();
    final List<Billed> billed = new ArrayList<>();
    final Map<ContractId, List<BillingInvoice>> recorded = new HashMap<>();

    final BillingGateway pennylane = new BillingGateway() {
        @Override
        public String providerName() {
            return "pennylane";
        }

        @Override
        public QuoteReceipt requestQuote(ProviderSettings settings, QuoteRequest request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<BillingInvoice> invoicesForQuote(ProviderSettings settings, String quoteId) {
            calls.add(quoteId);
            return answers.get(quoteId).pop().get();
        }

        @Override
        public com.tentabo.prm.application.provider.QuoteChangePage quoteChanges(
                ProviderSettings settings, Instant since, String cursor) {
            throw new UnsupportedOperationException();
        }

        @Override
        public java.util.Optional<com.tentabo.prm.application.provider.BillingQuote> quote(
                ProviderSettings settings, String quoteId) {
            throw new UnsupportedOperationException();
        }
    };

    /** The database records, in memory: a contract changes when it had no invoices recorded yet. */
    final ProviderSyncRecords records = new ProviderSyncRecords(null, null, null, null, null, null, null, null, null) {
        @Override
        public ProviderSettings syncable(ProviderId providerId) {
            return new ProviderSettings("pennylane", ProviderType.BILLING, Map.of(), Map.of("api_token", "t"));
        }

        @Override
        public List<Billed> billedThrough(String providerName) {
            return billed;
        }

        @Override
        public boolean recordInvoices(
                ContractId contractId, String providerName, List<BillingInvoice> invoices, Instant now) {
            return !invoices.equals(recorded.put(contractId, invoices));
        }

        @Override
        public SyncLogRecord record(SyncLogRepository.SyncRun run) {
            return new SyncLogRecord(
                    run.id(),
                    run.providerId(),
                    "pennylane",
                    run.syncType(),
                    run.entityType(),
                    run.direction(),
                    run.recordsSynced(),
                    run.recordsFailed(),
                    run.errorDetailsJson(),
                    run.status().name().toLowerCase(java.util.Locale.ROOT),
                    run.startedAt(),
                    run.completedAt());
        }
    };

    ProviderSyncService service(BillingGateway... billing) {
        Clock clock = Clock.fixed(Instant.parse("2026-03-10T08:00:00Z"), ZoneOffset.UTC);
        // no failure of these tests refuses the credentials: the health marks never reach their directory
        return new ProviderSyncService(
                new InlineTransactions(),
                records,
                null, // no CRM: the lead import is never reached
                ProviderGateways.none(),
                ProviderGateways.of(List.of(billing), BillingGateway::providerName),
                new ProviderHealthMarks(null, null, UUID::randomUUID, clock),
                UUID::randomUUID,
                clock);
    }

    @SafeVarargs
    final ContractId contract(String quoteId, Supplier<List<BillingInvoice>>... replies) {
        ContractId id = new ContractId(UUID.randomUUID());
        billed.add(new Billed(id, "CNT-" + quoteId, quoteId));
        answers.put(quoteId, new ArrayDeque<>(List.of(replies)));
        return id;
    }

    static Supplier<List<BillingInvoice>> fails(ProviderFailure failure) {
        return () -> {
            throw failure;
        };
    }

    @Test
    void everyContractIsAsked_onlyChangedOnesCount_andASecondRunChangesNothing() {
        ContractId first = contract("q1", () -> List.of(INVOICE), () -> List.of(INVOICE));
        contract("q2", List::of, List::of);

        SyncLogRecord run = service(pennylane).sync(ADMIN, PROVIDER);

        assertThat(run.status()).isEqualTo("success");
        assertThat(run.entityType()).isEqualTo("invoice");
        assertThat(run.recordsSynced()).isEqualTo(2);
        assertThat(run.recordsFailed()).isZero();
        assertThat(run.errorDetailsJson()).isNull();
        assertThat(recorded.get(first)).containsExactly(INVOICE);

        SyncLogRecord again = service(pennylane).sync(ADMIN, PROVIDER);
        assertThat(again.recordsSynced()).isZero();
        assertThat(again.status()).isEqualTo("success");
    }

    @Test
    void aShortRateLimit_isWaitedForOnce_thenTheContractIsAskedAgain() {
        contract(
                "q1",
                fails(ProviderFailure.retryable(
                        "pennylane GET /customer_invoices answered 429", Duration.ofMillis(20))),
                () -> List.of(INVOICE));

        SyncLogRecord run = service(pennylane).sync(ADMIN, PROVIDER);

        assertThat(calls).containsExactly("q1", "q1");
        assertThat(run.status()).isEqualTo("success");
        assertThat(run.recordsSynced()).isEqualTo(1);
    }

    @Test
    void aLongRateLimit_aSecond429_orAPermanentFailure_failTheContract_andTheRunGoesOn() {
        contract("q1", fails(ProviderFailure.retryable("429 long", Duration.ofSeconds(11))));
        contract(
                "q2",
                fails(ProviderFailure.retryable("429 again", Duration.ZERO)),
                fails(ProviderFailure.retryable("429 again", Duration.ZERO)));
        contract("q3", fails(ProviderFailure.permanent("401")));
        contract("q4", () -> List.of(INVOICE));

        SyncLogRecord run = service(pennylane).sync(ADMIN, PROVIDER);

        assertThat(calls).containsExactly("q1", "q2", "q2", "q3", "q4");
        assertThat(run.status()).isEqualTo("partial");
        assertThat(run.recordsSynced()).isEqualTo(1);
        assertThat(run.recordsFailed()).isEqualTo(3);
        assertThat(run.errorDetailsJson()).contains("\"error\": \"429 long\"").contains("CNT-q1");
    }

    @Test
    void whenEveryContractFails_theRunFails() {
        contract("q1", fails(ProviderFailure.permanent("pennylane GET /customer_invoices answered 401")));

        SyncLogRecord run = service(pennylane).sync(ADMIN, PROVIDER);

        assertThat(run.status()).isEqualTo("failed");
        assertThat(run.recordsFailed()).isEqualTo(1);
    }

    @Test
    void aBillingProviderWithoutAdapter_isRefused() {
        assertThatThrownBy(() -> service().sync(ADMIN, PROVIDER))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BUSINESS_RULE_VIOLATED));
    }
}

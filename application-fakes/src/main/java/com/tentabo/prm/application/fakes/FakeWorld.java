package com.tentabo.prm.application.fakes;

import com.tentabo.prm.application.audit.service.AuditRecorder;
import com.tentabo.prm.application.catalog.PricingSettings;
import com.tentabo.prm.application.catalog.service.QuotePricer;
import com.tentabo.prm.application.company.service.ActiveAssignments;
import com.tentabo.prm.application.contract.service.RenewContractService;
import com.tentabo.prm.application.identity.port.out.AdminUserRepository;
import com.tentabo.prm.application.identity.port.out.UserRepository;
import com.tentabo.prm.application.identity.service.AuthorLinks;
import com.tentabo.prm.application.lead.service.LeadService;
import com.tentabo.prm.application.note.port.out.NoteRepository;
import com.tentabo.prm.application.notification.port.out.LinkTokenGateway;
import com.tentabo.prm.application.notification.port.out.NotificationRecipientDirectory;
import com.tentabo.prm.application.notification.port.out.NotificationRepository;
import com.tentabo.prm.application.notification.port.out.WebhookSubscriptionRepository;
import com.tentabo.prm.application.notification.service.Notifier;
import com.tentabo.prm.application.order.service.LeadLinks;
import com.tentabo.prm.application.order.service.OrderPricing;
import com.tentabo.prm.application.order.service.OrderTransitionService;
import com.tentabo.prm.application.order.service.PlaceOrderService;
import com.tentabo.prm.application.registration.RegistrationSettings;
import com.tentabo.prm.application.registration.port.out.ProgrammeRepository;
import com.tentabo.prm.application.registration.port.out.RegistrationRepository;
import com.tentabo.prm.application.registration.service.ConflictCheck;
import com.tentabo.prm.application.registration.service.ProgrammeTerms;
import com.tentabo.prm.application.shared.IdempotentCreates;
import com.tentabo.prm.domain.access.Caller;
import com.tentabo.prm.domain.access.PrincipalKind;
import com.tentabo.prm.domain.access.Role;
import com.tentabo.prm.domain.catalog.Duration;
import com.tentabo.prm.domain.catalog.Product;
import com.tentabo.prm.domain.company.Company;
import com.tentabo.prm.domain.id.PartnerId;
import com.tentabo.prm.domain.id.UserId;
import com.tentabo.prm.domain.pricing.Percentage;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.UUID;

/**
 * The application's services wired over the in-memory fakes, with a fixed clock that a test moves
 * ({@link #clock}). The core ports (orders, leads, contracts, companies, catalog, outbox, audit) are real fakes a
 * test can read back; the programme, registration, notification, note and account ports are empty
 * ({@link EmptyPorts}): no programme level, no registration, no recipient. Services are built in this one place.
 */
public final class FakeWorld {

    public final MutableClock clock = MutableClock.standing();
    public final SequentialIds ids = new SequentialIds();
    public final InMemoryAudit audit = new InMemoryAudit();
    private final AuditRecorder recorder = new AuditRecorder(audit, ids);
    public final InMemoryOrders orders = new InMemoryOrders(audit);
    public final InMemoryLeads leads = new InMemoryLeads(orders);
    public final InMemoryContracts contracts = new InMemoryContracts();
    public final InMemoryPartners partners = new InMemoryPartners();
    public final InMemoryDistributors distributors = new InMemoryDistributors();
    public final InMemoryProducts products = new InMemoryProducts().ordered(orders::anyForProduct);
    public final InMemoryDurations durations = new InMemoryDurations();
    public final InMemoryOutbox outbox = new InMemoryOutbox(clock);
    public final InMemoryIdempotency idempotency = new InMemoryIdempotency();
    public final InMemoryCatalogDirectories catalog =
            new InMemoryCatalogDirectories(products, durations, partners, distributors, orders);
    public final PricingSettings pricingSettings =
            new PricingSettings(Currency.getInstance("EUR"), Percentage.of("20"));

    private final IdempotentCreates idempotentCreates = new IdempotentCreates(idempotency);
    private final AuthorLinks authors =
            new AuthorLinks(EmptyPorts.of(AdminUserRepository.class), EmptyPorts.of(UserRepository.class), ids, clock);
    private final ActiveAssignments assignments = new ActiveAssignments(distributors);
    private final OrderPricing pricing = new OrderPricing(new QuotePricer(pricingSettings), catalog, ids);
    private final ProgrammeTerms programme = new ProgrammeTerms(
            EmptyPorts.of(ProgrammeRepository.class),
            EmptyPorts.of(RegistrationRepository.class),
            new ConflictCheck(
                    EmptyPorts.of(RegistrationRepository.class),
                    new RegistrationSettings(
                            90, new BigDecimal("0.6"), RegistrationSettings.DEFAULT_PUBLIC_MAIL_DOMAINS)),
            recorder,
            ids);
    private final Notifier notifier = new Notifier(
            EmptyPorts.of(NotificationRepository.class),
            EmptyPorts.of(NotificationRecipientDirectory.class),
            EmptyPorts.of(WebhookSubscriptionRepository.class),
            outbox,
            EmptyPorts.of(LinkTokenGateway.class),
            ids,
            clock);

    public PlaceOrderService placeOrders() {
        return new PlaceOrderService(
                orders,
                pricing,
                new LeadLinks(leads),
                assignments,
                catalog,
                idempotentCreates,
                recorder,
                authors,
                pricingSettings,
                ids,
                clock,
                programme);
    }

    public OrderTransitionService transitions() {
        return new OrderTransitionService(
                orders, EmptyPorts.of(NoteRepository.class), outbox, recorder, authors, ids, clock, notifier);
    }

    public RenewContractService renewals() {
        return new RenewContractService(
                contracts, orders, pricing, assignments, authors, ids, recorder, idempotentCreates, clock, programme);
    }

    public LeadService leadService() {
        return new LeadService(
                leads,
                partners,
                distributors,
                assignments,
                EmptyPorts.of(UserRepository.class),
                authors,
                recorder,
                ids,
                idempotentCreates,
                clock,
                notifier,
                outbox);
    }

    /** A partner stored now. */
    public Company<PartnerId> partner() {
        Company<PartnerId> partner = TestRecords.aPartner(clock.instant());
        partners.save(partner);
        return partner;
    }

    /** A product stored now: one open tier at {@code monthlyPrice} a month. */
    public Product product(String monthlyPrice) {
        Product product = TestRecords.aProduct(monthlyPrice, clock.instant());
        products.save(product);
        return product;
    }

    /** A duration stored now, without discount. */
    public Duration duration(int months) {
        Duration duration = TestRecords.aDuration(months, clock.instant());
        durations.save(duration);
        return duration;
    }

    public static Caller admin() {
        return Caller.of(
                PrincipalKind.ADMIN_USER,
                UUID.randomUUID(),
                new UserId(UUID.randomUUID()),
                "admin",
                Role.ADMIN,
                null,
                null);
    }

    public static Caller partnerUser(PartnerId partnerId) {
        return Caller.of(PrincipalKind.USER, UUID.randomUUID(), null, "partner", Role.PARTNER, partnerId, null);
    }
}

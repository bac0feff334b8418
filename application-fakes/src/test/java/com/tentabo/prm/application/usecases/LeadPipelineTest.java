package com.tentabo.prm.application.usecases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tentabo.prm.application.catalog.port.in.QuoteUseCase.QuoteItem;
import com.tentabo.prm.application.fakes.FakeWorld;
import com.tentabo.prm.application.fakes.TestRecords;
import com.tentabo.prm.application.lead.port.in.ManageLeadsUseCase.CreateLead;
import com.tentabo.prm.application.order.port.in.PlaceOrderUseCase.ConvertLeadCommand;
import com.tentabo.prm.application.shared.ExpectedVersion;
import com.tentabo.prm.domain.access.Caller;
import com.tentabo.prm.domain.catalog.Duration;
import com.tentabo.prm.domain.catalog.Product;
import com.tentabo.prm.domain.company.Company;
import com.tentabo.prm.domain.id.PartnerId;
import com.tentabo.prm.domain.lead.Lead;
import com.tentabo.prm.domain.lead.LeadStatus;
import com.tentabo.prm.domain.lead.StatusChange;
import com.tentabo.prm.domain.order.Order;
import com.tentabo.prm.domain.pricing.Money;
import com.tentabo.prm.domain.shared.DomainException;
import com.tentabo.prm.domain.shared.ErrorCode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The lead pipeline over the in-memory fakes, at a fixed clock: create, move, win, convert into an order. */
class LeadPipelineTest {

    final FakeWorld world = new FakeWorld();
    final Company<PartnerId> partner = world.partner();
    final Product seat = world.product("25");
    final Duration months = world.duration(6);
    final Caller partnerUser = FakeWorld.partnerUser(partner.id());

    Lead create() {
        return world.leadService()
                .create(partnerUser, new CreateLead(TestRecords.leadDetails("Fleet renewal"), null, null, null), null)
                .value();
    }

    Lead move(Lead lead, LeadStatus to) {
        world.clock.advance(java.time.Duration.ofMinutes(5));
        return world.leadService()
                .changeStatus(
                        partnerUser,
                        lead.id(),
                        to,
                        "next step",
                        ExpectedVersion.at(
                                world.leads.findById(lead.id()).orElseThrow().updatedAt()));
    }

    @Test
    void aLeadIsCreatedMovedWonAndConvertedIntoAnOrderOfItsPartner() {
        Lead lead = create();
        assertThat(lead.status()).isEqualTo(LeadStatus.NEW);
        assertThat(lead.tenant().partnerId()).isEqualTo(partner.id());
        assertThat(lead.ownerId().value()).isEqualTo(partnerUser.principalId());

        lead = move(lead, LeadStatus.QUALIFIED);
        lead = move(lead, LeadStatus.WON);
        assertThat(world.leads.history(lead.id()))
                .extracting(StatusChange::to)
                .containsExactly(LeadStatus.NEW, LeadStatus.QUALIFIED, LeadStatus.WON);
        assertThat(world.audit.actionsOn(lead.id().value()))
                .containsExactly("lead.created", "lead.status_changed", "lead.status_changed");

        Order order = world.placeOrders()
                .convertLead(new ConvertLeadCommand(
                        partnerUser, lead.id(), null, List.of(new QuoteItem(seat.id(), 4L, months.id())), null))
                .value();

        assertThat(order.leadId()).isEqualTo(lead.id());
        assertThat(order.tenant().partnerId()).isEqualTo(partner.id());
        assertThat(order.totals().subtotal()).isEqualTo(Money.of("600.00", "EUR")); // 4 × 25 a month × 6 months
        assertThat(world.leads.hasOrders(lead.id())).isTrue();
    }

    @Test
    void onlyAWonLeadConverts() {
        Lead lead = move(create(), LeadStatus.CONTACTED);

        assertThatThrownBy(() -> world.placeOrders()
                        .convertLead(new ConvertLeadCommand(
                                partnerUser,
                                lead.id(),
                                null,
                                List.of(new QuoteItem(seat.id(), 1L, months.id())),
                                null)))
                .isInstanceOf(DomainException.class);
        assertThat(world.orders.all()).isEmpty();
    }

    @Test
    void aStaleETagIsRefusedAndAWonLeadIsFinal() {
        Lead lead = create();
        ExpectedVersion etag = ExpectedVersion.at(lead.updatedAt());
        move(lead, LeadStatus.WON);

        assertThatThrownBy(() -> world.leadService().changeStatus(partnerUser, lead.id(), LeadStatus.LOST, null, etag))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.PRECONDITION_FAILED));
        assertThatThrownBy(() -> move(lead, LeadStatus.LOST))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ILLEGAL_LEAD_TRANSITION));
    }
}

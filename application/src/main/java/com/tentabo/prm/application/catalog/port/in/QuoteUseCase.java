package com.tentabo.prm.application.catalog.port.in;

import com.tentabo.prm.domain.access.Caller;
import com.tentabo.prm.domain.catalog.Duration;
import com.tentabo.prm.domain.catalog.PriceTierSet;
import com.tentabo.prm.domain.catalog.Product;
import com.tentabo.prm.domain.id.DurationId;
import com.tentabo.prm.domain.id.PartnerId;
import com.tentabo.prm.domain.id.ProductId;
import com.tentabo.prm.domain.pricing.Percentage;
import com.tentabo.prm.domain.pricing.PricedDocument;
import com.tentabo.prm.domain.pricing.PricedLine;
import java.math.BigDecimal;
import java.util.List;

/** Prices several lines with the current catalog, storing nothing (any authenticated caller). */
public interface QuoteUseCase {

    int MAX_ITEMS = 100;

    /** {@code quantity} is a long so that an absurd value is reported as such, naming the field. */
    record QuoteItem(ProductId productId, Long quantity, DurationId durationId) {}

    /**
     * {@code taxRate} null means the configured default VAT rate; {@code partnerId} prices with that partner's programme
     * level discount (a PARTNER caller always quotes for its own partner; null for staff: no programme discount).
     */
    record QuoteCommand(List<QuoteItem> items, BigDecimal taxRate, PartnerId partnerId) {
        public QuoteCommand(List<QuoteItem> items, BigDecimal taxRate) {
            this(items, taxRate, null);
        }
    }

    record QuotedItem(Product product, Duration duration, PricedLine line) {}

    record Quote(List<QuotedItem> items, Percentage taxRate, PricedDocument document) {}

    Quote quote(Caller caller, QuoteCommand command);

    /** Months a tier preview prices (one year), with no duration discount. */
    int PREVIEW_MONTHS = 12;
    /** Most quantities one preview prices. */
    int MAX_PREVIEW_QUANTITIES = 10;

    /** One quantity priced under tiers not saved yet, in both modes; a line is null when no tier holds the quantity. */
    record TierPreview(int quantity, PricedLine volume, PricedLine graduated) {}

    /**
     * Checks tier rows exactly as a tier replacement does (422 INVALID_PRICE_TIERS naming every violation), then prices
     * each quantity for {@link #PREVIEW_MONTHS} months without discount in VOLUME and in GRADUATED mode, storing
     * nothing (CATALOG_WRITE: an aid to whoever edits tiers). {@code quantities} null or empty: 1, 10, 100 and the
     * bounds of each tier, at most {@link #MAX_PREVIEW_QUANTITIES}.
     */
    List<TierPreview> previewTiers(Caller caller, List<PriceTierSet.Row> rows, List<Integer> quantities);
}

package com.tentabo.prm.adapters.web.portal;

import com.tentabo.prm.application.dashboard.Dashboard;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * The bars of the revenue chart, drawn on the server as SVG: one bar per month, its height proportional to the month's
 * net revenue in the chart's currency (the first currency that has revenue; other currencies are listed, not drawn).
 */
public record RevenueChart(String currency, List<Bar> bars, BigDecimal max, int width, int height) {

    public static final int HEIGHT = 160;
    static final int BAR = 28;
    static final int GAP = 12;

    public record Bar(YearMonth month, BigDecimal amount, long orders, int x, int y, int barHeight, int labelX) {}

    public int svgHeight() {
        return height + 24;
    }

    public int tickY() {
        return height + 16;
    }

    public static RevenueChart of(Dashboard.Revenue revenue, String defaultCurrency) {
        List<Dashboard.Month> months = revenue == null ? List.of() : revenue.months();
        String currency = months.stream()
                .flatMap(m -> m.net().stream())
                .filter(a -> a.currency() != null)
                .map(Dashboard.Amount::currency)
                .findFirst()
                .orElse(defaultCurrency);
        BigDecimal max = BigDecimal.ZERO;
        List<BigDecimal> amounts = new ArrayList<>();
        for (Dashboard.Month month : months) {
            BigDecimal amount = month.net().stream()
                    .filter(a -> currency.equals(a.currency()))
                    .map(Dashboard.Amount::amount)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            amounts.add(amount);
            max = max.max(amount);
        }
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < months.size(); i++) {
            BigDecimal amount = amounts.get(i);
            int h = max.signum() == 0
                    ? 0
                    : amount.multiply(BigDecimal.valueOf(HEIGHT - 20))
                            .divide(max, 0, RoundingMode.HALF_UP)
                            .intValue();
            int x = GAP + i * (BAR + GAP);
            bars.add(new Bar(
                    months.get(i).month(),
                    amount,
                    months.get(i).fulfilledOrders(),
                    x,
                    HEIGHT - h,
                    Math.max(h, 1),
                    x + BAR / 2));
        }
        return new RevenueChart(currency, bars, max, GAP + months.size() * (BAR + GAP), HEIGHT);
    }
}

package com.tentabo.prm.application.provider;

import java.util.Optional;
import java.util.function.Function;

/** Picks, among the adapters of one port, the one for a provider: by its name, ignoring case. */
public final class Gateways {

    private Gateways() {
    }

    public static <G> Optional<G> named(Iterable<G> gateways, Function<G, String> nameOf, String providerName) {
        for (G gateway : gateways) {
            if (nameOf.apply(gateway).equalsIgnoreCase(providerName)) {
                return Optional.of(gateway);
            }
        }
        return Optional.empty();
    }
}

package com.tentabo.prm.application.shared.port.out;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;

/**
 * The adapters of one outbound provider port (every CRM, every billing provider, every directory…) that this version
 * holds: a service picks the one for a provider by its name, and never reaches the container itself. The bootstrap
 * module builds one per port from CDI ({@code GatewayWiring}); a use-case test builds one over a list
 * ({@link #of}).
 */
public interface ProviderGateways<G> extends Iterable<G> {

    /** The adapter of the provider with this name (compared ignoring case); empty when this version has none. */
    Optional<G> forName(String providerName);

    /** The first adapter accepting what is asked (in the order of {@link #iterator()}); empty when none does. */
    default Optional<G> first(Predicate<? super G> accepts) {
        return StreamSupport.stream(spliterator(), false).filter(accepts).findFirst();
    }

    /**
     * The adapters listed by {@code gateways} (read again at each call, so a lazy CDI listing stays lazy), each
     * named by {@code nameOf}.
     */
    static <G> ProviderGateways<G> of(Iterable<G> gateways, Function<? super G, String> nameOf) {
        return new ProviderGateways<>() {
            @Override
            public Optional<G> forName(String providerName) {
                for (G gateway : gateways) {
                    if (nameOf.apply(gateway).equalsIgnoreCase(providerName)) {
                        return Optional.of(gateway);
                    }
                }
                return Optional.empty();
            }

            @Override
            public java.util.Iterator<G> iterator() {
                return gateways.iterator();
            }
        };
    }

    /** None: a version without an adapter of this port. */
    static <G> ProviderGateways<G> none() {
        return of(List.of(), gateway -> "");
    }
}

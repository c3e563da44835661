package io.alertwire.fetch.net;

import java.util.List;
import java.util.Optional;

/** {@link NetConfig}s for tests that build an {@link AddressPolicy} without the application. */
public final class NetConfigs {

    private NetConfigs() {
    }

    /** All private addresses allowed or not, plus the networks listed (CIDR). */
    public static NetConfig of(boolean allowPrivate, String... allowedNetworks) {
        return new NetConfig() {
            @Override
            public boolean allowPrivateAddresses() {
                return allowPrivate;
            }

            @Override
            public Optional<List<String>> allowedNetworks() {
                return Optional.of(List.of(allowedNetworks));
            }
        };
    }
}

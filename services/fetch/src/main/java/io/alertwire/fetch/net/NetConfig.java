package io.alertwire.fetch.net;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/** Which network addresses the service may fetch from. */
@ConfigMapping(prefix = "alertwire.fetch")
public interface NetConfig {

    /**
     * Allow sources whose host is on loopback, private, link-local (cloud metadata), CGNAT, any-local
     * or multicast addresses. Off in production so that a source URL cannot reach inside the
     * network (SSRF); the local stack and the tests turn it on to serve feeds from loopback.
     */
    @WithDefault("false")
    boolean allowPrivateAddresses();

    /**
     * Networks allowed even while private addresses are not, in CIDR form (comma-separated, e.g.
     * {@code 10.20.0.0/16,192.168.7.12/32,fd00:1::/64}): an operator's own feed servers inside the
     * network, without opening the rest of it. Empty by default.
     */
    Optional<List<String>> allowedNetworks();
}

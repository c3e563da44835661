package io.alertwire.fetch.net;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

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
}

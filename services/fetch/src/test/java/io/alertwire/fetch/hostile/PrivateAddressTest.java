package io.alertwire.fetch.hostile;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.hamcrest.Matchers.containsString;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.alertwire.fetch.feeds.Api;
import io.alertwire.fetch.feeds.ArticleTopic;
import io.alertwire.testing.KafkaBroker;
import io.alertwire.testing.PostgresDatabase;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Sources on private addresses, with the production policy (private addresses refused) except for
 * the one feed server the operator allowed: 127.0.0.1, where the healthy feed lives. 127.0.0.2 is
 * loopback too, but not allowed, and plays the internal address a feed must not reach.
 */
@QuarkusTest
@TestProfile(PrivateAddressTest.OnlyOwnFeedServerAllowed.class)
@WithTestResource(value = KafkaBroker.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresDatabase.class, scope = TestResourceScope.GLOBAL)
class PrivateAddressTest {

    public static class OnlyOwnFeedServerAllowed implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("alertwire.fetch.allow-private-addresses", "false",
                    "alertwire.fetch.allowed-networks", "127.0.0.1/32");
        }
    }

    private static WireMockServer feeds;
    private static ArticleTopic topic;

    private final String id = UUID.randomUUID().toString();

    @BeforeAll
    static void start() {
        feeds = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        feeds.start();
        topic = new ArticleTopic();
    }

    @AfterAll
    static void stop() {
        topic.close();
        feeds.stop();
    }

    private static String allowed(String path) {
        return "http://127.0.0.1:" + feeds.port() + path;
    }

    @Test
    void refusesSourceOnAPrivateAddressWhenItIsAdded() {
        Api.admin().body(Map.of("url", "http://169.254.169.254/latest/meta-data/")).post("/api/sources")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("link-local"));
    }

    @Test
    void marksSourceRedirectedToAPrivateAddressAsFailingWithoutRequestingIt() {
        String inside = "/" + id + "/inside.xml";
        String redirect = "/" + id + "/redirect.xml";
        feeds.stubFor(get(urlEqualTo(inside)).willReturn(aResponse().withBody("<rss/>")));
        feeds.stubFor(get(urlEqualTo(redirect)).willReturn(aResponse().withStatus(302)
                .withHeader("Location", "http://127.0.0.2:" + feeds.port() + inside)));

        SideBySide.onlyHostileFails(allowed(redirect), SideBySide.goodFeed(feeds, allowed(""), id), id, topic,
                "address not allowed: the host 127.0.0.2 is on a loopback address (127.0.0.2)");

        feeds.verify(0, getRequestedFor(urlEqualTo(inside)));
    }
}

package io.alertwire.fetch.source;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.alertwire.fetch.feeds.Api;
import io.alertwire.testing.KafkaBroker;
import io.alertwire.testing.PostgresDatabase;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
@WithTestResource(value = KafkaBroker.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresDatabase.class, scope = TestResourceScope.GLOBAL)
class SourceResourceTest {

    /** A URL unique to one test, on a host nobody polls: the sources here are created disabled. */
    private static String uniqueUrl() {
        return "http://feeds-" + UUID.randomUUID() + ".example.com/rss.xml";
    }

    private static Map<String, Object> disabled(String url) {
        Map<String, Object> body = new HashMap<>();
        body.put("url", url);
        body.put("enabled", false);
        return body;
    }

    @Test
    void createsSourceWithDefaults() {
        String url = uniqueUrl();
        String location = Api.admin().body(disabled(url)).post("/api/sources")
                .then().statusCode(201)
                .body("id", notNullValue())
                .body("url", equalTo(url))
                .body("name", equalTo(url.substring("http://".length(), url.indexOf("/rss.xml"))))
                .body("kind", nullValue())
                .body("pollInterval", equalTo("PT15M"))
                .body("enabled", equalTo(false))
                .body("consecutiveFailures", equalTo(0))
                .body("lastStatus", nullValue())
                .body("nextFetchAt", notNullValue())
                .body("createdAt", notNullValue())
                .extract().header("Location");

        String id = given().auth().oauth2(Api.TOKEN).get(location).then().statusCode(200)
                .body("url", equalTo(url)).extract().path("id");
        assertTrue(location.endsWith("/api/sources/" + id), location);
    }

    @Test
    void keepsGivenNameAndInterval() {
        Map<String, Object> body = disabled(uniqueUrl());
        body.put("name", "Yonhap");
        body.put("pollInterval", "PT5M");
        Api.admin().body(body).post("/api/sources").then().statusCode(201)
                .body("name", equalTo("Yonhap")).body("pollInterval", equalTo("PT5M"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "feeds/rss.xml", "ftp://example.com/rss.xml", "mailto:news@example.com",
        "http://user:secret@example.com/rss.xml", "http:///rss.xml"})
    void rejectsBadUrlNamingTheField(String url) {
        Api.admin().body(disabled(url)).post("/api/sources")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", hasItem("url"));
    }

    @Test
    void rejectsTooLongUrl() {
        String url = "http://example.com/" + "a".repeat(2048);
        Api.admin().body(disabled(url)).post("/api/sources")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("url"));
    }

    @Test
    void rejectsMissingUrl() {
        Api.admin().body(Map.of("name", "no url")).post("/api/sources")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("url"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"PT30S", "PT24H1S", "P2D"})
    void rejectsPollIntervalOutOfRange(String interval) {
        Map<String, Object> body = disabled(uniqueUrl());
        body.put("pollInterval", interval);
        Api.admin().body(body).post("/api/sources")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("pollInterval"));
    }

    @Test
    void rejectsPollIntervalThatIsNotADuration() {
        Map<String, Object> body = disabled(uniqueUrl());
        body.put("pollInterval", "15 minutes");
        Api.admin().body(body).post("/api/sources")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("pollInterval"))
                .body("errors.field", hasItem("pollInterval"));
    }

    @Test
    void rejectsMalformedJson() {
        Api.admin().body("{\"url\": nope}").post("/api/sources")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("not valid JSON"));
    }

    @Test
    void rejectsDuplicateUrlInAnySpelling() {
        String host = "dup-" + UUID.randomUUID() + ".example.com";
        Api.admin().body(disabled("http://" + host + "/feed?utm_source=x")).post("/api/sources")
                .then().statusCode(201);

        Api.admin().body(disabled("HTTP://" + host.toUpperCase() + ":80/feed#top")).post("/api/sources")
                .then().statusCode(409).contentType("application/problem+json").body("status", equalTo(409));
    }

    @Test
    void refusesSourcesWithoutToken() {
        given().contentType(ContentType.JSON).body(disabled(uniqueUrl())).post("/api/sources")
                .then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2("wrong-token").get("/api/sources")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void answers404ForUnknownSource() {
        Api.admin().get("/api/sources/987654321").then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404));
        Api.admin().get("/api/sources/not-a-number").then().statusCode(404)
                .contentType("application/problem+json");
        Api.admin().post("/api/sources/987654321/fetch").then().statusCode(404);
    }

    @Test
    void pagesSources() {
        for (int i = 0; i < 3; i++) {
            Api.createSource(disabled(uniqueUrl()));
        }
        int total = Api.admin().get("/api/sources?page=0&size=2").then().statusCode(200)
                .body("items", hasSize(2))
                .body("page", equalTo(0))
                .body("size", equalTo(2))
                .body("total", greaterThanOrEqualTo(3))
                .extract().path("total");
        Api.admin().get("/api/sources?page=" + (total - 1) + "&size=1").then().statusCode(200)
                .body("items", hasSize(1));
        Api.admin().get("/api/sources?page=" + total + "&size=1").then().statusCode(200)
                .body("items", empty());
        Api.admin().get("/api/sources").then().statusCode(200).body("size", equalTo(50));
    }

    @Test
    void rejectsBadPaging() {
        Api.admin().get("/api/sources?size=501").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("size"));
        Api.admin().get("/api/sources?page=-1").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("page"));
    }

    @Test
    void fetchNowMakesTheSourceDue() {
        Map<String, Object> body = disabled(uniqueUrl());
        body.put("pollInterval", "PT1H");
        String id = Api.createSource(body);
        Instant before = Instant.now();

        Api.admin().post("/api/sources/" + id + "/fetch").then().statusCode(202).body("id", equalTo(id));

        Instant next = Instant.parse(Api.source(id).getString("nextFetchAt"));
        assertFalse(next.isAfter(Instant.now()), "due now, not in an hour");
        assertFalse(next.isBefore(before.minusSeconds(5)));
    }

    @Test
    void rejectsBadArticleQueries() {
        Api.admin().get("/api/articles?since=yesterday").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("since"));
        Api.admin().get("/api/articles?limit=501").then().statusCode(400)
                .contentType("application/problem+json");
        Api.admin().get("/api/articles?since=2000-01-01T00:00:00Z&limit=1").then().statusCode(200);
        Api.admin().get("/api/articles?sourceId=x").then().statusCode(400)
                .body("detail", endsWith("must be a source id"));
    }

    @Test
    void patchesOnlyTheFieldsGiven() {
        String url = uniqueUrl();
        String id = Api.createSource(disabled(url));

        Api.admin().body(Map.of("name", "Renamed", "pollInterval", "PT30M")).patch("/api/sources/" + id)
                .then().statusCode(200)
                .body("name", equalTo("Renamed"))
                .body("pollInterval", equalTo("PT30M"))
                .body("url", equalTo(url))
                .body("enabled", equalTo(false));
        Api.admin().body(Map.of("enabled", false)).patch("/api/sources/" + id)
                .then().statusCode(200).body("name", equalTo("Renamed"));
        assertTrue(Api.source(id).getString("name").equals("Renamed"));
    }

    @Test
    void enablingASourceMakesItDue() {
        Map<String, Object> body = disabled(uniqueUrl());
        body.put("pollInterval", "PT1H");
        String id = Api.createSource(body);
        Api.admin().body(Map.of("pollInterval", "PT2H")).patch("/api/sources/" + id).then().statusCode(200);

        // read from the PATCH's answer: a later GET may come after the poller has already fetched it
        String nextFetchAt = Api.admin().body(Map.of("enabled", true, "url", "http://127.0.0.1:9/" + UUID.randomUUID()
                        + "/feed"))
                .patch("/api/sources/" + id).then().statusCode(200)
                .body("enabled", equalTo(true))
                .body("kind", nullValue())
                .extract().path("nextFetchAt");
        Instant next = Instant.parse(nextFetchAt);
        assertFalse(next.isAfter(Instant.now().plusSeconds(1)), "due now: " + next);
        Api.admin().body(Map.of("enabled", false)).patch("/api/sources/" + id).then().statusCode(200);
    }

    @Test
    void patchingTheUrlValidatesAndDuplicateChecksIt() {
        String taken = uniqueUrl();
        Api.createSource(disabled(taken));
        String mine = uniqueUrl();
        String id = Api.createSource(disabled(mine));

        Api.admin().body(Map.of("url", "ftp://example.com/feed")).patch("/api/sources/" + id)
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("url"));
        Api.admin().body(Map.of("url", taken.replace("http://feeds-", "HTTP://FEEDS-") + "#x"))
                .patch("/api/sources/" + id)
                .then().statusCode(409).contentType("application/problem+json");
        Api.admin().body(Map.of("url", mine + "?utm_source=again")).patch("/api/sources/" + id)
                .then().statusCode(200);
        String moved = uniqueUrl();
        Api.admin().body(Map.of("url", moved)).patch("/api/sources/" + id)
                .then().statusCode(200).body("url", equalTo(moved));
        Api.createSource(disabled(mine)); // the old URL is free again
    }

    @Test
    void rejectsBadPatches() {
        String id = Api.createSource(disabled(uniqueUrl()));
        Api.admin().body(Map.of("name", "  ")).patch("/api/sources/" + id)
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("name"));
        Api.admin().body(Map.of("pollInterval", "PT10S")).patch("/api/sources/" + id)
                .then().statusCode(400).body("errors.field", hasItem("pollInterval"));
        Api.admin().body(Map.of("name", "x")).patch("/api/sources/987654321")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void deletesASource() {
        String id = Api.createSource(disabled(uniqueUrl()));

        Api.admin().delete("/api/sources/" + id).then().statusCode(204);

        Api.admin().get("/api/sources/" + id).then().statusCode(404);
        Api.admin().delete("/api/sources/" + id).then().statusCode(404).contentType("application/problem+json");
    }
}

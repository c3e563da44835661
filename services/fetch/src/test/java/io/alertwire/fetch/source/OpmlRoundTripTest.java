package io.alertwire.fetch.source;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.alertwire.fetch.feeds.Api;
import io.alertwire.testing.KafkaBroker;
import io.alertwire.testing.PostgresDatabase;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** An export imported into an empty Alertwire gives back the same sources, switched on or off as they were. */
@QuarkusTest
@WithTestResource(value = KafkaBroker.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresDatabase.class, scope = TestResourceScope.GLOBAL)
class OpmlRoundTripTest {

    private final String run = UUID.randomUUID().toString();

    private String feedUrl(String name) {
        return "http://127.0.0.1:9/" + run + "/" + name;
    }

    @Test
    void exportCarriesEnabledAndPollIntervalBackIntoAnImport() {
        Map<String, Object> paused = new HashMap<>(Map.of("url", feedUrl("paused.xml"), "name", "Paused desk",
                "pollInterval", "PT45M", "enabled", false));
        Map<String, Object> hourly = new HashMap<>(Map.of("url", feedUrl("hourly.xml"), "name", "Hourly desk",
                "pollInterval", "PT3H"));
        String pausedId = Api.createSource(paused);
        String hourlyId = Api.createSource(hourly);

        String opml = Api.admin().get("/api/sources/export").then().statusCode(200).extract().asString();
        assertTrue(opml.contains("xmlns:alertwire=\"https://alertwire.io/ns/opml\""), opml);
        Api.admin().delete("/api/sources/" + pausedId).then().statusCode(204);
        Api.admin().delete("/api/sources/" + hourlyId).then().statusCode(204);

        JsonPath report = given().auth().oauth2(Api.TOKEN).contentType("text/x-opml").body(opml)
                .post("/api/sources/import").then().statusCode(200).extract().jsonPath();

        List<Map<String, String>> created = report.getList("created");
        Map<String, String> pausedAgain = created.stream().filter(c -> c.get("url").equals(feedUrl("paused.xml")))
                .findFirst().orElseThrow();
        Map<String, String> hourlyAgain = created.stream().filter(c -> c.get("url").equals(feedUrl("hourly.xml")))
                .findFirst().orElseThrow();
        JsonPath first = Api.source(pausedAgain.get("id"));
        assertEquals("Paused desk", first.getString("name"));
        assertEquals("PT45M", first.getString("pollInterval"));
        assertEquals(false, first.getBoolean("enabled"));
        JsonPath second = Api.source(hourlyAgain.get("id"));
        assertEquals("PT3H", second.getString("pollInterval"));
        assertEquals(true, second.getBoolean("enabled"));
    }

    @Test
    void importIgnoresUnreadableAlertwireAttributes() {
        String opml = """
                <opml version="2.0" xmlns:aw="https://alertwire.io/ns/opml"><body>
                  <outline text="odd" xmlUrl="%s" aw:pollInterval="every hour" aw:enabled="maybe"/>
                  <outline text="too often" xmlUrl="%s" aw:pollInterval="PT10S"/>
                </body></opml>
                """.formatted(feedUrl("odd.xml"), feedUrl("often.xml"));
        JsonPath report = given().auth().oauth2(Api.TOKEN).contentType("text/x-opml").body(opml)
                .post("/api/sources/import").then().statusCode(200).extract().jsonPath();

        assertEquals(2, report.getList("created").size());
        for (String id : report.getList("created.id", String.class)) {
            JsonPath source = Api.source(id);
            assertEquals("PT15M", source.getString("pollInterval"), "the default");
            assertEquals(true, source.getBoolean("enabled"));
            Api.admin().delete("/api/sources/" + id).then().statusCode(204);
        }
    }
}

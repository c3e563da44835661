package io.alertwire.fetch.source;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.alertwire.fetch.feeds.Api;
import io.alertwire.testing.KafkaBroker;
import io.alertwire.testing.PostgresDatabase;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** OPML in and out of the sources API. */
@QuarkusTest
@WithTestResource(value = KafkaBroker.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresDatabase.class, scope = TestResourceScope.GLOBAL)
class SourceImportExportTest {

    private final String run = UUID.randomUUID().toString();

    /** Feeds nobody serves: port 9 on loopback refuses at once, so the poller's attempts cost nothing. */
    private String feedUrl(String name) {
        return "http://127.0.0.1:9/" + run + "/" + name;
    }

    private static Response importOpml(String body, String contentType) {
        return given().auth().oauth2(Api.TOKEN).contentType(contentType).body(body).post("/api/sources/import");
    }

    @Test
    void importsNestedOutlinesAndReportsWhatItSkippedAndRefused() {
        String existing = feedUrl("existing.xml");
        Map<String, Object> disabled = new HashMap<>(Map.of("url", existing, "enabled", false));
        Api.createSource(disabled);
        String opml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <opml version="2.0">
                  <head><title>Korea</title></head>
                  <body>
                    <outline text="Top level" title="Top &amp; level" type="rss" xmlUrl="%s"/>
                    <outline text="Folder">
                      <outline text="Sub folder">
                        <outline text="Deep feed" type="rss" xmlURL="%s"/>
                      </outline>
                      <outline text="Already here" xmlUrl="%s"/>
                      <outline text="Top again" xmlUrl="%s"/>
                      <outline text="Not web" xmlUrl="ftp://example.com/feed"/>
                      <outline text="Not a URL" xmlUrl="just words"/>
                      <outline text="A web page, no feed" htmlUrl="https://example.com/"/>
                    </outline>
                  </body>
                </opml>
                """.formatted(feedUrl("top.xml"), feedUrl("deep.xml"), existing, feedUrl("top.xml") + "#again");

        JsonPath report = importOpml(opml, "text/x-opml").then().statusCode(200).extract().jsonPath();

        assertEquals(List.of(feedUrl("top.xml"), feedUrl("deep.xml")), report.getList("created.url"));
        assertEquals(List.of("Top & level", "Deep feed"), report.getList("created.name"));
        assertEquals(List.of(existing, feedUrl("top.xml") + "#again"), report.getList("skipped.url"));
        assertEquals(List.of("ftp://example.com/feed", "just words"), report.getList("invalid.url"));
        report.getList("invalid.reason", String.class).forEach(reason -> assertTrue(reason.startsWith("url "), reason));
        String deepId = report.getString("created[1].id");
        assertEquals(feedUrl("deep.xml"), Api.source(deepId).getString("url"));
    }

    @Test
    void acceptsXmlMediaTypes() {
        String opml = "<opml version=\"1.0\"><body><outline text=\"x\" xmlUrl=\"" + feedUrl("a.xml") + "\"/></body></opml>";
        importOpml(opml, "application/xml").then().statusCode(200).body("created[0].url", equalTo(feedUrl("a.xml")));
        importOpml(opml.replace("a.xml", "b.xml"), "text/xml; charset=utf-8").then().statusCode(200)
                .body("created[0].url", equalTo(feedUrl("b.xml")));
    }

    @Test
    void refusesBodiesThatAreNotOpml() {
        importOpml("<rss version=\"2.0\"><channel/></rss>", "application/xml").then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", equalTo("not OPML: the root element is <rss>, expected <opml>"));
        importOpml("<opml><body><outline xmlUrl=\"x\"></body></opml>", "text/x-opml").then().statusCode(400)
                .contentType("application/problem+json").body("detail", startsWith("not OPML: malformed XML at line 1"));
        importOpml("", "text/x-opml").then().statusCode(400).contentType("application/problem+json");
        importOpml("{\"opml\": true}", "application/json").then().statusCode(415)
                .contentType("application/problem+json");
    }

    @Test
    void refusesOpmlWithExternalEntity() {
        String hostile = "<?xml version=\"1.0\"?><!DOCTYPE opml [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<opml version=\"2.0\"><body><outline text=\"&x;\" xmlUrl=\"" + feedUrl("x.xml") + "\"/></body></opml>";
        importOpml(hostile, "text/x-opml").then().statusCode(400).contentType("application/problem+json")
                .body("detail", startsWith("XML not accepted: DOCTYPE is not allowed"));
        Api.admin().get("/api/sources?size=500").then().statusCode(200)
                .body(org.hamcrest.Matchers.not(containsString(feedUrl("x.xml"))));
    }

    @Test
    void refusesOversizedOpml() {
        String huge = "<opml><body>" + "<outline text=\"padding\"/>".repeat(100_000) + "</body></opml>";
        importOpml(huge, "text/x-opml").then().statusCode(413).contentType("application/problem+json");
    }

    @Test
    void exportedOpmlImportsBackToTheSameUrls() {
        Set<String> mine = Set.of(feedUrl("one.xml"), feedUrl("two.xml?a=1&b=2"), feedUrl("three.json"));
        Map<String, String> names = new HashMap<>();
        for (String url : mine) {
            String name = "Name <" + url.substring(url.lastIndexOf('/') + 1) + "> & \"quotes\" 남북";
            names.put(url, name);
            Api.createSource(new HashMap<>(Map.of("url", url, "name", name, "enabled", false)));
        }

        Response export = given().auth().oauth2(Api.TOKEN).get("/api/sources/export");
        export.then().statusCode(200).contentType(startsWith("text/x-opml"));
        String opml = export.asString();
        assertTrue(opml.contains("<opml version=\"2.0\""), opml);

        // delete ours, then import the whole export: ours come back, everything else is a duplicate
        List<Map<String, Object>> all = new java.util.ArrayList<>();
        for (int page = 0; ; page++) {
            List<Map<String, Object>> items = Api.admin().get("/api/sources?size=500&page=" + page)
                    .then().statusCode(200).extract().jsonPath().getList("items");
            if (items.isEmpty()) {
                break;
            }
            all.addAll(items);
        }
        for (Map<String, Object> source : all) {
            if (mine.contains(source.get("url"))) {
                Api.admin().delete("/api/sources/" + source.get("id")).then().statusCode(204);
            }
        }
        JsonPath report = importOpml(opml, "text/x-opml; charset=UTF-8").then().statusCode(200).extract().jsonPath();

        Set<String> created = report.getList("created.url", String.class).stream().collect(Collectors.toSet());
        assertEquals(mine, created);
        for (Map<String, Object> source : report.<Map<String, Object>>getList("created")) {
            assertEquals(names.get(source.get("url")), source.get("name"));
        }
        assertTrue(report.getList("invalid").isEmpty(), () -> "nothing exported may be invalid: " + report.prettify());
        assertEquals(all.size() - mine.size(), report.getList("skipped").size());
    }
}

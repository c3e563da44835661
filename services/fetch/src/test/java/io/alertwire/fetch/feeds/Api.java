package io.alertwire.fetch.feeds;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.util.Map;

/** The fetch-service admin API as the tests call it. */
public final class Api {

    public static final String TOKEN = "test-token";

    private Api() {
    }

    public static RequestSpecification admin() {
        return given().auth().oauth2(TOKEN).contentType(ContentType.JSON);
    }

    /** Creates a source and returns its id. */
    public static String createSource(Map<String, Object> body) {
        return admin().body(body).post("/api/sources").then().statusCode(201).extract().path("id");
    }

    /** A source, polled often enough for the tests. */
    public static String createSource(String url) {
        return createSource(Map.of("url", url, "pollInterval", "PT1M"));
    }

    public static JsonPath source(String id) {
        return admin().get("/api/sources/" + id).then().statusCode(200).extract().jsonPath();
    }
}

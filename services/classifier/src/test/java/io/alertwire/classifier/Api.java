package io.alertwire.classifier;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.UUID;

/** Helpers for tests that talk to the admin API. Topics are global state: give each a unique name. */
public final class Api {

    public static final String TOKEN = "test-token";

    private Api() {
    }

    public static RequestSpecification admin() {
        return given().header("Authorization", "Bearer " + TOKEN).contentType(ContentType.JSON);
    }

    /** A word no other test and no real article uses, so a topic built on it matches only on purpose. */
    public static String uniqueWord() {
        return "kw" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    /** Creates a topic with a unique name and returns its id. */
    public static String createTopic(String query) {
        return createTopic(Map.of("name", "Test topic " + UUID.randomUUID(), "query", query));
    }

    public static String createTopic(Map<String, Object> body) {
        return admin().body(body).post("/api/topics").then().statusCode(201).extract().path("id");
    }
}

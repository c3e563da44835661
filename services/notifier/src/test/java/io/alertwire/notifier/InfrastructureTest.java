package io.alertwire.notifier;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.alertwire.testing.KafkaBroker;
import io.alertwire.testing.PostgresDatabase;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = KafkaBroker.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresDatabase.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = GreenMailSmtp.class, scope = TestResourceScope.GLOBAL)
class InfrastructureTest {

    @Test
    void isReadyWithKafkaAndDatabase() {
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void refusesAdminApiWithoutToken() {
        given().when().get("/api/subscriptions").then().statusCode(401)
                .contentType("application/problem+json").body("status", equalTo(401));
    }

    @Test
    void refusesAdminApiWithWrongToken() {
        given().auth().oauth2("not-the-token").when().get("/api/subscriptions").then().statusCode(401)
                .contentType("application/problem+json");
    }
}

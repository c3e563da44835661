package io.alertwire.fetch.feeds;

import io.restassured.RestAssured;

/** Reads one series of the service's Prometheus output at {@code /q/metrics}. */
public final class Metrics {

    private Metrics() {
    }

    /**
     * The current value of a series, named as Prometheus prints it, e.g.
     * {@code alertwire_fetch_fetches_total{outcome="ok"}}; 0 when it is not there (yet).
     */
    public static double value(String series) {
        String text = RestAssured.get("/q/metrics").then().statusCode(200).extract().asString();
        for (String line : text.split("\n")) {
            if (line.startsWith(series + " ")) {
                return Double.parseDouble(line.substring(series.length() + 1).strip().split(" ")[0]);
            }
        }
        return 0;
    }
}

/**
 * Fault injection for the crash tests, and nothing else: switched off unless the configuration
 * says otherwise, and never to be switched on in production.
 *
 * <p>The promise "one alert per (subscription, story), never none" has to hold when the process
 * dies at the worst moment, which an in-JVM test cannot show (a JVM cannot kill itself and look at
 * what it left behind). So {@code alertwire.notifier.test.crash-at} names one point of the way
 * from a match to a sent alert, and the process halts there with {@link java.lang.Runtime#halt}:
 * no shutdown hooks, no offsets committed, no transaction finished, as a SIGKILL or an OOM kill
 * would leave it. The end-to-end tests in {@code deploy/local} ({@code NotifierCrashIT}) start the
 * packaged service with a point set, let it die there, start it again without it, and count what
 * the receivers got.
 *
 * <p>What each point leaves behind, and what the restarted service then does:
 * <ul>
 *   <li>{@code after-db-write}: the match's deliveries are committed, its Kafka offset is not. The
 *       match is read again and the unique key on (subscription, story) turns it into nothing;
 *       nothing was sent yet, so each alert goes out once. No re-send.</li>
 *   <li>{@code after-send}: the receivers took the alerts of a claimed batch, nothing recorded
 *       it. The rows stay pending under their lease and are sent again when it ends: a
 *       <b>re-send</b> with the same {@code webhook-id} (the delivery id) and the same mail
 *       {@code Message-ID}, by which the receiver drops the repeat.</li>
 *   <li>{@code before-commit}: as {@code after-send}, one step later: the batch's rows were
 *       marked sent inside the recording transaction, which never commits. The database rolls
 *       it back, so again a <b>re-send</b> with the same ids; and no "Delivery … sent" line was
 *       logged, since that line is written only once the commit succeeded.</li>
 * </ul>
 * No point can lose an alert: a delivery leaves {@code pending} only in the transaction that
 * records its successful send.
 */
package io.alertwire.notifier.fault;

/**
 * The one-command local stack and the harness of the end-to-end test.
 *
 * <p>One JVM (started by {@code deploy/local/run.sh}) holds the infrastructure a laptop lacks —
 * PostgreSQL ({@link io.alertwire.local.PostgresServer}), a single-node KRaft Kafka
 * ({@link io.alertwire.local.KafkaNode}) and an SMTP sink ({@link io.alertwire.local.SmtpSink}) —
 * and runs the three services as <em>separate processes from their packaged apps</em>
 * ({@link io.alertwire.local.ServiceProcess}), configured only by environment variables. So what
 * runs locally, and what the end-to-end test checks, is the artifact that ships, not a test
 * double: the same configuration names, the same Flyway migrations, the same Kafka topics.
 *
 * <p>Everything kept lives in one data folder, so a restart resumes where the last run stopped and
 * deleting the folder resets the stack. {@link io.alertwire.local.LocalStack} starts the parts in
 * dependency order and stops them in reverse, from the JVM's shutdown hook, so Ctrl-C and SIGTERM
 * leave nothing running; a launcher killed without its hook is cleaned up at the next start
 * ({@link io.alertwire.local.LeftoverProcesses}).
 */
package io.alertwire.local;

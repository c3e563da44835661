package io.alertwire.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalStackSettingsTest {

    private final Path root = Path.of("/repo");

    @Test
    void defaultsToTheDocumentedPortsAndFolders() {
        LocalStackSettings s = LocalStackSettings.fromEnvironment(root, Map.of(), false);
        assertEquals(Path.of("/repo/deploy/local/data"), s.dataDir());
        assertEquals(Path.of("/repo/deploy/local/.token"), s.tokenFile());
        assertEquals(9092, s.kafkaPort());
        assertEquals(9093, s.kafkaControllerPort());
        assertEquals(2525, s.smtpPort());
        assertEquals(15432, s.postgresPort());
        assertEquals(8081, s.fetchPort());
        assertEquals(8082, s.classifierPort());
        assertEquals(8083, s.notifierPort());
        assertEquals(8090, s.demoPort());
    }

    @Test
    void readsPortsAndFoldersFromTheEnvironment() {
        LocalStackSettings s = LocalStackSettings.fromEnvironment(root, Map.of(
                "ALERTWIRE_DATA_DIR", "/var/alertwire", "ALERTWIRE_KAFKA_PORT", "19092",
                "ALERTWIRE_TOKEN_FILE", "tmp/token"), true);
        assertEquals(Path.of("/var/alertwire"), s.dataDir());
        assertEquals(Path.of("/repo/tmp/token"), s.tokenFile());
        assertEquals(19092, s.kafkaPort());
        assertEquals(19093, s.kafkaControllerPort());
    }

    @Test
    void rejectsAPortThatIsNotOne() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LocalStackSettings.fromEnvironment(root, Map.of("ALERTWIRE_SMTP_PORT", "smtp"), false));
        assertEquals("ALERTWIRE_SMTP_PORT must be a TCP port (1-65535), got 'smtp'", e.getMessage());
    }

    @Test
    void namesFurtherReplicasAfterTheirService() {
        LocalStackSettings one = LocalStackSettings.fromEnvironment(root, Map.of(), false);
        assertEquals(java.util.List.of("notifier"), one.instancesOf("notifier"));
        LocalStackSettings three = one.withReplicas(3).withServiceEnvironment(Map.of("ALERTWIRE_FETCH_TICK", "1s"));
        assertEquals(java.util.List.of("notifier", "notifier-2", "notifier-3"), three.instancesOf("notifier"));
        assertEquals(Map.of("ALERTWIRE_FETCH_TICK", "1s"), three.serviceEnvironment());
        assertThrows(IllegalArgumentException.class, () -> one.withReplicas(0));
    }
}

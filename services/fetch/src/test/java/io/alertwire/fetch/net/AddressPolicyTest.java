package io.alertwire.fetch.net;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AddressPolicyTest {

    private final AddressPolicy strict = new AddressPolicy(NetConfigs.of(false));
    private final AddressPolicy permissive = new AddressPolicy(NetConfigs.of(true));

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8080/feed", "http://10.20.3.4/rss", "http://[fd00:1::7]/rss"})
    void allowsListedNetworksOnly(String url) {
        AddressPolicy listed = new AddressPolicy(NetConfigs.of(false, "127.0.0.1/32", "10.20.0.0/16", "fd00:1::/64"));
        assertDoesNotThrow(() -> listed.check(URI.create(url)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.2:8080/feed", "http://10.21.3.4/rss", "http://[fd00:2::7]/rss",
        "http://169.254.169.254/latest/meta-data/"})
    void refusesPrivateAddressesOutsideTheListedNetworks(String url) {
        AddressPolicy listed = new AddressPolicy(NetConfigs.of(false, "127.0.0.1/32", "10.20.0.0/16", "fd00:1::/64"));
        ForbiddenAddressException refused = assertThrows(ForbiddenAddressException.class,
                () -> listed.check(URI.create(url)));
        assertTrue(refused.getMessage().contains("only public addresses are allowed"), refused.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"intranet.example/24", "10.0.0.0/33", "10.0.0.0/x"})
    void refusesAnAllowedNetworkThatIsNotCidr(String network) {
        assertThrows(IllegalArgumentException.class, () -> new AddressPolicy(NetConfigs.of(false, network)));
    }

    @ParameterizedTest
    @CsvSource({
        "127.0.0.1, loopback",
        "127.8.9.10, loopback",
        "::1, loopback",
        "10.1.2.3, private",
        "172.16.0.1, private",
        "172.31.255.255, private",
        "192.168.1.1, private",
        "169.254.169.254, link-local",
        "fe80::1, link-local",
        "100.64.0.1, shared (CGNAT)",
        "100.127.255.254, shared (CGNAT)",
        "0.0.0.0, any-local",
        "::, any-local",
        "224.0.0.251, multicast",
        "ff02::1, multicast",
        "fc00::1, unique-local",
        "fd12:3456:789a::1, unique-local",
        "::ffff:10.0.0.1, private",
    })
    void recognisesNonPublicAddresses(String address, String kind) throws Exception {
        assertEquals(kind, AddressPolicy.nonPublicKind(InetAddress.getByName(address)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.215.14", "8.8.8.8", "172.32.0.1", "100.128.0.1", "192.169.0.1",
        "2606:4700::1111"})
    void acceptsPublicAddresses(String address) throws Exception {
        assertNull(AddressPolicy.nonPublicKind(InetAddress.getByName(address)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8080/feed", "http://localhost/feed", "http://[::1]/feed",
        "http://169.254.169.254/latest/meta-data/", "https://10.0.0.5/rss", "http://[fd00::5]/rss"})
    void refusesUrlsOnNonPublicHostsWithAReadableReason(String url) {
        ForbiddenAddressException refused = assertThrows(ForbiddenAddressException.class,
                () -> strict.check(URI.create(url)));
        assertTrue(refused.getMessage().contains("only public addresses are allowed"), refused.getMessage());
    }

    @Test
    void namesTheHostAndAddressInTheReason() {
        ForbiddenAddressException refused = assertThrows(ForbiddenAddressException.class,
                () -> strict.check(URI.create("http://169.254.169.254/latest/meta-data/")));
        assertEquals("the host 169.254.169.254 is on a link-local address (169.254.169.254); "
                + "only public addresses are allowed", refused.getMessage());
    }

    @Test
    void acceptsPublicLiteralAddresses() {
        assertDoesNotThrow(() -> strict.check(URI.create("https://8.8.8.8/feed")));
    }

    @Test
    void allowsEverythingWhenTheOperatorSaysSo() {
        assertDoesNotThrow(() -> permissive.check(URI.create("http://127.0.0.1/feed")));
        assertDoesNotThrow(() -> permissive.check(URI.create("http://169.254.169.254/")));
    }
}

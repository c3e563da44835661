package io.alertwire.notifier.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WebhookAddressPolicyTest {

    private final WebhookAddressPolicy strict = new WebhookAddressPolicy(new WebhookResolver(), false, List.of());
    private final WebhookAddressPolicy lenient = new WebhookAddressPolicy(new WebhookResolver(), true, List.of());

    @Test
    void recognisesInternalAddresses() throws UnknownHostException {
        for (String internal : List.of("127.0.0.1", "127.8.9.10", "10.1.2.3", "172.16.0.1", "172.31.255.255",
                "192.168.1.1", "169.254.169.254", "169.254.0.1", "100.64.0.1", "100.127.255.254", "0.0.0.0",
                "224.0.0.1", "255.255.255.255", "::1", "::", "fc00::1", "fd12:3456::1", "fe80::1", "ff02::1",
                "::ffff:127.0.0.1", "::ffff:10.0.0.1", "::ffff:169.254.169.254", "::127.0.0.1", "fd00:ec2::254",
                "64:ff9b::10.0.0.1", "2002:c0a8:0101::1", "198.18.0.1", "192.0.0.8", "240.0.0.1", "fec0::1")) {
            assertTrue(WebhookAddressPolicy.isInternal(InetAddress.getByName(internal)), internal);
        }
    }

    @Test
    void letsPublicAddressesThrough() throws UnknownHostException {
        for (String external : List.of("8.8.8.8", "93.184.215.14", "100.63.255.255", "100.128.0.1", "172.32.0.1",
                "2001:4860:4860::8888", "2a00:1450:4001:80b::200e")) {
            assertFalse(WebhookAddressPolicy.isInternal(InetAddress.getByName(external)), external);
        }
    }

    @Test
    void refusesMetadataAndLoopbackTargetsWithAReadableReason() {
        Optional<String> metadata = strict.check(URI.create("http://169.254.169.254/latest/meta-data"));
        assertTrue(metadata.isPresent());
        assertTrue(metadata.get().contains("169.254.169.254"), metadata.get());
        assertTrue(strict.check(URI.create("http://localhost:8080/hook")).isPresent());
        assertTrue(strict.check(URI.create("https://[::1]/hook")).isPresent());
        assertTrue(strict.check(URI.create("http://10.0.0.5/hook")).isPresent());
    }

    @Test
    void acceptsPublicTargets() {
        assertEquals(Optional.empty(), strict.check(URI.create("https://93.184.215.14/hook")));
    }

    @Test
    void operatorMayAllowPrivateTargets() {
        assertEquals(Optional.empty(), lenient.check(URI.create("http://127.0.0.1:9999/hook")));
        assertEquals(Optional.empty(), lenient.check(URI.create("http://169.254.169.254/")));
    }

    @Test
    void operatorAllowedRangesLetOnlyThoseInternalAddressesThrough() {
        WebhookAddressPolicy partner = new WebhookAddressPolicy(new WebhookResolver(), false,
                List.of(AddressRange.parse("10.20.0.0/16"), AddressRange.parse("fd12:3456::/32")));

        assertEquals(Optional.empty(), partner.check(URI.create("http://10.20.30.40/hook")));
        assertEquals(Optional.empty(), partner.check(URI.create("http://[fd12:3456::1]/hook")));
        assertTrue(partner.check(URI.create("http://10.21.0.1/hook")).isPresent());
        assertTrue(partner.check(URI.create("http://169.254.169.254/hook")).isPresent());
    }

    @Test
    void readsAddressRangesAndRejectsWhatIsNotOne() {
        assertTrue(AddressRange.parse("100.64.0.0/10").contains(address("100.127.255.255")));
        assertFalse(AddressRange.parse("100.64.0.0/10").contains(address("100.128.0.0")));
        assertTrue(AddressRange.parse("192.0.2.7").contains(address("192.0.2.7")));
        assertFalse(AddressRange.parse("::/0").contains(address("8.8.8.8")), "IPv6 ranges hold no IPv4 address");
        for (String bad : List.of("intranet.example/8", "10.0.0.0/33", "10.0.0.0/x", "fc00::/129", "")) {
            assertThrows(IllegalArgumentException.class, () -> AddressRange.parse(bad), bad);
        }
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void refusesHostsThatDoNotResolve() {
        assertTrue(strict.check(URI.create("http://does-not-exist.invalid/hook")).isPresent());
    }
}

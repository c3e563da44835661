package io.alertwire.fetch.websub;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class HubSignatureTest {

    private static final byte[] BODY = "<feed xmlns=\"http://www.w3.org/2005/Atom\"/>".getBytes(StandardCharsets.UTF_8);
    private static final String SECRET = "0123456789abcdef";

    @ParameterizedTest
    @ValueSource(strings = {"sha1", "sha256", "sha384", "sha512"})
    void acceptsEveryMethodAHubMayUse(String method) {
        assertTrue(HubSignature.verifies(HubSignature.header(method, BODY, SECRET), BODY, SECRET));
        assertTrue(HubSignature.verifies(HubSignature.header(method, BODY, SECRET).toUpperCase(), BODY, SECRET),
                "method and hex digits in upper case");
    }

    @Test
    void rejectsAnotherSecretOrAChangedBody() {
        String header = HubSignature.header("sha256", BODY, SECRET);
        assertFalse(HubSignature.verifies(header, BODY, "another secret"));
        byte[] changed = BODY.clone();
        changed[3] ^= 1;
        assertFalse(HubSignature.verifies(header, changed, SECRET));
    }

    @Test
    void rejectsMissingOrMalformedSignatures() {
        String hex = HubSignature.header("sha256", BODY, SECRET).substring("sha256=".length());
        assertFalse(HubSignature.verifies(null, BODY, SECRET));
        assertFalse(HubSignature.verifies("", BODY, SECRET));
        assertFalse(HubSignature.verifies(hex, BODY, SECRET), "no method");
        assertFalse(HubSignature.verifies("md5=" + hex, BODY, SECRET), "a method WebSub does not allow");
        assertFalse(HubSignature.verifies("sha256=zz" + hex, BODY, SECRET), "not hex");
        assertFalse(HubSignature.verifies("sha256=" + hex.substring(2), BODY, SECRET), "truncated");
    }
}

package io.alertwire.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class MailTextTest {

    @Test
    void findsTheConfirmationLinkInPlainTextAndHtml() {
        assertEquals(Optional.of("http://127.0.0.1:8083/confirm?token=abc.DEF-123_x"),
                MailText.confirmLink("Confirm: http://127.0.0.1:8083/confirm?token=abc.DEF-123_x\nThanks"));
        assertEquals(Optional.of("http://127.0.0.1:8083/confirm?token=abc"),
                MailText.confirmLink("<a href=\"http://127.0.0.1:8083/confirm?token=abc&amp;utm=x\">confirm</a>"));
    }

    @Test
    void findsNoConfirmationLinkInAnAlert() {
        assertTrue(MailText.confirmLink("Unsubscribe: http://127.0.0.1:8083/unsubscribe?token=abc").isEmpty());
    }
}

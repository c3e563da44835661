package io.alertwire.notifier;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reading what GreenMail received, for the tests. */
public final class TestMails {

    private TestMails() {
    }

    /** Waits for a message to {@code address} with exactly this subject. */
    public static MimeMessage awaitMail(GreenMail smtp, String address, String subject) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> mailsTo(smtp, address).stream()
                        .filter(m -> subject.equals(subject(m))).findFirst(), Optional::isPresent)
                .orElseThrow();
    }

    public static List<MimeMessage> mailsTo(GreenMail smtp, String address) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                Address[] to = m.getAllRecipients();
                return to != null && Arrays.stream(to).anyMatch(a -> a.toString().contains(address));
            } catch (Exception e) {
                return false;
            }
        }).toList();
    }

    public static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (Exception e) {
            return "";
        }
    }

    /** The value of a header, unfolded (RFC 5322 §2.2.3), or null when the message has none. */
    public static String header(MimeMessage message, String name) throws Exception {
        String[] values = message.getHeader(name);
        return values == null ? null : String.join("\n", values).replaceAll("\r?\n(?=[ \t])", "");
    }

    /** The text parts of a message by content type (text/plain, text/html). */
    public static Map<String, String> parts(Part message) throws Exception {
        Map<String, String> parts = new HashMap<>();
        collect(message, parts);
        assertTrue(parts.containsKey("text/plain") && parts.containsKey("text/html"), parts.keySet().toString());
        return parts;
    }

    private static void collect(Part part, Map<String, String> into) throws Exception {
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                collect(child, into);
            }
        } else if (part.isMimeType("text/plain")) {
            into.put("text/plain", part.getContent().toString());
        } else if (part.isMimeType("text/html")) {
            into.put("text/html", part.getContent().toString());
        }
    }
}

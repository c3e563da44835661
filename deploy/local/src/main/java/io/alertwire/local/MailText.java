package io.alertwire.local;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The decoded text of a mail (every text part, plain and HTML), and the links found in it. */
public final class MailText {

    private static final Pattern CONFIRM_LINK =
            Pattern.compile("https?://[^\\s\"'<>]+/confirm\\?token=[^\\s\"'<>&]+");

    private MailText() {
    }

    public static String of(Part part) {
        StringBuilder text = new StringBuilder();
        try {
            append(part, text);
        } catch (IOException | MessagingException e) {
            text.append("\n[unreadable part: ").append(e).append("]");
        }
        return text.toString();
    }

    public static MimeMessage read(Path emlFile) throws IOException, MessagingException {
        try (InputStream in = Files.newInputStream(emlFile)) {
            return new MimeMessage(Session.getInstance(new Properties()), in);
        }
    }

    /** The double opt-in link of a confirmation mail, as a user would click it. */
    public static Optional<String> confirmLink(String text) {
        Matcher m = CONFIRM_LINK.matcher(text.replace("&amp;", "&"));
        return m.find() ? Optional.of(m.group()) : Optional.empty();
    }

    private static void append(Part part, StringBuilder text) throws IOException, MessagingException {
        if (part.isMimeType("text/*")) {
            Object content = part.getContent();
            text.append(content instanceof String s ? s : "").append('\n');
        } else if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                append(body, text);
            }
        } else if (part.isMimeType("message/rfc822")) {
            append((Part) part.getContent(), text);
        }
    }
}

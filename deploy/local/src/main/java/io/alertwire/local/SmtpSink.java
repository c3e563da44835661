package io.alertwire.local;

import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.mail.MovingMessage;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.user.MessageDeliveryHandler;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An SMTP server on loopback that accepts every message (GreenMail, no authentication) and saves
 * each delivery — one per recipient — as an {@code .eml} file, so that alert emails can be opened
 * in any mail client. The last messages are also kept in memory for the demo and the tests.
 */
public final class SmtpSink implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SmtpSink.class);
    private static final DateTimeFormatter FILE_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);
    private static final int KEPT_IN_MEMORY = 500;

    /** One delivered message: to whom, the message, and the file it was saved to. */
    public record ReceivedMail(String recipient, MimeMessage message, Path file) {

        public String subject() {
            try {
                return message.getSubject();
            } catch (MessagingException e) {
                return "";
            }
        }

        public String text() {
            return MailText.of(message);
        }
    }

    private final GreenMail greenMail;
    private final Path mailDir;
    private final AtomicLong sequence = new AtomicLong();
    private final List<ReceivedMail> received = new ArrayList<>();
    private final ScheduledExecutorService purger = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "smtp-sink-purge");
        t.setDaemon(true);
        return t;
    });

    private SmtpSink(GreenMail greenMail, Path mailDir) {
        this.greenMail = greenMail;
        this.mailDir = mailDir;
    }

    public static SmtpSink start(int port, Path mailDir) throws IOException {
        Files.createDirectories(mailDir);
        GreenMail greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        SmtpSink sink = new SmtpSink(greenMail, mailDir);
        greenMail.start();
        MessageDeliveryHandler store = greenMail.getUserManager().getMessageDeliveryHandler();
        greenMail.getUserManager().setMessageDeliveryHandler((message, recipient) -> {
            sink.save(message, recipient);
            return store.handle(message, recipient);
        });
        // the files are the record; GreenMail's own mailboxes would only grow
        sink.purger.scheduleWithFixedDelay(sink::purgeMailboxes, 10, 10, TimeUnit.MINUTES);
        LOG.info("SMTP sink ready on 127.0.0.1:{} (mails saved in {})", port, mailDir);
        return sink;
    }

    public Path mailDir() {
        return mailDir;
    }

    /** How many deliveries (one per recipient) were received since start. */
    public long count() {
        return sequence.get();
    }

    /** The messages received since start (the last {@value #KEPT_IN_MEMORY}), oldest first. */
    public synchronized List<ReceivedMail> received() {
        return List.copyOf(received);
    }

    /** Waits for a message that matches; empty if none arrived in time. */
    public Optional<ReceivedMail> await(Predicate<ReceivedMail> wanted, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            Optional<ReceivedMail> found = received().stream().filter(wanted).findFirst();
            if (found.isPresent() || Instant.now().isAfter(deadline)) {
                return found;
            }
            Ports.sleep(200);
        }
    }

    private void save(MovingMessage moving, MailAddress recipient) {
        MimeMessage message = moving.getMessage();
        String address = recipient.getEmail();
        Path file = mailDir.resolve(FILE_TIME.format(Instant.now()) + "-" + sequence.incrementAndGet() + "-"
                + address.replaceAll("[^A-Za-z0-9@._-]", "_") + ".eml");
        try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW)) {
            message.writeTo(out);
        } catch (IOException | MessagingException e) {
            LOG.warn("could not save a mail to {}: {}", file, e.toString());
        }
        ReceivedMail mail = new ReceivedMail(address, message, file);
        synchronized (this) {
            received.add(mail);
            if (received.size() > KEPT_IN_MEMORY) {
                received.remove(0);
            }
        }
        // never a full address at INFO: the domain is enough to tell alerts from confirmations
        LOG.info("mail received for @{}: \"{}\" -> {}", recipient.getHost(), mail.subject(), file.getFileName());
    }

    private void purgeMailboxes() {
        try {
            greenMail.purgeEmailFromAllMailboxes();
        } catch (FolderException | RuntimeException e) {
            LOG.debug("purging GreenMail's mailboxes failed: {}", e.toString());
        }
    }

    @Override
    public void close() {
        purger.shutdownNow();
        greenMail.stop();
        LOG.info("SMTP sink stopped");
    }
}

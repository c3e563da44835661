package io.alertwire.fetch.feed;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Runs every file of the W3C Feed Validator's test suite through the parser. The suite is made of
 * small, often deliberately broken feeds, each opening with a comment that says what it tests
 * ({@code Description:}) and what the validator reports ({@code Expect:}). It is not ours to
 * commit, so it is read from the shared corpus next to the repository, and the test is skipped
 * when the corpus is absent.
 *
 * <p>What must hold: no file crashes the parser or runs past its time box; every rejection carries a
 * readable reason; every well-formed, non-hostile RSS/RDF/Atom file parses; every hostile one (a
 * DOCTYPE with an internal subset) is rejected. Well-formedness is judged independently of the
 * parser under test, by the JDK's SAX parser (external entities off) plus the suite's own
 * {@code SAXError} expectations.
 */
class W3cCorpusTest {

    private static final Path CORPUS = Path.of("shared", "corpus", "feeds", "w3c-feedvalidator");
    private static final Duration TIME_BOX = Duration.ofSeconds(10);
    private static final Pattern EXPECT = Pattern.compile("Expect:\\s*(\\S[^\\n]*)");
    private static final Pattern INTERNAL_SUBSET = Pattern.compile("<!DOCTYPE[^>]*?\\[", Pattern.CASE_INSENSITIVE);
    /** A Java class name (java.io.IOException, org.xml.sax.SAXParseException) or a bare *Exception. */
    private static final Pattern CLASS_NAME = Pattern.compile("\\b[a-z]+(\\.[a-z0-9]+)+\\.[A-Z]\\w+|\\w+Exception\\b");

    private final FeedParser parser = new FeedParser(() -> Duration.ofDays(365 * 100));
    private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "corpus-parse");
        thread.setDaemon(true); // a parse that hangs must not keep the test JVM alive
        return thread;
    });

    @AfterEach
    void stop() {
        worker.shutdownNow();
    }

    /** What one file is, judged without the parser under test. */
    private record Classified(Path file, String expect, boolean hostile, boolean wellFormed, String root) {

        boolean isFeedFormat() {
            return root != null && (root.equals("rss") || root.equals("RDF") || root.equals("feed"));
        }
    }

    @Test
    void parsesEveryWellFormedFeedOfTheW3cSuiteAndRejectsTheRestReadably() throws Exception {
        Path corpus = repositoryRoot().resolve("..").resolve(CORPUS).normalize();
        Assumptions.assumeTrue(Files.isDirectory(corpus),
                "W3C feed validator corpus not found at " + corpus + "; skipping the corpus test");

        List<Path> files;
        try (Stream<Path> walk = Files.walk(corpus)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(file -> !file.getFileName().toString().equals("LICENSE"))
                    .sorted().toList();
        }
        int parsed = 0;
        int items = 0;
        int opml = 0;
        Map<String, Integer> rejectedByReason = new TreeMap<>();
        Map<String, Integer> otherRoots = new TreeMap<>();
        List<String> crashed = new ArrayList<>();
        List<String> unreadableReasons = new ArrayList<>();
        List<String> wronglyRejected = new ArrayList<>();
        List<String> hostileAccepted = new ArrayList<>();
        int wellFormedFeeds = 0;
        int hostile = 0;

        for (Path file : files) {
            byte[] body = Files.readAllBytes(file);
            Classified what = classify(file, body);
            String name = corpus.relativize(file).toString();
            if (what.hostile()) {
                hostile++;
            }
            if (what.wellFormed() && !what.hostile() && what.isFeedFormat()) {
                wellFormedFeeds++;
            }
            Future<ParsedFeed> attempt = worker.submit(() -> parser.parse(body, null,
                    URI.create("https://feeds.example.com/" + name), "1", "corpus", Instant.now()));
            try {
                ParsedFeed feed = attempt.get(TIME_BOX.toMillis(), TimeUnit.MILLISECONDS);
                parsed++;
                items += feed.articles().size() + feed.skipped();
                if (what.hostile()) {
                    hostileAccepted.add(name);
                }
            } catch (TimeoutException e) {
                attempt.cancel(true);
                crashed.add(name + ": no answer within " + TIME_BOX.toSeconds() + " s");
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof FeedRejectedException rejected)) {
                    crashed.add(name + ": " + e.getCause());
                    continue;
                }
                String reason = rejected.getMessage();
                if (reason == null || reason.isBlank() || CLASS_NAME.matcher(reason).find()) {
                    unreadableReasons.add(name + ": " + reason);
                }
                String reasonClass = reasonClass(reason);
                rejectedByReason.merge(reasonClass, 1, Integer::sum);
                if (reasonClass.equals("OPML")) {
                    opml++;
                }
                if (reasonClass.equals("other XML")) {
                    otherRoots.merge(String.valueOf(what.root()), 1, Integer::sum);
                }
                if (what.wellFormed() && !what.hostile() && what.isFeedFormat()) {
                    wronglyRejected.add(name + " [" + what.expect() + "]: " + reason);
                }
            }
        }

        String report = "W3C feed validator corpus: files=" + files.size() + " parsed=" + parsed
                + " rejected=" + (files.size() - parsed - crashed.size()) + " (of which OPML=" + opml + ")"
                + " crashed=" + crashed.size() + " items=" + items
                + "\n  well-formed non-hostile RSS/RDF/Atom files=" + wellFormedFeeds
                + " hostile files=" + hostile
                + "\n  rejected by reason: " + rejectedByReason
                + "\n  root elements of the 'other XML': " + otherRoots;
        System.out.println(report);
        Path out = Path.of("target", "w3c-corpus-counts.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report + "\n");

        assertTrue(crashed.isEmpty(), "crashed or hung: " + crashed);
        assertTrue(unreadableReasons.isEmpty(), "rejections without a readable reason: " + unreadableReasons);
        assertTrue(hostileAccepted.isEmpty(), "hostile files parsed: " + hostileAccepted);
        assertTrue(wronglyRejected.isEmpty(),
                wronglyRejected.size() + " well-formed, non-hostile feeds rejected:\n" + String.join("\n", wronglyRejected));
        assertTrue(parsed > 0 && items > 0, "nothing parsed at all: " + report);
    }

    /** The folder holding mvnw, from the module folder the tests run in. */
    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("mvnw"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no folder holding mvnw above " + Path.of("").toAbsolutePath());
    }

    private static Classified classify(Path file, byte[] body) {
        String text = new String(body, java.nio.charset.StandardCharsets.ISO_8859_1);
        Matcher expect = EXPECT.matcher(text);
        String expected = expect.find() ? expect.group(1).strip() : "";
        boolean hostile = INTERNAL_SUBSET.matcher(text).find() || expected.startsWith("ContainsSystemEntity");
        String[] root = new String[1];
        boolean wellFormed;
        try {
            SAXParserFactory factory = SAXParserFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            SAXParser sax = factory.newSAXParser();
            sax.parse(new InputSource(new ByteArrayInputStream(body)), new DefaultHandler() {
                @Override
                public void startElement(String uri, String localName, String qName, Attributes attributes) {
                    if (root[0] == null) {
                        root[0] = localName;
                    }
                }
            });
            wellFormed = !expected.startsWith("SAXError");
        } catch (Exception e) {
            wellFormed = false;
        }
        return new Classified(file, expected, hostile, wellFormed, root[0]);
    }

    /** Groups reasons for the report: the kind of refusal, without lines and details. */
    static String reasonClass(String reason) {
        if (reason == null) {
            return "none";
        }
        if (reason.startsWith("XML not accepted: DOCTYPE")) {
            return "DOCTYPE refused";
        }
        if (reason.contains("OPML")) {
            return "OPML";
        }
        if (reason.contains("malformed XML")) {
            return "malformed XML";
        }
        if (reason.contains("malformed JSON") || reason.contains("JSON")) {
            return "not a JSON Feed";
        }
        if (reason.contains("HTML")) {
            return "HTML";
        }
        if (reason.contains("root element") || reason.contains("neither RSS nor Atom")) {
            return "other XML";
        }
        if (reason.contains("RSS or Atom")) {
            return "unreadable RSS/Atom";
        }
        return reason.length() <= 60 ? reason : reason.substring(0, 60);
    }
}

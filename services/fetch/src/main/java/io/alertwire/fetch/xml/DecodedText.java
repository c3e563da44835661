package io.alertwire.fetch.xml;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bytes to text the way a forgiving reader does it. Publishers often declare the wrong charset (or
 * one that does not exist), most often a Latin one on text that is really UTF-8. So, each tried
 * strictly, the first that decodes every byte wins: a byte-order mark; a declared UTF-16/32; UTF-8
 * (text that is not UTF-8 almost never happens to be valid UTF-8); the XML declaration's charset;
 * the HTTP charset; windows-1252; ISO-8859-1. The last decodes any byte, so a feed is never lost to
 * its charset; at worst a few characters look wrong.
 *
 * <p>One exception before the Latin fallbacks: text that is mostly valid UTF-8 with a few broken
 * sequences (a truncated multi-byte character, a stray byte pasted in by a CMS) is read as UTF-8
 * with each broken sequence replaced by U+FFFD. Reading it as windows-1252 instead would garble
 * every correct non-ASCII character of the feed (a Korean feed would become unreadable) to save
 * the few broken ones.
 */
public final class DecodedText {

    private static final Pattern XML_ENCODING =
            Pattern.compile("^<\\?xml[^>]*encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)[\"']");
    private static final Pattern HTTP_CHARSET = Pattern.compile("charset\\s*=\\s*\"?([A-Za-z0-9._:-]+)");

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private DecodedText() {
    }

    /**
     * Decodes a document.
     *
     * @param body the bytes
     * @param contentType the HTTP Content-Type (its charset is a candidate), or null
     * @return the text, without a byte-order mark
     */
    public static String of(byte[] body, String contentType) {
        for (Charset charset : candidates(body, contentType)) {
            if (charset.equals(WINDOWS_1252) && mostlyUtf8(body)) {
                return withoutBom(new String(body, StandardCharsets.UTF_8)); // replaces what is broken
            }
            String text = strictly(body, charset);
            if (text != null) {
                return withoutBom(text);
            }
        }
        return new String(body, StandardCharsets.UTF_8); // unreachable: ISO-8859-1 maps every byte
    }

    private static String withoutBom(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /**
     * Whether the bytes hold more well-formed UTF-8 multi-byte characters than broken sequences:
     * then they are UTF-8 with damage, not a Latin charset (whose accented letters almost never form
     * a valid UTF-8 sequence).
     */
    static boolean mostlyUtf8(byte[] b) {
        int valid = 0;
        int broken = 0;
        int i = 0;
        while (i < b.length) {
            int lead = b[i] & 0xff;
            int length = lead < 0x80 ? 1 : lead >= 0xC2 && lead <= 0xDF ? 2 : lead >= 0xE0 && lead <= 0xEF ? 3
                    : lead >= 0xF0 && lead <= 0xF4 ? 4 : 0;
            if (length == 1) {
                i++;
                continue;
            }
            boolean ok = length > 0 && i + length <= b.length;
            for (int k = 1; ok && k < length; k++) {
                ok = (b[i + k] & 0xC0) == 0x80;
            }
            if (ok) {
                valid++;
                i += length;
            } else {
                broken++;
                i++;
            }
        }
        return broken > 0 && valid > broken;
    }

    static List<Charset> candidates(byte[] body, String contentType) {
        List<Charset> candidates = new ArrayList<>();
        Charset bom = byBom(body);
        if (bom != null) {
            candidates.add(bom);
        }
        List<String> declared = new ArrayList<>();
        String head = new String(body, 0, Math.min(body.length, 512), StandardCharsets.ISO_8859_1).strip();
        Matcher xml = XML_ENCODING.matcher(head);
        if (xml.find()) {
            declared.add(xml.group(1));
        }
        if (contentType != null) {
            Matcher http = HTTP_CHARSET.matcher(contentType.toLowerCase(Locale.ROOT));
            if (http.find()) {
                declared.add(http.group(1));
            }
        }
        for (String name : declared) {
            if (name.toUpperCase(Locale.ROOT).startsWith("UTF-16") || name.toUpperCase(Locale.ROOT).startsWith("UTF-32")) {
                add(candidates, name);
            }
        }
        add(candidates, "UTF-8");
        declared.forEach(name -> add(candidates, name));
        add(candidates, "windows-1252");
        add(candidates, "ISO-8859-1");
        return candidates;
    }

    private static Charset byBom(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF) {
            return StandardCharsets.UTF_8;
        }
        if (b.length >= 2 && (b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF) {
            return StandardCharsets.UTF_16BE;
        }
        if (b.length >= 2 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE) {
            return StandardCharsets.UTF_16LE;
        }
        return null;
    }

    private static void add(List<Charset> candidates, String name) {
        try {
            Charset charset = Charset.forName(name);
            // "ascii" is declared by feeds that then hold UTF-8; a superset costs nothing
            if (charset.equals(StandardCharsets.US_ASCII)) {
                charset = StandardCharsets.UTF_8;
            }
            if (!candidates.contains(charset)) {
                candidates.add(charset);
            }
        } catch (IllegalArgumentException unknownOrIllegal) {
            // a charset that does not exist is no reason to lose the feed: try the next candidate
        }
    }

    private static String strictly(byte[] body, Charset charset) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return decoder.decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}

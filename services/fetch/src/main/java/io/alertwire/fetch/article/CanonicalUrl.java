package io.alertwire.fetch.article;

import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one spelling of a URL that identifies an article (and a source): two links that differ only
 * in letter case of scheme or host, a default port, a fragment or tracking parameters are the same
 * page. The article's id is the SHA-256 of this form, so the same story found in two feeds, or
 * twice with different campaign tags, is one article.
 */
public final class CanonicalUrl {

    /** Query parameters that only say where a click came from. {@code utm_*} is matched by prefix. */
    private static final Set<String> TRACKING_PARAMS = Set.of("fbclid", "gclid", "mc_cid", "mc_eid", "ref_src");

    private static final Pattern ESCAPE = Pattern.compile("%[0-9a-fA-F]{2}");

    private CanonicalUrl() {
    }

    /**
     * The canonical form of an absolute http(s) URL: lower-case scheme and host (internationalised
     * names in their ASCII form), no default port, no user info, no fragment, no tracking
     * parameters, "/" for an empty path, non-ASCII characters and escapes as upper-case UTF-8
     * percent escapes.
     *
     * @return the canonical form, or empty if the text is not an absolute http(s) URL with a host
     */
    public static Optional<String> of(String url) {
        URI uri = parse(url);
        if (uri == null || !uri.isAbsolute() || uri.isOpaque() || uri.getHost() == null) {
            return Optional.empty();
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.empty();
        }
        StringBuilder out = new StringBuilder(url.length());
        out.append(scheme).append("://").append(uri.getHost().toLowerCase(Locale.ROOT));
        int port = uri.getPort();
        if (port != -1 && !(port == 80 && scheme.equals("http")) && !(port == 443 && scheme.equals("https"))) {
            out.append(':').append(port);
        }
        String path = uri.getRawPath();
        out.append(path == null || path.isEmpty() ? "/" : path);
        String query = withoutTracking(uri.getRawQuery());
        if (!query.isEmpty()) {
            out.append('?').append(query);
        }
        return Optional.of(normaliseEscapes(out.toString()));
    }

    /**
     * One spelling of non-ASCII characters and escapes: "/기사" and "/%ea%b8%b0%ec%82%ac" are the
     * same path, so both become upper-case UTF-8 percent escapes.
     */
    private static String normaliseEscapes(String url) {
        String ascii;
        try {
            ascii = new URI(url).toASCIIString();
        } catch (URISyntaxException e) {
            ascii = url;
        }
        Matcher escape = ESCAPE.matcher(ascii);
        StringBuilder out = new StringBuilder(ascii.length());
        while (escape.find()) {
            escape.appendReplacement(out, escape.group().toUpperCase(Locale.ROOT));
        }
        escape.appendTail(out);
        return out.toString();
    }

    /** Lower-case hex SHA-256 of a canonical URL: the article id. */
    public static String articleId(String canonicalUrl) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(canonicalUrl.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static URI parse(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        try {
            return new URI(asciiHost(url.strip()));
        } catch (URISyntaxException e) {
            // feeds often carry spaces and other unescaped characters in links
            try {
                return new URI(url.strip().replace(" ", "%20").replace("|", "%7C")
                        .replace("[", "%5B").replace("]", "%5D"));
            } catch (URISyntaxException again) {
                return null;
            }
        }
    }

    /** An internationalised host name (통일부.kr) in its ASCII form, which java.net.URI can parse. */
    private static String asciiHost(String url) {
        int start = url.indexOf("://");
        if (start < 0) {
            return url;
        }
        start += 3;
        int end = start;
        while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) {
            end++;
        }
        String authority = url.substring(start, end);
        if (authority.chars().allMatch(c -> c < 128)) {
            return url;
        }
        int at = authority.lastIndexOf('@');
        int colon = authority.indexOf(':', at + 1);
        String host = authority.substring(at + 1, colon < 0 ? authority.length() : colon);
        try {
            String ascii = IDN.toASCII(host, IDN.ALLOW_UNASSIGNED);
            return url.substring(0, start + at + 1) + ascii + url.substring(start + at + 1 + host.length());
        } catch (IllegalArgumentException e) {
            return url;
        }
    }

    private static String withoutTracking(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        StringJoiner kept = new StringJoiner("&");
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = (eq < 0 ? pair : pair.substring(0, eq)).toLowerCase(Locale.ROOT);
            if (!name.startsWith("utm_") && !TRACKING_PARAMS.contains(name)) {
                kept.add(pair);
            }
        }
        return kept.toString();
    }
}

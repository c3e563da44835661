package io.alertwire.classifier.story;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The story test set: every article of the shared development corpus in five versions, as news
 * agencies and aggregators spread one report. Versions of one article are one story; versions of
 * different articles are different stories.
 *
 * <ul>
 *   <li>{@code original} — the article as published;
 *   <li>{@code wire} — a wire copy: a dateline and agency credit before the text, the agency's
 *       copyright line after it (Korean wording for Korean articles);
 *   <li>{@code trimmed} — a syndicated cut: the first 70% of the words;
 *   <li>{@code updated} — a later version with a paragraph added at the end, written from one of
 *       eight update templates (so different articles share update phrasing, as real ones do);
 *   <li>{@code retitled} — the same text under another outlet's headline.
 * </ul>
 */
final class StoryVariants {

    /** One version of one report. */
    record Version(int report, String kind, String title, String text, String language, String sourceName,
            String url) {
    }

    private static final String[] EN_UPDATES = {
        "Updated on %s: officials said a further meeting could take place within %d days, without giving details.",
        "The ministry declined to comment further on %s, citing the sensitivity of the matter, an official told reporters after %d hours of meetings.",
        "Later on %s, a spokesperson said the government would announce its position after consultations with %d partner countries.",
        "This story has been updated on %s with reaction from analysts, %d of whom said the move had been expected.",
        "In a statement issued on %s, the office said it had received %d proposals and would study them carefully.",
        "Additional reporting on %s: lawmakers called for a hearing, and %d of them signed a joint letter.",
        "Markets reacted calmly on %s, with the benchmark index closing %d points higher in afternoon trading.",
        "Correction, %s: an earlier version misstated the number of delegates, which was %d.",
    };
    private static final String[] KO_UPDATES = {
        "%s 당국자는 추가 회담이 %d일 안에 열릴 수 있다고 밝혔으나 구체적인 내용은 공개하지 않았다.",
        "정부는 %s 민감한 사안이라며 추가 언급을 피했고, 회의는 %d시간 동안 이어졌다.",
        "대변인은 %s 오후 %d개 우방국과 협의한 뒤 입장을 발표하겠다고 말했다.",
        "전문가들은 %s 이번 조치가 예상된 것이라고 평가했으며 그중 %d명은 신중론을 폈다.",
        "%s 발표된 성명에서 사무처는 %d건의 제안을 받았으며 면밀히 검토하겠다고 밝혔다.",
        "국회의원들은 %s 청문회 개최를 요구했고 %d명이 공동 서한에 서명했다.",
        "금융시장은 %s 차분한 반응을 보였으며 코스피는 %d포인트 오른 채 마감했다.",
        "%s 바로잡습니다: 앞선 기사에서 대표단 인원을 잘못 적었으며 실제로는 %d명입니다.",
    };
    private static final String[] DAYS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday"};
    private static final String[] KO_DAYS = {"월요일", "화요일", "수요일", "목요일", "금요일"};

    private StoryVariants() {
    }

    /** The corpus file, or {@code null} when the shared corpus is not beside the project. */
    static Path corpus() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("../shared/corpus/korea-dialogue-dev.jsonl").normalize();
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /** All versions of all articles, in a fixed shuffled order (a copy may arrive before its original). */
    static List<Version> build(Path corpus) {
        ObjectMapper json = new ObjectMapper();
        List<Version> versions = new ArrayList<>();
        try {
            List<String> lines = Files.readAllLines(corpus);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).isBlank()) {
                    continue;
                }
                JsonNode article = json.readTree(lines.get(i));
                versions.addAll(versions(i, text(article, "title"), text(article, "text"), text(article, "lang"),
                        text(article, "source"), text(article, "url")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Collections.shuffle(versions, new Random(20261128L));
        return versions;
    }

    private static List<Version> versions(int report, String title, String text, String language, String source,
            String url) {
        boolean korean = "ko".equals(language);
        String wireText = korean
                ? "(서울=연합뉴스) 김민준 기자 = " + text + "\n\n<저작권자(c) 연합뉴스, 무단 전재-재배포, AI 학습 및 활용 금지>"
                : "SEOUL, Nov. 28 (Reuters) - " + text
                        + "\n\nReporting by Hyonhee Shin; Editing by Ed Davies. Our Standards: The Thomson Reuters Trust Principles.";
        String[] words = text.split("\\s+");
        String trimmed = String.join(" ", Arrays.copyOf(words, Math.max(1, (int) Math.ceil(words.length * 0.7))));
        String update = korean
                ? String.format(KO_UPDATES[report % KO_UPDATES.length], KO_DAYS[report % KO_DAYS.length], 2 + report % 9)
                : String.format(EN_UPDATES[report % EN_UPDATES.length], DAYS[report % DAYS.length], 2 + report % 9);
        String newTitle = korean ? "[종합] " + String.join(" ", Arrays.copyOfRange(words, 0, Math.min(4, words.length)))
                + " 관련 속보"
                : "What we know: " + String.join(" ", Arrays.copyOfRange(words, 0, Math.min(5, words.length)));
        return List.of(
                new Version(report, "original", title, text, language, source, url),
                new Version(report, "wire", title, wireText, language, korean ? "Yonhap" : "Reuters",
                        "https://wire.example/" + report),
                new Version(report, "trimmed", title, trimmed, language, "Aggregator", "https://aggregator.example/" + report),
                new Version(report, "updated", title, text + "\n\n" + update, language, source, url + "?updated"),
                new Version(report, "retitled", newTitle, text, language, "Daily Digest",
                        "https://digest.example/" + report));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}

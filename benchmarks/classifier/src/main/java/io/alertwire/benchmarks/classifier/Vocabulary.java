package io.alertwire.benchmarks.classifier;

import java.util.ArrayList;
import java.util.List;

/**
 * The words generated topics and articles are made of: people, places, organisations, news verbs
 * and nouns, in English and Korean. Names are combined (first × last name, place × kind of body) so
 * that 100,000 topics can each be about a distinct entity, as real alert topics mostly are.
 */
final class Vocabulary {

    static final List<String> FIRST_NAMES = List.of(
            "james", "maria", "john", "fatima", "wei", "olga", "ahmed", "sofia", "david", "elena", "carlos",
            "aisha", "michael", "yuki", "pierre", "anna", "rahul", "ingrid", "kwame", "lucia", "omar", "hana",
            "peter", "mei", "jonas", "amara", "sergei", "chloe", "diego", "nadia", "thomas", "leila", "viktor",
            "grace", "hiroshi", "sara", "andrew", "priya", "mateo", "ines", "robert", "zara", "felix", "irina",
            "samuel", "aiko", "marco", "julia", "daniel", "noor", "emil", "clara", "javier", "rosa", "kenji",
            "laura", "pablo", "eva", "stefan", "mira", "joseph", "alina", "henrik", "beatriz", "tariq", "nina",
            "george", "helena", "arjun", "freya", "luis", "vera", "oscar", "tanya", "bruno", "lena", "adrian",
            "kira", "hugo", "alice", "ivan", "carmen", "lars", "dina", "mohammed", "paula", "anders", "teresa",
            "rafael", "sonia", "nikolai", "emma", "antonio", "ruth", "karim", "ada", "simon", "yasmin");

    static final List<String> LAST_NAMES = List.of(
            "smith", "garcia", "okafor", "mueller", "tanaka", "rossi", "nguyen", "kowalski", "haddad", "silva",
            "johansson", "petrov", "dubois", "santos", "kaplan", "moreau", "fischer", "ivanova", "mensah",
            "fernandez", "chen", "novak", "schmidt", "yamamoto", "ricci", "popescu", "andersen", "lopez", "sato",
            "bauer", "costa", "horvat", "kumar", "lindqvist", "mahmoud", "oliveira", "park", "quinn", "reyes",
            "sokolov", "thompson", "ueda", "varga", "weber", "xu", "yilmaz", "zhang", "abbott", "bianchi",
            "carter", "dimitrov", "eriksen", "fontaine", "gonzalez", "hoffmann", "ito", "jensen", "keller",
            "laurent", "marino", "nakamura", "ortiz", "pereira", "ramos", "suzuki", "torres", "umar", "vogel",
            "walsh", "young", "zielinski", "alvarez", "brennan", "castillo", "delgado", "engel", "ferrari",
            "greco", "hughes", "iglesias", "jovanovic", "kim", "lee", "murphy", "nielsen", "obi", "pavlov",
            "richter", "sharma", "tran", "vidal", "wagner", "baker", "cruz", "duarte", "evans", "farouk",
            "gallo", "hansen", "ibrahim", "jaramillo", "kovac", "lombardi", "morales", "nowak", "orlov",
            "pham", "romero", "schulz", "tkachenko", "urban", "valdez", "wong", "yoon", "zamora", "adeyemi",
            "barros", "conti", "diaz", "esposito", "fuchs", "gill", "hakimi", "ionescu", "jung", "kaya");

    static final List<String> PLACES = List.of(
            "london", "paris", "berlin", "tokyo", "seoul", "pyongyang", "beijing", "shanghai", "moscow", "kyiv",
            "warsaw", "madrid", "lisbon", "rome", "athens", "istanbul", "ankara", "cairo", "lagos", "nairobi",
            "johannesburg", "mumbai", "delhi", "karachi", "dhaka", "jakarta", "manila", "hanoi", "bangkok",
            "singapore", "sydney", "melbourne", "auckland", "toronto", "montreal", "vancouver", "chicago",
            "houston", "boston", "atlanta", "denver", "seattle", "miami", "mexico", "bogota", "lima", "santiago",
            "buenos aires", "sao paulo", "rio de janeiro", "caracas", "havana", "dublin", "edinburgh", "oslo",
            "stockholm", "helsinki", "copenhagen", "amsterdam", "brussels", "vienna", "prague", "budapest",
            "bucharest", "sofia", "belgrade", "zagreb", "tehran", "baghdad", "riyadh", "dubai", "doha",
            "tel aviv", "beirut", "amman", "kabul", "tashkent", "almaty", "ulaanbaatar", "taipei", "hong kong",
            "osaka", "busan", "incheon", "daegu", "gwangju", "vladivostok", "geneva", "zurich", "frankfurt",
            "munich", "hamburg", "milan", "naples", "barcelona", "valencia", "marseille", "lyon", "accra",
            "addis ababa", "kinshasa", "luanda", "casablanca", "tunis", "algiers", "khartoum", "kampala");

    static final List<String> BODY_KINDS = List.of(
            "city council", "port authority", "university", "police", "central bank", "stock exchange",
            "football club", "chamber of commerce", "airport", "hospital", "court", "metro", "water board",
            "teachers union", "film festival");

    static final List<String> ORGANISATIONS = List.of(
            "samsung electronics", "hyundai motor", "lg energy solution", "sk hynix", "bank of korea",
            "federal reserve", "european central bank", "united nations", "world health organization",
            "international monetary fund", "world bank", "european commission", "nato", "opec", "red cross",
            "amnesty international", "greenpeace", "toyota", "volkswagen", "siemens", "nestle", "unilever",
            "pfizer", "moderna", "boeing", "airbus", "tesla", "apple", "microsoft", "alphabet", "amazon",
            "meta platforms", "nvidia", "intel", "tsmc", "huawei", "alibaba", "tencent", "sony", "nintendo",
            "shell", "bp", "exxonmobil", "aramco", "gazprom", "rosneft", "hsbc", "barclays", "deutsche bank",
            "goldman sachs", "jpmorgan", "blackrock", "softbank", "rakuten", "kakao", "naver", "coupang",
            "posco", "kepco", "korean air", "hanwha", "lotte", "cj group", "doosan", "kia", "hybe");

    static final List<String> SOURCES = List.of(
            "reuters.com", "apnews.com", "bbc.co.uk", "yna.co.kr", "koreaherald.com", "nytimes.com",
            "theguardian.com", "chosun.com", "joongang.co.kr", "hani.co.kr", "nikkei.com", "scmp.com");

    /** English news verbs and nouns: what topics pair an entity with. Some as word families (prefixes). */
    static final List<String> NEWS_WORDS = List.of(
            "resigns", "arrested", "sued", "acquires", "merger", "sanctions", "protest", "elected", "talks",
            "summit", "investigation", "launch", "earnings", "strike", "recall", "ban", "tariff", "lawsuit",
            "bankruptcy", "layoffs", "scandal", "verdict", "indicted", "appointed", "visit", "agreement",
            "dividend", "outage", "explosion", "flood", "earthquake", "wildfire", "election", "referendum",
            "ceasefire", "missile", "treaty", "boycott", "fine", "fraud", "bribery", "hack", "breach");

    static final List<String> NEWS_PREFIXES = List.of(
            "resign*", "arrest*", "acqui*", "sanction*", "protest*", "investigat*", "negotiat*", "announc*",
            "indict*", "appoint*", "launch*", "bankrupt*", "evacuat*", "prosecut*", "nominat*");

    /** Words topics exclude: the usual sources of false positives. */
    static final List<String> EXCLUSIONS = List.of(
            "sports", "football", "celebrity", "horoscope", "recipe", "kpop", "gossip", "fashion", "lottery",
            "obituary", "quiz", "podcast");

    /** Common words that fill articles without naming anything. */
    static final List<String> FILLER = List.of(
            "the", "a", "of", "and", "to", "in", "on", "for", "with", "by", "at", "from", "as", "that", "this",
            "was", "is", "were", "has", "have", "had", "will", "would", "could", "said", "told", "reporters",
            "officials", "government", "ministry", "statement", "week", "month", "year", "monday", "tuesday",
            "wednesday", "thursday", "friday", "market", "shares", "percent", "million", "billion", "people",
            "country", "region", "plan", "report", "according", "spokesperson", "meeting", "decision", "policy",
            "economy", "growth", "prices", "workers", "companies", "public", "local", "national", "international",
            "security", "support", "issue", "concerns", "several", "new", "last", "first", "since", "after",
            "before", "while", "during", "under", "over", "more", "less", "about", "also", "but", "not", "its",
            "their", "they", "he", "she", "it", "which", "who", "expected", "early", "late", "later", "further",
            "data", "analysts", "investors", "residents", "leaders", "parliament", "court", "agency", "office",
            "members", "team", "project", "system", "service", "services", "record", "rise", "fall", "move");

    static final List<String> KOREAN_SURNAMES = List.of(
            "김", "이", "박", "최", "정", "강", "조", "윤", "장", "임", "한", "오", "서", "신", "권", "황", "안", "송",
            "류", "홍");

    static final List<String> KOREAN_GIVEN_NAMES = List.of(
            "민준", "서연", "지훈", "하은", "도윤", "서준", "지우", "예준", "수아", "시우", "지민", "은서", "현우",
            "유진", "건우", "채원", "우진", "다은", "선우", "서윤", "연우", "지아", "정우", "하윤", "승현", "소율",
            "준혁", "민서", "재원", "예린", "동현", "수빈", "태윤", "지안", "성민", "혜진", "영호", "미경", "상철",
            "정희", "광수", "숙자", "병철", "은정", "재석", "나래", "경수", "보영", "진호", "세영");

    static final List<String> KOREAN_PLACES = List.of(
            "서울", "부산", "인천", "대구", "광주", "대전", "울산", "세종", "제주", "수원", "창원", "평양", "개성",
            "판문점", "강릉", "전주", "포항", "청주", "천안", "목포");

    static final List<String> KOREAN_ORGANISATIONS = List.of(
            "삼성전자", "현대자동차", "한국은행", "통일부", "외교부", "국방부", "기획재정부", "국회", "대통령실",
            "검찰", "경찰청", "공정거래위원회", "금융감독원", "카카오", "네이버", "쿠팡", "포스코", "한국전력",
            "대한항공", "한화", "롯데", "엘지전자", "에스케이하이닉스", "북한", "유엔", "적십자");

    /** Korean news nouns: what Korean topics pair an entity with (particles are added in articles). */
    static final List<String> KOREAN_NEWS_WORDS = List.of(
            "발표", "회담", "제재", "협상", "합의", "사퇴", "체포", "수사", "인수", "합병", "출시", "파업", "선거",
            "시위", "경고", "방문", "기소", "판결", "투자", "실적", "화재", "지진", "홍수", "미사일", "대화");

    static final List<String> KOREAN_PARTICLES = List.of("이", "가", "은", "는", "을", "를", "의", "에서", "과", "와", "도");

    static final List<String> KOREAN_FILLER = List.of(
            "정부는", "관계자는", "밝혔다", "전했다", "지난", "오늘", "이번", "올해", "주민들은", "시장에서",
            "전문가들은", "계획이다", "예정이다", "것으로", "알려졌다", "말했다", "따르면", "보도에", "지역",
            "경제", "정책", "상황을", "우려가", "커지고", "있다", "했다", "대해", "위해", "통해", "가운데",
            "국민", "회의", "결정", "보고서", "이후", "최근", "사업", "문제", "지원", "발생했다");

    private Vocabulary() {
    }

    /** Every first × last name pair, in a fixed order. */
    static List<String> people() {
        List<String> people = new ArrayList<>();
        for (String last : LAST_NAMES) {
            for (String first : FIRST_NAMES) {
                people.add(first + " " + last);
            }
        }
        return people;
    }

    /** Every Korean surname + given name. */
    static List<String> koreanPeople() {
        List<String> people = new ArrayList<>();
        for (String given : KOREAN_GIVEN_NAMES) {
            for (String surname : KOREAN_SURNAMES) {
                people.add(surname + given);
            }
        }
        return people;
    }

    /** The named organisations, then every place × kind of body ("busan port authority"). */
    static List<String> organisations() {
        List<String> organisations = new ArrayList<>(ORGANISATIONS);
        for (String kind : BODY_KINDS) {
            for (String place : PLACES) {
                organisations.add(place + " " + kind);
            }
        }
        return organisations;
    }
}

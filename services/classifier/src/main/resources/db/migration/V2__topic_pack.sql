-- The topic pack: created once, at first start, so a topic the operator deletes stays deleted.
-- Tuned against ../shared/corpus/korea-dialogue-dev.jsonl (see TopicPackTest for precision and
-- recall). Korean words are matched as whole words by the current analyser, so Korean terms are
-- prefixes (북한* matches 북한이, 북한은 ...) until a morphological analyser arrives.

INSERT INTO topic (id, name, query, description, languages, min_score, enabled) VALUES
('inter-korean-dialogue', 'Inter-Korean dialogue',
 '("inter-korean" OR "inter korean" OR "two koreas" OR "both koreas" OR "six-party" OR panmunjom OR 남북* OR 북남* OR 판문점* OR innerkorean* OR "inter-koreaanse" OR (("north korea" OR "north korean" OR "n korea" OR "n korean" OR pyongyang OR "kim jong un" OR "kim yo jong" OR dprk OR 북한* OR 북측* OR 北 OR 조평통* OR "coreia do norte" OR rpdc OR "korea utara" OR nordkorea* OR "noord-korea" OR "hilagang korea") ("south korea" OR "south korean" OR "s korea" OR "s korean" OR seoul OR unification OR "moon jae in" OR "lee jae myung" OR 남측* OR 남한* OR 통일부* OR 우리측* OR "coreia do sul" OR "korea selatan" OR sudkorea* OR "zuid-korea" OR "timog korea"))) (talks OR dialogue OR summit OR envoy OR envoys OR hotline OR letter OR negotiat* OR liaison* OR "red cross" OR reunion OR proposal OR propose OR proposed OR offer OR engagement OR reconciliation OR delegation OR contact OR "peace agreement" OR "communication line" OR "communication channel" OR 대화* OR 회담* OR 정상회담* OR 남북정상* OR 남북회담* OR 남북대화* OR 남북고위급* OR 남북적십자* OR 남북공동연락* OR 남북연락* OR 남북당국* OR 특사* OR 친서* OR 제안* OR 제의* OR 연락* OR 통신선* OR 적십자* OR 상봉* OR 접촉* OR 고위급* OR 화해* OR 협상* OR 개시통화* OR dialog* OR negocia* OR reconcilia* OR gesprach* OR cimeira OR pembicaraan OR "nag-usap")',
 'Dialogue between North and South Korea: talks, summits, letters, envoys, hotlines and liaison channels, proposals and rejections of dialogue, reconciliation steps; and multilateral diplomacy in which Seoul takes part.',
 '{}', 0, true),
('us-north-korea-diplomacy', 'US–North Korea diplomacy',
 '("north korea" OR "north korean" OR "n korea" OR "n korean" OR pyongyang OR "kim jong un" OR "kim yo jong" OR dprk OR 북한* OR 北 OR 북미*) ("united states" OR "u.s." OR washington OR "white house" OR "state department" OR trump OR biden OR 미국* OR 美 OR 북미*) (talks OR summit OR diplomacy OR diplomatic OR negotiat* OR envoy OR envoys OR letter OR dialogue OR denuclearization OR "six-party" OR 대화* OR 회담* OR 정상회담* OR 협상* OR 친서* OR 특사* OR 비핵화*)',
 'Diplomacy between the United States and North Korea: summits, talks, letters and envoys.',
 '{}', 0, true)
ON CONFLICT DO NOTHING;

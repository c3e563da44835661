-- A topic is a named stored query. Its id is the slug of its name and never changes.
CREATE TABLE topic (
    id          text PRIMARY KEY,
    name        text NOT NULL UNIQUE CHECK (char_length(name) <= 200),
    query       text NOT NULL CHECK (char_length(query) <= 4000),
    description text,
    languages   text[] NOT NULL DEFAULT '{}',      -- ISO 639-1 codes; empty = every language
    min_score   double precision NOT NULL DEFAULT 0 CHECK (min_score >= 0 AND min_score <= 1),
    enabled     boolean NOT NULL DEFAULT true,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);

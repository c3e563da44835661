-- What the body of the source's last parsed feed was: its SHA-256 (hex) and the refresh time its
-- RSS <ttl> asked for. A server without ETag or Last-Modified sends the whole feed on every poll;
-- when the body is byte for byte the same, the fetch is recorded as unchanged without parsing it
-- again. Null until a feed has been parsed (and after the source's URL is changed).
ALTER TABLE source ADD COLUMN content_digest varchar(64);
ALTER TABLE source ADD COLUMN feed_ttl_seconds integer;

-- placeholder; replaced by the fetch feature's schema
SELECT 1;

-- Full-text search over cards' prompts and answers for the card browser (FTS5, built into
-- libSQL, Turso and D1). A standalone FTS5 table keyed by the card id, not an external-content
-- table on `cards`' rowid: `cards` has a text primary key, and VACUUM may renumber the rowids of
-- such a table, which would silently point the index at the wrong cards.
-- Triggers keep it in step with every write to `cards` (content sync, note edits, imports).
CREATE VIRTUAL TABLE `cards_fts` USING fts5(card_id UNINDEXED, prompt, answer, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');
--> statement-breakpoint
INSERT INTO `cards_fts` (card_id, prompt, answer) SELECT id, prompt, answer FROM `cards`;
--> statement-breakpoint
CREATE TRIGGER `cards_fts_insert` AFTER INSERT ON `cards` BEGIN
  INSERT INTO `cards_fts` (card_id, prompt, answer) VALUES (new.id, new.prompt, new.answer);
END;
--> statement-breakpoint
-- Sync rewrites changed cards whole: only a changed prompt or answer touches the index.
CREATE TRIGGER `cards_fts_update` AFTER UPDATE OF prompt, answer ON `cards`
WHEN old.prompt IS NOT new.prompt OR old.answer IS NOT new.answer BEGIN
  UPDATE `cards_fts` SET prompt = new.prompt, answer = new.answer WHERE card_id = old.id;
END;
--> statement-breakpoint
CREATE TRIGGER `cards_fts_delete` AFTER DELETE ON `cards` BEGIN
  DELETE FROM `cards_fts` WHERE card_id = old.id;
END;

-- The triggers of 0009 found a card's index row by `card_id`, an UNINDEXED column: a full scan of
-- the index per changed card (rewording 500 of 10,000 cards took 9.5 s; npm run bench:card-search).
-- `card_search` gives each card a stable integer (an INTEGER PRIMARY KEY, which VACUUM keeps) that
-- is its index row's rowid, so each trigger reaches its row by rowid.
CREATE TABLE `card_search` (`id` integer PRIMARY KEY, `card_id` text NOT NULL UNIQUE);
--> statement-breakpoint
INSERT INTO `card_search` (id, card_id) SELECT rowid, card_id FROM `cards_fts`;
--> statement-breakpoint
DROP TRIGGER `cards_fts_insert`;
--> statement-breakpoint
DROP TRIGGER `cards_fts_update`;
--> statement-breakpoint
DROP TRIGGER `cards_fts_delete`;
--> statement-breakpoint
CREATE TRIGGER `cards_fts_insert` AFTER INSERT ON `cards` BEGIN
  INSERT INTO `card_search` (card_id) VALUES (new.id);
  INSERT INTO `cards_fts` (rowid, card_id, prompt, answer)
    SELECT id, new.id, new.prompt, new.answer FROM `card_search` WHERE card_id = new.id;
END;
--> statement-breakpoint
CREATE TRIGGER `cards_fts_update` AFTER UPDATE OF prompt, answer ON `cards`
WHEN old.prompt IS NOT new.prompt OR old.answer IS NOT new.answer BEGIN
  UPDATE `cards_fts` SET prompt = new.prompt, answer = new.answer
  WHERE rowid = (SELECT id FROM `card_search` WHERE card_id = old.id);
END;
--> statement-breakpoint
CREATE TRIGGER `cards_fts_delete` AFTER DELETE ON `cards` BEGIN
  DELETE FROM `cards_fts` WHERE rowid = (SELECT id FROM `card_search` WHERE card_id = old.id);
  DELETE FROM `card_search` WHERE card_id = old.id;
END;

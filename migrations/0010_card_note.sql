ALTER TABLE `cards` ADD `note` text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX `cards_deck_note_idx` ON `cards` (`deck`,`note`);
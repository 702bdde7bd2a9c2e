CREATE TABLE `deck_notes` (
	`deck` text NOT NULL,
	`path` text NOT NULL,
	`text` text NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`deck`, `path`),
	FOREIGN KEY (`deck`) REFERENCES `decks`(`slug`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `decks` ADD `owner_id` text REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `decks` ADD `team_id` text REFERENCES teams(id);--> statement-breakpoint
ALTER TABLE `decks` ADD `created_at` integer;--> statement-breakpoint
CREATE INDEX `decks_owner_idx` ON `decks` (`owner_id`);--> statement-breakpoint
CREATE INDEX `decks_team_idx` ON `decks` (`team_id`);
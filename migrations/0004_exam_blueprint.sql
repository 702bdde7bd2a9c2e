ALTER TABLE `decks` ADD `blueprint` text;--> statement-breakpoint
ALTER TABLE `exams` ADD `draw` text DEFAULT 'notes' NOT NULL;
ALTER TABLE `checks` ADD `seed` text DEFAULT '' NOT NULL;--> statement-breakpoint
-- Checks made before this migration were built from their public id: give each a random secret.
UPDATE `checks` SET `seed` = lower(hex(randomblob(16))) WHERE `seed` = '';

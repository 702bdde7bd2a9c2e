CREATE INDEX `card_states_user_state_due_idx` ON `card_states` (`user_id`,`state`,`due`,`card_id`);--> statement-breakpoint
CREATE INDEX `cards_deck_position_idx` ON `cards` (`deck`,`position`);
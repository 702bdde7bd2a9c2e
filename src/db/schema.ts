import { type AnySQLiteColumn, index, integer, primaryKey, real, sqliteTable, text } from 'drizzle-orm/sqlite-core'

/** All times are Unix epoch milliseconds (UTC). */
const millis = (name: string) => integer(name, { mode: 'number' })

export const users = sqliteTable('users', {
  id: text('id').primaryKey(),
  email: text('email').notNull().unique(),
  name: text('name'),
  passwordHash: text('password_hash').notNull(),
  /** Per-user study settings as JSON, parsed with defaults by `domain/settings`. */
  settings: text('settings').notNull().default('{}'),
  createdAt: millis('created_at').notNull(),
})

export const sessions = sqliteTable(
  'sessions',
  {
    /** SHA-256 of the session secret held in the cookie; the secret itself is never stored. */
    idHash: text('id_hash').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: millis('created_at').notNull(),
    lastSeenAt: millis('last_seen_at').notNull(),
    expiresAt: millis('expires_at').notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
)

export const apiTokens = sqliteTable(
  'api_tokens',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    /** JSON array of scope names. */
    scopes: text('scopes').notNull(),
    createdAt: millis('created_at').notNull(),
    lastUsedAt: millis('last_used_at'),
    expiresAt: millis('expires_at'),
    revokedAt: millis('revoked_at'),
  },
  (t) => [index('api_tokens_user_idx').on(t.userId)],
)

/** Password-reset links: single use, short-lived; only the link secret's hash is stored. */
export const passwordResets = sqliteTable(
  'password_resets',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: millis('created_at').notNull(),
    expiresAt: millis('expires_at').notNull(),
    usedAt: millis('used_at'),
  },
  (t) => [index('password_resets_user_idx').on(t.userId)],
)

/** Failed sign-ins, for throttling per account and per client address. */
export const loginFailures = sqliteTable(
  'login_failures',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    email: text('email').notNull(),
    ip: text('ip').notNull(),
    at: millis('at').notNull(),
  },
  (t) => [index('login_failures_email_idx').on(t.email, t.at), index('login_failures_ip_idx').on(t.ip, t.at)],
)

/**
 * A deck. Shipped decks (`content/` on the server) have neither owner nor team: shared by all,
 * read-only. A user's deck has `ownerId`; a team's deck has `teamId` (its owners write, members
 * study). The slug is global because card ids and URLs hang off it.
 */
export const decks = sqliteTable(
  'decks',
  {
    slug: text('slug').primaryKey(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    /** The exam blueprint from `deck.yaml` as JSON (domains, weights, topics); null when none. */
    blueprint: text('blueprint'),
    updatedAt: millis('updated_at').notNull(),
    ownerId: text('owner_id').references(() => users.id, { onDelete: 'cascade' }),
    teamId: text('team_id').references((): AnySQLiteColumn => teams.id, { onDelete: 'cascade' }),
    createdAt: millis('created_at'),
  },
  (t) => [index('decks_owner_idx').on(t.ownerId), index('decks_team_idx').on(t.teamId)],
)

/**
 * The Markdown notes of a user's or team's deck, as the owner wrote them (with the id markers
 * the server added), so the deck can be recompiled, edited and exported without a disk.
 */
export const deckNotes = sqliteTable(
  'deck_notes',
  {
    deck: text('deck')
      .notNull()
      .references(() => decks.slug, { onDelete: 'cascade' }),
    path: text('path').notNull(),
    text: text('text').notNull(),
    updatedAt: millis('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.deck, t.path] })],
)

export const topics = sqliteTable(
  'topics',
  {
    deck: text('deck')
      .notNull()
      .references(() => decks.slug, { onDelete: 'cascade' }),
    slug: text('slug').notNull(),
    title: text('title').notNull(),
    file: text('file').notNull(),
    /** JSON array of the official pages the notes were checked against. */
    sources: text('sources').notNull().default('[]'),
    position: integer('position').notNull().default(0),
    /** The whole note rendered to sanitised HTML at compile time, with heading anchors. */
    html: text('html').notNull().default(''),
  },
  (t) => [primaryKey({ columns: [t.deck, t.slug] })],
)

export const cards = sqliteTable(
  'cards',
  {
    id: text('id').primaryKey(),
    deck: text('deck')
      .notNull()
      .references(() => decks.slug, { onDelete: 'cascade' }),
    topic: text('topic').notNull(),
    kind: text('kind').notNull(),
    tags: text('tags').notNull().default('[]'),
    prompt: text('prompt').notNull(),
    answer: text('answer').notNull(),
    promptHtml: text('prompt_html').notNull(),
    answerHtml: text('answer_html').notNull(),
    sourceFile: text('source_file').notNull(),
    sourceLine: integer('source_line').notNull(),
    sourceAnchor: text('source_anchor').notNull().default(''),
    sourceHeadings: text('source_headings').notNull().default('[]'),
    group: text('grp').notNull(),
    /**
     * The note (block of notes, Anki's note) the card was made from: a term and its reverse, an
     * Anki note's cards, a paragraph's clozes share it and are siblings. '' when unknown (cards
     * synced before the column existed, until their deck syncs again): no siblings.
     */
    note: text('note').notNull().default(''),
    /** Order of the card in its deck, so new cards are introduced in note order. */
    position: integer('position').notNull().default(0),
    /** Hash of the compiled content, so sync only rewrites cards that changed. */
    contentHash: text('content_hash').notNull(),
    /** Set when the card disappeared from the notes: hidden from study, history kept. */
    retiredAt: millis('retired_at'),
    createdAt: millis('created_at').notNull(),
    updatedAt: millis('updated_at').notNull(),
  },
  (t) => [
    index('cards_deck_topic_idx').on(t.deck, t.topic, t.position),
    // New cards are introduced in note order across a whole deck: read in index order, no sort.
    index('cards_deck_position_idx').on(t.deck, t.position),
    // Siblings of an answered card are looked up by note within its deck.
    index('cards_deck_note_idx').on(t.deck, t.note),
  ],
)

/** A user's FSRS memory state for one card (every ts-fsrs `Card` field) plus study flags. */
export const cardStates = sqliteTable(
  'card_states',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    cardId: text('card_id')
      .notNull()
      .references(() => cards.id),
    due: millis('due').notNull(),
    stability: real('stability').notNull(),
    difficulty: real('difficulty').notNull(),
    elapsedDays: integer('elapsed_days').notNull(),
    scheduledDays: integer('scheduled_days').notNull(),
    learningSteps: integer('learning_steps').notNull(),
    reps: integer('reps').notNull(),
    lapses: integer('lapses').notNull(),
    /** ts-fsrs `State`: 0 new, 1 learning, 2 review, 3 relearning. */
    state: integer('state').notNull(),
    lastReview: millis('last_review'),
    suspended: integer('suspended', { mode: 'boolean' }).notNull().default(false),
    leech: integer('leech', { mode: 'boolean' }).notNull().default(false),
    buriedUntil: millis('buried_until'),
    /** Bumped on every change: a review names the version it was shown, so a stale tab gets 409. */
    version: integer('version').notNull().default(1),
    updatedAt: millis('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.cardId] }),
    index('card_states_user_due_idx').on(t.userId, t.due),
    // The queue reads "review cards due before the end of today, by due": one range scan, in order.
    index('card_states_user_state_due_idx').on(t.userId, t.state, t.due, t.cardId),
  ],
)

/**
 * One answer to one card. The ts-fsrs fields hold the state *before* the rating (as ts-fsrs
 * `ReviewLog` does), so `rollback` restores the card exactly; `*_after` columns serve stats.
 */
export const reviewLogs = sqliteTable(
  'review_logs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    cardId: text('card_id')
      .notNull()
      .references(() => cards.id),
    /** ts-fsrs `Rating`: 1 again, 2 hard, 3 good, 4 easy. */
    rating: integer('rating').notNull(),
    state: integer('state').notNull(),
    due: millis('due').notNull(),
    stability: real('stability').notNull(),
    difficulty: real('difficulty').notNull(),
    elapsedDays: integer('elapsed_days').notNull(),
    lastElapsedDays: integer('last_elapsed_days').notNull(),
    scheduledDays: integer('scheduled_days').notNull(),
    learningSteps: integer('learning_steps').notNull(),
    reviewedAt: millis('reviewed_at').notNull(),
    /** Card fields before the rating that `ReviewLog` does not carry, for an exact undo. */
    before: text('before').notNull(),
    stateAfter: integer('state_after').notNull(),
    dueAfter: millis('due_after').notNull(),
    durationMs: integer('duration_ms'),
    /**
     * review, quiz or exam: where the answer was given; superseded: an offline answer made before
     * a later one to the same card, kept in the history without changing the state (docs/review.md).
     */
    origin: text('origin').notNull().default('review'),
    undoneAt: millis('undone_at'),
  },
  (t) => [
    index('review_logs_user_time_idx').on(t.userId, t.reviewedAt),
    index('review_logs_card_idx').on(t.userId, t.cardId, t.reviewedAt),
  ],
)

/**
 * A bulk change from the card browser (suspend, unsuspend, reset, reschedule) as one undoable
 * step: `before` holds each card's state row as it was (null when it had none) and the version
 * the change left it at, so undo restores exactly and only if nothing changed the cards since.
 */
export const cardActions = sqliteTable(
  'card_actions',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    action: text('action').notNull(),
    /** JSON array of {cardId, versionAfter, row} (`row` null when the card had no state). */
    before: text('before').notNull(),
    cardCount: integer('card_count').notNull(),
    createdAt: millis('created_at').notNull(),
    undoneAt: millis('undone_at'),
  },
  (t) => [index('card_actions_user_idx').on(t.userId, t.createdAt)],
)

/** Responses to requests made with an `Idempotency-Key`, replayed on retry. */
export const idempotencyKeys = sqliteTable(
  'idempotency_keys',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    requestHash: text('request_hash').notNull(),
    status: integer('status').notNull(),
    body: text('body').notNull(),
    createdAt: millis('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.key] })],
)

/**
 * A quiz or a timed mock exam. The question set (answers included) is fixed at creation and
 * stored as JSON: an exam is at most a few hundred questions and is always read whole.
 */
export const exams = sqliteTable(
  'exams',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** quiz (answers checked one by one, no deadline) or exam (timed, scored at submit). */
    mode: text('mode').notNull(),
    deck: text('deck').notNull(),
    topics: text('topics').notNull().default('[]'),
    format: text('format').notNull(),
    /** How the questions were drawn: by the deck's blueprint, or from the notes by topic size. */
    draw: text('draw').notNull().default('notes'),
    seed: text('seed').notNull(),
    questions: text('questions').notNull(),
    minutes: integer('minutes'),
    passMark: real('pass_mark'),
    startedAt: millis('started_at').notNull(),
    endsAt: millis('ends_at'),
    submittedAt: millis('submitted_at'),
    score: real('score'),
    passed: integer('passed', { mode: 'boolean' }),
    /** The scored result as JSON, written once at submit. */
    result: text('result'),
  },
  (t) => [index('exams_user_idx').on(t.userId, t.startedAt)],
)

/** A candidate's answer to one exam or quiz question (JSON: choice, DOMC judgements, or text). */
export const examAnswers = sqliteTable(
  'exam_answers',
  {
    examId: text('exam_id')
      .notNull()
      .references(() => exams.id, { onDelete: 'cascade' }),
    questionId: text('question_id').notNull(),
    answer: text('answer').notNull(),
    flagged: integer('flagged', { mode: 'boolean' }).notNull().default(false),
    answeredAt: millis('answered_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.examId, t.questionId] })],
)

export const teams = sqliteTable('teams', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  createdBy: text('created_by')
    .notNull()
    .references(() => users.id),
  createdAt: millis('created_at').notNull(),
})

export const teamMembers = sqliteTable(
  'team_members',
  {
    teamId: text('team_id')
      .notNull()
      .references(() => teams.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** owner or member. */
    role: text('role').notNull(),
    joinedAt: millis('joined_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.userId] }), index('team_members_user_idx').on(t.userId)],
)

/** Single-use invitations; only the code's hash is stored. */
export const teamInvites = sqliteTable(
  'team_invites',
  {
    codeHash: text('code_hash').primaryKey(),
    teamId: text('team_id')
      .notNull()
      .references(() => teams.id, { onDelete: 'cascade' }),
    createdBy: text('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: millis('created_at').notNull(),
    expiresAt: millis('expires_at').notNull(),
    usedAt: millis('used_at'),
    usedBy: text('used_by').references(() => users.id),
  },
  (t) => [index('team_invites_team_idx').on(t.teamId)],
)

/** A team knowledge check: one fixed question set for every member. */
export const checks = sqliteTable(
  'checks',
  {
    id: text('id').primaryKey(),
    teamId: text('team_id')
      .notNull()
      .references(() => teams.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    deck: text('deck').notNull(),
    topics: text('topics').notNull().default('[]'),
    format: text('format').notNull(),
    /**
     * What the questions were built from: random and server-side only, never sent, so no caller
     * can rebuild the answer key (issue 11, finding 2). The empty default only lets SQLite add
     * the column: migration 0007 gives every existing check a random seed, and `createCheck`
     * always writes one.
     */
    seed: text('seed').notNull().default(''),
    questions: text('questions').notNull(),
    opensAt: millis('opens_at'),
    closesAt: millis('closes_at'),
    createdBy: text('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: millis('created_at').notNull(),
  },
  (t) => [index('checks_team_idx').on(t.teamId, t.createdAt)],
)

export const checkSubmissions = sqliteTable(
  'check_submissions',
  {
    checkId: text('check_id')
      .notNull()
      .references(() => checks.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    answers: text('answers').notNull(),
    correct: integer('correct').notNull(),
    total: integer('total').notNull(),
    /** Per-topic score as JSON: [{topic, correct, total}]. */
    topics: text('topics').notNull(),
    submittedAt: millis('submitted_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.checkId, t.userId] })],
)

export const schema = {
  users,
  sessions,
  apiTokens,
  passwordResets,
  loginFailures,
  decks,
  deckNotes,
  topics,
  cards,
  cardStates,
  reviewLogs,
  cardActions,
  idempotencyKeys,
  exams,
  examAnswers,
  teams,
  teamMembers,
  teamInvites,
  checks,
  checkSubmissions,
}

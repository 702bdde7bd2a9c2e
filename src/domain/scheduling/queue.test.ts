import { describe, expect, it } from 'vitest'
import { examQueue, examStartsAt } from './exam'
import { buildQueue, type QueueCandidate, type QueueContext } from './queue'
import { defaultSettings } from './settings'
import { sqlWindow } from './window'

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const NOW = Date.parse('2026-01-15T10:00:00Z')
const DAY_END = Date.parse('2026-01-16T04:00:00Z')

const NEW = 0
const LEARNING = 1
const REVIEW = 2
const RELEARNING = 3

const card = (cardId: string, state: number, due: number, extra: Partial<QueueCandidate> = {}): QueueCandidate => ({
  cardId,
  state,
  due,
  position: 0,
  suspended: false,
  buriedUntil: null,
  ...extra,
})

const context = (extra: Partial<QueueContext> = {}): QueueContext => ({
  now: NOW,
  dayEnd: DAY_END,
  newCardsPerDay: 20,
  maxReviewsPerDay: 200,
  doneToday: { newCards: 0, reviews: 0 },
  ...extra,
})

const ids = (cards: QueueCandidate[]) => cards.map((c) => c.cardId)

describe('study queue', () => {
  it('orders reviews and new cards by the rank SQL gave them (reviewOrder, newCardOrder), not by due or position', () => {
    const candidates = [
      card('r1', REVIEW, NOW - 3 * HOUR, { rank: 30 }),
      card('r2', REVIEW, NOW - 2 * HOUR, { rank: 10 }),
      card('r3', REVIEW, NOW - HOUR, { rank: 20 }),
      card('n1', NEW, 0, { position: 1, rank: 900 }),
      card('n2', NEW, 0, { position: 2, rank: 100 }),
    ]
    expect(ids(buildQueue(candidates, context()).cards)).toEqual(['r2', 'r3', 'r1', 'n2', 'n1'])
  })

  it('orders learning due now, then reviews due today, then new cards in deck order', () => {
    const candidates = [
      card('new-b', NEW, 0, { position: 2 }),
      card('rev-late', REVIEW, NOW + 10 * HOUR),
      card('learn-2', RELEARNING, NOW - MINUTE),
      card('new-a', NEW, 0, { position: 1 }),
      card('rev-old', REVIEW, NOW - 3 * 24 * HOUR),
      card('learn-1', LEARNING, NOW - 5 * MINUTE),
    ]
    const queue = buildQueue(candidates, context())
    expect(ids(queue.cards)).toEqual(['learn-1', 'learn-2', 'rev-old', 'rev-late', 'new-a', 'new-b'])
    expect(queue.remaining).toEqual({ learning: 2, review: 2, new: 2 })
  })

  it('introduces one new card of a note a day: a term before its reverse, never both', () => {
    const candidates = [
      card('term', NEW, 0, { position: 1, note: 'n1' }),
      card('term-r', NEW, 0, { position: 2, note: 'n1' }),
      card('other', NEW, 0, { position: 3, note: 'n2' }),
      card('loose-a', NEW, 0, { position: 4, note: '' }),
      card('loose-b', NEW, 0, { position: 5, note: '' }),
    ]
    expect(ids(buildQueue(candidates, context()).cards)).toEqual(['term', 'other', 'loose-a', 'loose-b'])
  })

  it('breaks ties between reviews due at the same time by card id', () => {
    const due = NOW - HOUR
    const queue = buildQueue([card('c', REVIEW, due), card('a', REVIEW, due), card('b', REVIEW, due)], context())
    expect(ids(queue.cards)).toEqual(['a', 'b', 'c'])
  })

  it('leaves out reviews due after the study day ends and learning not yet due', () => {
    const queue = buildQueue(
      [card('tomorrow', REVIEW, DAY_END), card('soon', LEARNING, NOW + 8 * MINUTE), card('now', LEARNING, NOW)],
      context(),
    )
    expect(ids(queue.cards)).toEqual(['now'])
    expect(queue.nextLearningDue).toBe(NOW + 8 * MINUTE)
  })

  it('shows learning cards early within the learn-ahead limit', () => {
    const queue = buildQueue([card('soon', LEARNING, NOW + 8 * MINUTE)], context({ learnAheadMs: 20 * MINUTE }))
    expect(ids(queue.cards)).toEqual(['soon'])
    expect(queue.nextLearningDue).toBeNull()
  })

  it('introduces only the daily new limit minus the new cards already introduced today', () => {
    const fresh = Array.from({ length: 30 }, (_, i) => card(`n${String(i).padStart(2, '0')}`, NEW, 0, { position: i }))
    const queue = buildQueue(fresh, context({ newCardsPerDay: 20, doneToday: { newCards: 15, reviews: 0 } }))
    expect(ids(queue.cards)).toEqual(['n00', 'n01', 'n02', 'n03', 'n04'])
    expect(queue.remaining.new).toBe(5)
    const over = buildQueue(fresh, context({ newCardsPerDay: 20, doneToday: { newCards: 25, reviews: 0 } }))
    expect(over.cards).toEqual([])
  })

  it('stops reviews at the daily maximum but never holds back learning cards', () => {
    const candidates = [
      ...Array.from({ length: 5 }, (_, i) => card(`r${i}`, REVIEW, NOW - (5 - i) * HOUR)),
      card('learn', LEARNING, NOW),
    ]
    const queue = buildQueue(candidates, context({ maxReviewsPerDay: 10, doneToday: { newCards: 0, reviews: 8 } }))
    expect(ids(queue.cards)).toEqual(['learn', 'r0', 'r1'])
    expect(queue.remaining).toEqual({ learning: 1, review: 2, new: 0 })
  })

  it('skips suspended cards and cards buried until later, but not a burial that has ended', () => {
    const queue = buildQueue(
      [
        card('suspended', REVIEW, NOW - HOUR, { suspended: true }),
        card('buried', REVIEW, NOW - HOUR, { buriedUntil: NOW + HOUR }),
        card('buried-new', NEW, 0, { buriedUntil: DAY_END }),
        card('unburied', REVIEW, NOW - HOUR, { buriedUntil: NOW - MINUTE }),
        card('suspended-learning', LEARNING, NOW, { suspended: true }),
      ],
      context(),
    )
    expect(ids(queue.cards)).toEqual(['unburied'])
  })
})

describe('exam mode', () => {
  const settings = { ...defaultSettings(), timezone: 'Europe/Berlin', examDate: '2026-02-01' }
  const examAt = examStartsAt(settings) ?? 0

  it('starts the exam at the start of its study day', () => {
    expect(examAt).toBe(Date.parse('2026-02-01T03:00:00Z'))
    expect(examStartsAt({ ...settings, examDate: undefined })).toBeNull()
  })

  it('orders the cards due before the exam by lowest predicted recall at the exam', () => {
    const recall: Record<string, number> = { strong: 0.95, weak: 0.4, middle: 0.7, late: 0.1, fresh: 0 }
    const candidates = [
      card('strong', REVIEW, NOW),
      card('weak', REVIEW, examAt - HOUR),
      card('middle', RELEARNING, NOW),
      card('late', REVIEW, examAt + HOUR),
      card('fresh', NEW, 0),
      card('suspended', REVIEW, NOW, { suspended: true }),
    ]
    const asked: number[] = []
    const order = examQueue(candidates, { now: NOW, examAt }, (c, at) => {
      asked.push(at)
      return recall[c.cardId] ?? 1
    })
    expect(order.map((item) => item.card.cardId)).toEqual(['weak', 'middle', 'strong'])
    expect(order.map((item) => item.retrievability)).toEqual([0.4, 0.7, 0.95])
    expect(new Set(asked)).toEqual(new Set([examAt]))
  })
})

describe('sql window', () => {
  it('gives the bounds of the study day in the user zone and the fetch limits', () => {
    const settings = { ...defaultSettings(), timezone: 'Asia/Kolkata', newCardsPerDay: 15, learnAheadMinutes: 20 }
    expect(sqlWindow(settings, NOW)).toEqual({
      now: NOW,
      studyDay: '2026-01-15',
      dayStart: Date.parse('2026-01-14T22:30:00Z'),
      dayEnd: Date.parse('2026-01-15T22:30:00Z'),
      learningDueBy: NOW + 20 * MINUTE,
      reviewLimit: 200,
      newLimit: 15,
      bury: { new: true, review: true, interdayLearning: false },
      order: { newCards: 'deck', reviews: 'dueDateThenRandom' },
    })
  })

  it('belongs to the previous study day before the configured hour', () => {
    const window = sqlWindow(defaultSettings(), Date.parse('2026-01-15T03:59:00Z'))
    expect(window.studyDay).toBe('2026-01-14')
    expect(window.dayEnd).toBe(Date.parse('2026-01-15T04:00:00Z'))
  })
})

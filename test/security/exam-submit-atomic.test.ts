import { and, eq, sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { cardStates, exams, reviewLogs } from '../../src/db/schema'
import { type Browser, createClock, createTestApp, signUp } from '../helpers/app'
import { seedExamDeck } from '../helpers/exam-deck'
import { gatedApp, holdFirst, sameBrowserOn } from '../helpers/interleave'

/**
 * Guard whose test could not fail (issue 11): submitting an exam marked it submitted, then fed
 * each answer back in its own batch, so a crash half-way lost the rest for good (a retry finds
 * the exam submitted and writes nothing more). Now the states, the logs and the mark go in one
 * batch: one transaction, one round trip whatever the question count.
 */

interface Started {
  id: string
  questions: { id: string; options?: { id: string }[] }[]
}

async function setup() {
  const clock = createClock(Date.UTC(2026, 0, 15, 12, 0, 0))
  const t = await createTestApp({ clock })
  await seedExamDeck(t.db)
  const user = await signUp(t.app)
  await user.browser.request('/api/v1/settings', { method: 'PUT', json: { fuzz: false, timezone: 'UTC' } })
  return { ...t, user, clock }
}

/** Starts an exam of never-studied cards and answers every question: each answer writes a review at submit. */
async function answeredExam(browser: Browser, questionCount: number): Promise<Started> {
  const res = await browser.request('/api/v1/exams', {
    method: 'POST',
    json: { deck: 'docker', questionCount, format: 'mcq' },
  })
  expect(res.status).toBe(201)
  const exam = (await res.json()) as Started
  for (const q of exam.questions) {
    const put = await browser.request(`/api/v1/exams/${exam.id}/answers/${q.id}`, {
      method: 'PUT',
      json: { choice: q.options?.[0]?.id },
    })
    expect(put.status).toBe(200)
  }
  return exam
}

const examLogs = (db: Awaited<ReturnType<typeof setup>>['db']) =>
  db.select().from(reviewLogs).where(eq(reviewLogs.origin, 'exam'))

describe('submitting an exam', () => {
  it('writes every answer and the submitted mark in one round trip, whatever the question count', async () => {
    const { db, url, clock, user } = await setup()
    let trips: string[][] | undefined
    const recorded = await gatedApp(url, clock, (statements) => {
      trips?.push(statements)
      return undefined
    })
    const browser = sameBrowserOn(recorded.app, user.browser)
    const counts: number[] = []
    for (const questionCount of [4, 16]) {
      const exam = await answeredExam(browser, questionCount)
      trips = []
      const res = await browser.request(`/api/v1/exams/${exam.id}/submit`, { method: 'POST' })
      expect(res.status).toBe(200)
      const writes = trips.filter((trip) => trip.some((s) => /^(insert|update|delete)/i.test(s.trim())))
      expect(writes).toHaveLength(1)
      const [batch] = writes as [string[]]
      expect(batch.filter((s) => /^insert into "review_logs"/.test(s.trim()))).toHaveLength(questionCount)
      expect(batch.filter((s) => /"card_states"/.test(s) && /^(insert|update)/.test(s.trim()))).toHaveLength(
        questionCount,
      )
      expect(batch.at(-1)).toMatch(/^update "exams" set "submitted_at"/)
      counts.push(trips.length)
      trips = undefined
    }
    // The session check with the exam and all that scoring reads, the write: the same for 4 and 16 questions.
    expect(counts).toEqual([2, 2])
    expect(await examLogs(db)).toHaveLength(20)
    recorded.client.close()
  })

  it('writes nothing when a statement in the middle of the batch fails, and everything on the retry', async () => {
    const { db, user } = await setup()
    const exam = await answeredExam(user.browser, 6)
    // A failure injected in the middle: the third exam log is refused by the database.
    await db.run(
      sql.raw(`create trigger third_exam_log_fails before insert on review_logs
        when new.origin = 'exam' and (select count(*) from review_logs where origin = 'exam') >= 2
        begin select raise(abort, 'injected failure'); end`),
    )
    const failed = await user.browser.request(`/api/v1/exams/${exam.id}/submit`, { method: 'POST' })
    expect(failed.status).toBe(500)
    expect(await examLogs(db)).toHaveLength(0)
    expect(await db.select().from(cardStates)).toHaveLength(0)
    const [row] = await db.select().from(exams).where(eq(exams.id, exam.id))
    expect(row).toMatchObject({ submittedAt: null, result: null })

    await db.run(sql.raw('drop trigger third_exam_log_fails'))
    const retried = await user.browser.request(`/api/v1/exams/${exam.id}/submit`, { method: 'POST' })
    expect(retried.status).toBe(200)
    expect(await examLogs(db)).toHaveLength(6)
    expect(
      await db
        .select()
        .from(cardStates)
        .where(and(eq(cardStates.reps, 1))),
    ).toHaveLength(6)
  })

  it('writes the answers once when a second submit reads the card states after the first committed', async () => {
    const { db, url, clock, user } = await setup()
    const exam = await answeredExam(user.browser, 5)
    // The second submit has read the exam (still open) and is about to read the card states;
    // the first submit runs to the end meanwhile, so the second sees fresh versions.
    let firstDone: () => void = () => {}
    const firstSubmitted = new Promise<void>((resolve) => {
      firstDone = resolve
    })
    const hold = holdFirst(/^select .* from "card_states" where/, () => firstSubmitted)
    const second = await gatedApp(url, clock, hold)
    const late = sameBrowserOn(second.app, user.browser).request(`/api/v1/exams/${exam.id}/submit`, {
      method: 'POST',
    })
    await hold.reached
    const first = await user.browser.request(`/api/v1/exams/${exam.id}/submit`, { method: 'POST' })
    firstDone()
    const results = [first, await late]
    expect(results.map((r) => r.status)).toEqual([200, 200])
    const [one, two] = await Promise.all(results.map((r) => r.json()))
    expect(two).toEqual(one)
    expect(await examLogs(db)).toHaveLength(5)
    expect(await db.select().from(cardStates).where(eq(cardStates.reps, 1))).toHaveLength(5)
    second.client.close()
  })
})

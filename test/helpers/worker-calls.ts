import { expect } from 'vitest'
import type { Unstable_DevWorker } from 'wrangler'

export interface CallInit {
  method?: string
  json?: unknown
  headers?: Record<string, string>
  cookie?: string
}
/** The response body as `JSON.parse` types it: the tests read what each route answers. */
type Json = ReturnType<typeof JSON.parse>
export type Call = (
  path: string,
  init?: CallInit,
) => Promise<{ status: number; headers: { get(name: string): string | null }; body: Json }>

/**
 * Calls a Worker started by wrangler: JSON in and out, as a browser with `cookie`, else with the
 * API token `token()` gives (once there is one) as Bearer.
 */
export function workerCaller(worker: () => Unstable_DevWorker, token: () => string): Call {
  return async (path, init = {}) => {
    const headers: Record<string, string> = { ...init.headers }
    if (init.cookie) headers.cookie = init.cookie
    else if (token()) headers.authorization = `Bearer ${token()}`
    if (init.json !== undefined) headers['content-type'] = 'application/json'
    const res = await worker().fetch(path, {
      method: init.method ?? 'GET',
      headers,
      body: init.json === undefined ? undefined : JSON.stringify(init.json),
    })
    const text = await res.text()
    return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : null }
  }
}

/** A quiz of three questions, its first answered and checked at once. */
export async function runQuiz(call: Call) {
  const quiz = await call('/api/v1/quizzes', { method: 'POST', json: { count: 3 } })
  expect(quiz.status, JSON.stringify(quiz.body)).toBe(201)
  const question = quiz.body.questions[0] as { id: string; options: { id: string }[] }
  const answered = await call(`/api/v1/quizzes/${quiz.body.id}/answers/${question.id}`, {
    method: 'POST',
    json: { choice: question.options[0]?.id },
  })
  expect(answered.status, JSON.stringify(answered.body)).toBe(200)
  expect(typeof answered.body.correct).toBe('boolean')
}

/** A five-question mock exam, every answer saved, submitted to its result; a second submit replays it. */
export async function takeExam(call: Call) {
  const exam = await call('/api/v1/exams', { method: 'POST', json: { questionCount: 5, format: 'mcq', minutes: 30 } })
  expect(exam.status, JSON.stringify(exam.body)).toBe(201)
  const questions = exam.body.questions as { id: string; options: { id: string }[] }[]
  expect(questions).toHaveLength(5)
  for (const q of questions) {
    const saved = await call(`/api/v1/exams/${exam.body.id}/answers/${q.id}`, {
      method: 'PUT',
      json: { choice: q.options[0]?.id },
    })
    expect(saved.status, JSON.stringify(saved.body)).toBe(200)
  }
  const result = await call(`/api/v1/exams/${exam.body.id}/submit`, { method: 'POST' })
  expect(result.status, JSON.stringify(result.body)).toBe(200)
  expect(result.body.status).toBe('submitted')
  const again = await call(`/api/v1/exams/${exam.body.id}/submit`, { method: 'POST' })
  expect(again.body).toEqual(result.body)
}

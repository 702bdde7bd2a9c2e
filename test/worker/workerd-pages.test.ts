import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Browser } from '../helpers/app'

/**
 * The HTML pages as deployed: the pages Worker (wrangler.web.toml), which has no database, in
 * front of the data Worker (wrangler.toml) on local D1, both in workerd, started the way a
 * person starts them (`npm run dev:worker`). Every page's data crosses Workers RPC here (values
 * by structured clone, AppError and SchedulingError rebuilt on the pages side), which no Node
 * test sees: on Node `#data` is the functions themselves. A browser is played with fetch, a
 * cookie jar and the forms' hidden fields.
 */

/** How long `npm run dev:worker` may take to answer: it migrates D1, syncs the deck and starts two workerd. */
const startMs = 240_000
const password = 'correct horse battery staple'

/** A port P such that P, P + 1 and their inspectors (P + 1000, P + 1001) are free, as dev-worker takes them. */
async function freePorts(): Promise<number> {
  const free = (port: number) =>
    new Promise<boolean>((resolve) => {
      const server = createServer()
      server.once('error', () => resolve(false))
      server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)))
    })
  for (let tries = 0; tries < 50; tries++) {
    const port = 20_000 + Math.floor(Math.random() * 40_000)
    if ((await Promise.all([port, port + 1, port + 1000, port + 1001].map(free))).every(Boolean)) return port
  }
  throw new Error('no four free ports for dev:worker')
}

/** `npm run dev:worker` on its own state directory, in its own process group (stopped as one). */
function startDevWorker(port: number, persistTo: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/dev-worker.ts'], {
    env: { ...process.env, PORT: String(port), WRANGLER_PERSIST_TO: persistTo, WRANGLER_SEND_METRICS: 'false' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
  let output = ''
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000)
  }
  child.stdout?.on('data', keep)
  child.stderr?.on('data', keep)
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  return { child, exited, output: () => output }
}

/** Polls `/healthz` through the pages Worker (forwarded to the data Worker) until both answer. */
async function waitForHealth(origin: string, dev: ReturnType<typeof startDevWorker>) {
  const deadline = Date.now() + startMs
  while (Date.now() < deadline) {
    if (dev.child.exitCode !== null) throw new Error(`dev:worker exited with ${dev.child.exitCode}:\n${dev.output()}`)
    try {
      const res = await fetch(`${origin}/healthz`)
      const body = await res.text()
      if (res.status === 200 && body === '{"status":"ok","db":"ok"}') return
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  throw new Error(`dev:worker did not answer /healthz in ${startMs / 1000} s:\n${dev.output()}`)
}

/** Stops dev:worker and the wrangler and workerd processes it started: its whole process group. */
async function stopDevWorker(dev: ReturnType<typeof startDevWorker>) {
  const { child } = dev
  if (child.pid === undefined || child.exitCode !== null) return
  const group = -child.pid
  process.kill(group, 'SIGTERM')
  const killed = setTimeout(() => {
    try {
      process.kill(group, 'SIGKILL')
    } catch {
      // Gone already.
    }
  }, 10_000)
  await dev.exited
  clearTimeout(killed)
}

/**
 * A browser without JavaScript: the tests' cookie jar and CSRF-field forms (`Browser`), sent to
 * the pages Worker over fetch with redirects not followed.
 */
class PageBrowser extends Browser {
  constructor(origin: string) {
    super({ request: (url, init) => fetch(url, { ...init, redirect: 'manual' }) }, origin)
  }

  /** A page's status and HTML. */
  async page(path: string): Promise<{ status: number; html: string; res: Response }> {
    const res = await this.request(path)
    return { status: res.status, html: await res.text(), res }
  }
}

/** The value of the first input named `name` in a page. */
function field(html: string, name: string): string {
  const match = new RegExp(`<input[^>]*name="${name}"[^>]*value="([^"]*)"`).exec(html)
  if (!match) throw new Error(`no field ${name} in:\n${html.slice(0, 4000)}`)
  return (match[1] ?? '').replaceAll('&amp;', '&')
}

/** The review page's grade form as an answer page fills it: its card, shown time, key and snapshot. */
function gradeFields(html: string, rating: string, fields: Record<string, string> = {}) {
  return {
    deck: 'docker',
    cardId: field(html, 'cardId'),
    shownAt: field(html, 'shownAt'),
    key: field(html, 'key'),
    snapshot: field(html, 'snapshot'),
    durationMs: '',
    rating,
    ...fields,
  }
}

/** The values of every radio button named `name`. */
function choices(html: string, name: string): string[] {
  return [...html.matchAll(new RegExp(`<input type="radio" name="${name}" value="([^"]*)"`, 'g'))].map(
    (m) => m[1] ?? '',
  )
}

/** A redirect's target. */
function location(res: Response): string {
  expect(res.status, `expected a redirect, got ${res.status}`).toBe(303)
  return res.headers.get('location') ?? ''
}

/** The visible text of a page's main element, tags dropped, for assertions on what a person reads. */
function mainText(html: string): string {
  const main = /<main[^>]*>([\s\S]*)<\/main>/.exec(html)?.[1] ?? html
  return main
    .replace(/<[^>]+>/g, ' ')
    .replaceAll('&#39;', "'")
    .replaceAll('&quot;', '"')
    .replaceAll('&amp;', '&')
    .replace(/\s+/g, ' ')
}

// Steps of one person's session: later steps reuse the account, the review and the team made before.
describe('the pages Worker in workerd, its data over RPC from the data Worker', { shuffle: false }, () => {
  let persistTo: string
  let dev: ReturnType<typeof startDevWorker>
  let browser: PageBrowser
  const email = 'pages@example.com'

  /** The reset link in the last mail the data Worker logged for `to`. */
  async function mailedLink(to: string): Promise<string> {
    for (let waited = 0; waited < 10_000; waited += 200) {
      const log = dev.output()
      const mail = log.lastIndexOf(`dockdeck mail to ${to}:`)
      const link = mail < 0 ? undefined : /\/password\/reset\/[\w-]+/.exec(log.slice(mail))?.[0]
      if (link) return link
      await new Promise((resolve) => setTimeout(resolve, 200))
    }
    throw new Error(`no mail to ${to} in the log:\n${dev.output()}`)
  }

  beforeAll(async () => {
    persistTo = mkdtempSync(join(tmpdir(), 'dockdeck-pages-'))
    const port = await freePorts()
    dev = startDevWorker(port, persistTo)
    const origin = `http://127.0.0.1:${port}`
    await waitForHealth(origin, dev)
    browser = new PageBrowser(origin)
  }, startMs + 30_000)

  afterAll(async () => {
    if (dev) await stopDevWorker(dev)
    // Retried: a workerd still closing its files can leave a directory not yet empty.
    if (persistTo) rmSync(persistTo, { recursive: true, force: true, maxRetries: 5 })
  }, 30_000)

  it('serves the static files from Static Assets, versioned, with the security headers and their own', async () => {
    const page = await browser.page('/signin')
    const css = /href="(\/assets\/app\.css\?v=[a-z0-9]+)"/.exec(page.html)?.[1]
    expect(css).toBeDefined()
    const sheet = await browser.request(css as string)
    expect(sheet.status).toBe(200)
    expect(sheet.headers.get('content-type')).toMatch(/^text\/css/)
    expect(sheet.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    expect(sheet.headers.get('content-security-policy')).toContain("script-src 'self'")
    expect(sheet.headers.get('x-content-type-options')).toBe('nosniff')
    expect((await browser.request('/favicon.ico')).headers.get('content-type')).toBe('image/svg+xml')
    expect((await browser.request('/sw.js')).headers.get('service-worker-allowed')).toBe('/')
    const document = await browser.request('/api/openapi.json')
    expect(document.status).toBe(200)
    expect(await document.json()).toMatchObject({ openapi: '3.1.0' })
    const docs = await browser.request('/api/docs')
    expect(docs.status).toBe(200)
    expect(await docs.text()).toContain('API reference')
    expect((await browser.request('/assets/nothing.css')).status).toBe(404)
  })

  it('signs up through the form, and shows the sign-in form again with its error after a wrong password', async () => {
    const form = await browser.page('/signup')
    expect(form.status).toBe(200)
    expect(form.html).toContain('name="password"')
    const signedUp = await browser.submit('/signup', { email, password, name: 'Ada', timezone: 'UTC' })
    expect(location(signedUp)).toBe('/')
    expect(browser.cookies.has('dockdeck_session')).toBe(true)

    // The login service's AppError (401) is thrown in the data Worker and rebuilt here.
    const stranger = new PageBrowser(browser.origin)
    const refused = await stranger.submit('/signin', { email, password: 'not the password at all' })
    expect(refused.status).toBe(401)
    const html = await refused.text()
    expect(html).toContain('<form')
    expect(html).toContain('<p id="form-error" class="notice error" role="alert">The email or password is wrong.</p>')
    expect(html).toContain(`value="${email}"`)
    expect(stranger.cookies.has('dockdeck_session')).toBe(false)
    const signedIn = await stranger.submit('/signin', { email, password })
    expect(location(signedIn)).toBe('/')
    expect(stranger.cookies.has('dockdeck_session')).toBe(true)
    // Signing out deletes that session (its cookie, replayed, is refused); the first browser stays signed in.
    const session = `dockdeck_session=${stranger.cookies.get('dockdeck_session')}`
    expect(location(await stranger.submit('/signout', {}))).toBe('/signin')
    const replayed = await fetch(`${browser.origin}/settings`, { headers: { cookie: session }, redirect: 'manual' })
    expect(replayed.headers.get('location')).toBe('/signin?next=%2Fsettings')
    expect((await browser.page('/settings')).status).toBe(200)
  })

  it('shows the home page with the deck and its topics counted (a Map across RPC)', async () => {
    const { status, html } = await browser.page('/')
    expect(status).toBe(200)
    expect(html).toContain('<a href="/decks/docker">Docker</a>')
    const counts =
      /<strong data-count="due">(\d+)<\/strong> due · <strong data-count="new">(\d+)<\/strong> new today · <span class="muted">(\d+) unseen of (\d+) cards/.exec(
        html,
      )
    expect(counts?.slice(1).map(Number)).toEqual([0, 20, expect.any(Number), expect.any(Number)])
    expect(Number(counts?.[3])).toBeGreaterThan(1000)
    // Each topic's row is filled from the Map of counts, not left at zero.
    const architecture = /<tr data-topic="architecture">[\s\S]*?<\/tr>/.exec(html)?.[0] ?? ''
    expect(architecture).toMatch(/<td class="num">0<\/td><td class="num">20<\/td><td class="num">\d+/)
    expect(architecture).not.toMatch(/<td class="num">0<\/td><td class="num">20<\/td><td class="num">0</)
  })

  let answered = ''
  it('reviews: shows a card, grades it through the answer form with its snapshot, shows the next, undoes', async () => {
    const question = await browser.page('/review?deck=docker')
    expect(question.status).toBe(200)
    const cardId = field(question.html, 'card')
    expect(mainText(question.html)).toContain('20 left')

    const params = new URLSearchParams({ deck: 'docker', card: cardId, shownAt: field(question.html, 'shownAt') })
    const answer = await browser.page(`/review/answer?${params}`)
    expect(answer.status).toBe(200)
    for (const rating of ['again', 'hard', 'good', 'easy']) expect(answer.html).toContain(`value="${rating}"`)
    const snapshot = field(answer.html, 'snapshot')
    expect(snapshot).toMatch(/^[\w-]+\.[\w-]{43}$/)

    const graded = await browser.submit('/review/grade', gradeFields(answer.html, 'good'))
    expect(location(graded)).toBe('/review?deck=docker')
    const next = await browser.page('/review?deck=docker')
    expect(field(next.html, 'card')).not.toBe(cardId)
    expect(next.html).toMatch(/<progress max="\d+" value="1"/)

    const undone = await browser.submit('/review/undo', { deck: 'docker' })
    expect(location(undone)).toBe(`/review?deck=docker&card=${encodeURIComponent(cardId)}&notice=undone`)
    const again = await browser.page(location(undone))
    expect(field(again.html, 'card')).toBe(cardId)
    expect(again.html).toMatch(/<progress max="\d+" value="0"/)
    // Nothing left to undo: the 409 AppError crossed back and became a notice.
    const nothing = await browser.submit('/review/undo', { deck: 'docker' })
    expect(location(nothing)).toBe('/review?deck=docker&notice=nothing-to-undo')

    // Answered again from the page shown after the undo (the earlier page's shownAt is stale now).
    const reshown = new URLSearchParams({ deck: 'docker', card: cardId, shownAt: field(again.html, 'shownAt') })
    const shown = await browser.page(`/review/answer?${reshown}`)
    const regraded = await browser.submit('/review/grade', gradeFields(shown.html, 'good', { durationMs: '4000' }))
    expect(location(regraded)).toBe('/review?deck=docker')
    answered = cardId

    // The same form sent again with another grade: recorded once, said so (an idempotency AppError).
    const resent = await browser.submit('/review/grade', gradeFields(shown.html, 'easy', { durationMs: '4000' }))
    expect(location(resent)).toBe('/review?deck=docker&notice=recorded')
    // The first answer page, shown before all this, graded late: stale, a notice and not an error page.
    const late = await browser.submit('/review/grade', gradeFields(answer.html, 'hard', { key: 'a-late-tab' }))
    expect(location(late)).toBe('/review?deck=docker&notice=stale')
  })

  it('checks a typed command on the answer side of a type-in card', async () => {
    const found = await browser.request('/api/v1/cards?q=List%20the%20running%20containers&limit=20')
    const { cards } = (await found.json()) as { cards: { id: string; kind: string; answer: string }[] }
    const card = cards.find((c) => c.kind === 'typein' && c.answer === 'docker ps')
    expect(card).toBeDefined()
    const question = await browser.page(`/review?deck=docker&card=${card?.id}`)
    expect(question.html).toMatch(/<label for="typed">Type the command<\/label><input id="typed" name="typed"/)
    const reveal = (typed: string) =>
      browser.page(
        `/review/answer?${new URLSearchParams({
          deck: 'docker',
          card: card?.id ?? '',
          shownAt: field(question.html, 'shownAt'),
          typed,
        })}`,
      )
    const right = await reveal('docker  ps')
    expect(right.status).toBe(200)
    expect(right.html).toContain('Your answer matches')
    expect(right.html).toMatch(/value="good"[^>]*autofocus=""/)
    const wrong = await reveal('docker images')
    expect(wrong.html).toContain('Your answer differs')
    expect(wrong.html).toMatch(/value="again"[^>]*autofocus=""/)
  })

  it('shows the progress page with the review just made', async () => {
    const { status, html } = await browser.page('/progress?deck=docker')
    expect(status).toBe(200)
    const text = mainText(html)
    expect(text).toContain('Your progress')
    expect(text).not.toContain('No reviews yet')
    expect(text).toMatch(/Cards studied 1 of \d{4} cards/)
    expect(text).toContain('Today: 1 answer, 0 again')
    expect(text).toMatch(/100% of 1 studied/)
  })

  it('shows the settings page, saves a change and shows it kept', async () => {
    const form = await browser.page('/settings')
    expect(form.status).toBe(200)
    expect(field(form.html, 'newCardsPerDay')).toBe('20')
    const saved = await browser.submit('/settings', {
      desiredRetention: '0.85',
      newCardsPerDay: '7',
      maxReviewsPerDay: '150',
      learningSteps: '1m 10m',
      relearningSteps: '10m',
      timezone: 'Europe/Berlin',
      dayStartsAt: '4',
      leechThreshold: '8',
      examDate: '',
      learnAheadMinutes: '20',
      maximumInterval: '36500',
    })
    expect(location(saved)).toBe('/settings?saved=1')
    const kept = await browser.page('/settings?saved=1')
    expect(field(kept.html, 'newCardsPerDay')).toBe('7')
    expect(field(kept.html, 'desiredRetention')).toBe('0.85')
    expect(kept.html).toContain('Europe/Berlin')
    // A refused value: the validation AppError's field list crosses and lands under its label.
    const refused = await browser.submit('/settings', { newCardsPerDay: '-3' })
    expect(refused.status).toBe(400)
    const refusal = await refused.text()
    expect(mainText(refusal)).toContain('Nothing was saved.')
    expect(refusal).toMatch(/<p id="newCardsPerDay-error" class="error field-error">[^<]+<\/p>/)
    // No optimizer in a Worker: the 501 AppError is said on the page, with the command to run.
    const fit = await browser.submit('/settings/optimize', {})
    expect(fit.status).toBe(501)
    expect(mainText(await fit.text())).toContain('npm run fsrs:optimize')
  })

  it('takes a mock exam started through its form: answers a question, submits, shows the result', async () => {
    const start = await browser.page('/exams')
    expect(start.status).toBe(200)
    expect(start.html).toContain('name="questionCount"')
    const started = await browser.submit('/exams', { deck: 'docker', questionCount: '3', minutes: '10', format: 'mcq' })
    const examPath = location(started)
    expect(examPath).toMatch(/^\/exams\/[\w-]+$/)

    const first = await browser.page(examPath)
    expect(first.status).toBe(200)
    expect(mainText(first.html)).toContain('Question 1 of 3')
    const options = choices(first.html, 'choice')
    expect(options.length).toBeGreaterThanOrEqual(2)
    const saved = await browser.submit(`${examPath}/answer`, {
      question: field(first.html, 'question'),
      q: '1',
      choice: options[0] ?? '',
      go: 'next',
    })
    expect(location(saved)).toBe(`${examPath}?q=2`)
    const second = await browser.page(`${examPath}?q=2`)
    expect(mainText(second.html)).toContain('Question 2 of 3')
    expect(second.html).toMatch(/1<span class="visually-hidden">, answered/)

    const submitted = await browser.submit(`${examPath}/submit`, {})
    expect(location(submitted)).toBe(`${examPath}/result`)
    const result = await browser.page(`${examPath}/result`)
    expect(result.status).toBe(200)
    expect(mainText(result.html)).toMatch(/[0-1] of 3 questions right/)
    expect(result.html).toMatch(/class="result-question is-(right|wrong)"/)
    expect((await browser.request(examPath)).headers.get('location')).toBe(`${examPath}/result`)
  })

  it('runs a quiz: a question answered, its verdict shown at once', async () => {
    const start = await browser.page('/quiz')
    expect(start.status).toBe(200)
    const started = await browser.submit('/quiz', { deck: 'docker', count: '3' })
    const questionPath = location(started)
    expect(questionPath).toMatch(/^\/quiz\/[\w-]+\?q=1$/)
    const quizPath = questionPath.replace(/\?.*/, '')
    const question = await browser.page(questionPath)
    expect(question.status).toBe(200)
    const options = choices(question.html, 'choice')
    expect(options.length).toBeGreaterThanOrEqual(2)
    const answeredQuiz = await browser.submit(`${quizPath}/answer`, {
      question: field(question.html, 'question'),
      q: '1',
      choice: options[0] ?? '',
    })
    expect(location(answeredQuiz)).toBe(`${quizPath}?q=1`)
    const verdict = await browser.page(`${quizPath}?q=1`)
    expect(mainText(verdict.html)).toMatch(/✓ Right!|✗ Not quite: the answer is “[^”]+”\./)
  })

  it('creates a team, shows its page, creates a check and answers it', async () => {
    const created = await browser.submit('/teams', { name: 'Platform' })
    const teamPath = location(created)
    expect(teamPath).toMatch(/^\/teams\/[\w-]+$/)
    const team = await browser.page(teamPath)
    expect(team.status).toBe(200)
    expect(team.html).toContain('<h1>Platform</h1>')
    expect(mainText(team.html)).toContain('Ada')
    expect((await browser.page('/teams')).html).toContain(`href="${teamPath}"`)

    const check = await browser.submit(`${teamPath}/checks`, {
      title: 'Engine basics',
      deck: 'docker',
      questionCount: '3',
      format: 'mcq',
      opensAt: '',
      closesAt: '',
    })
    const checkPath = location(check)
    expect(checkPath).toMatch(/^\/checks\/[\w-]+$/)
    const view = await browser.page(checkPath)
    expect(view.status).toBe(200)
    expect(view.html).toContain('Engine basics')
    const questions = [...view.html.matchAll(/<input type="radio" name="q\.([^"]+)" value="([^"]+)"/g)]
    const answers = Object.fromEntries(questions.map((m) => [`q.${m[1]}`, m[2] ?? '']))
    expect(Object.keys(answers)).toHaveLength(3)
    const submitted = await browser.submit(checkPath, answers)
    expect(location(submitted)).toBe(checkPath)
    const results = await browser.page(`${checkPath}/results`)
    expect(results.status).toBe(200)
    expect(mainText(results.html)).toContain('Engine basics')
    expect(mainText(results.html)).toMatch(/Score by member Ada \d+% \(\d\/3\)/)
  })

  let registry = ''
  it('invites a second person by link: the sign-up form names the team, joining lands on its page', async () => {
    const teamPath = location(await browser.submit('/teams', { name: 'Registry' }))
    registry = teamPath
    const invited = await browser.submit(`${teamPath}/invites`, {})
    expect(invited.status).toBe(200)
    const invitePath = /value="(\/invites\/[\w-]{22})"/.exec(await invited.text())?.[1] ?? ''
    expect(invitePath).toMatch(/^\/invites\//)

    const grace = new PageBrowser(browser.origin)
    const form = await grace.page(`/signup?next=${encodeURIComponent(invitePath)}`)
    expect(form.html).toContain('You have been invited to join the team Registry.')
    const signedUp = await grace.submit('/signup', {
      email: 'grace@example.com',
      password,
      name: 'Grace',
      timezone: 'UTC',
      next: invitePath,
    })
    expect(location(signedUp)).toBe(invitePath)
    expect((await grace.page(invitePath)).html).toContain('<title>Join Registry')
    expect(location(await grace.submit(invitePath, {}))).toBe(teamPath)
    const members = mainText((await browser.page(teamPath)).html)
    expect(members).toContain('Members (2)')
    expect(members).toContain('Grace')
    // Used once: the link is refused to anyone after.
    const late = new PageBrowser(browser.origin)
    await late.submit('/signup', { email: 'late@example.com', password, name: 'Late', timezone: 'UTC' })
    expect((await late.page(invitePath)).status).toBe(410)
  })

  it('searches the card browser and shows a card’s info page', async () => {
    const found = await browser.page('/cards?q=containerd')
    expect(found.status).toBe(200)
    const ids = [...found.html.matchAll(/href="\/cards\/([\w-]+)"/g)].map((m) => m[1] ?? '')
    expect(ids.length).toBeGreaterThan(0)
    const total = Number(/<h2 id="results-heading">(\d+) cards?<\/h2>/.exec(found.html)?.[1])
    expect(total).toBeGreaterThan(0)
    expect(total).toBeLessThan(1000)
    expect(mainText(found.html).toLowerCase()).toContain('containerd')
    const info = await browser.page(`/cards/${answered}`)
    expect(info.status).toBe(200)
    // The card answered above: its history came from the data Worker.
    const text = mainText(info.html)
    expect(text).toContain('History · 1 answer')
    expect(text).toMatch(/Rating From State after Due after .* good /)

    // Suspended from its page, then the action undone from the notice it leaves.
    const suspended = await browser.submit('/cards/actions', {
      action: 'suspend',
      ids: answered,
      back: `card=${answered}`,
    })
    const cardPath = location(suspended)
    expect(cardPath).toMatch(new RegExp(`^/cards/${answered}\\?action=[\\w-]+$`))
    const notice = mainText((await browser.page(cardPath)).html)
    expect(notice).toContain('Suspended 1 card.')
    expect(notice).toMatch(/State learning, suspended Due/)
    const actionId = new URL(cardPath, browser.origin).searchParams.get('action')
    const undone = await browser.submit(`/cards/actions/${actionId}/undo`, { back: `card=${answered}` })
    expect(location(undone)).toBe(cardPath)
    expect(mainText((await browser.page(cardPath)).html)).toContain('Undone: 1 card back as they were.')
  })

  it('shows a deck page and one of its topics with its cards', async () => {
    const deck = await browser.page('/decks/docker')
    expect(deck.status).toBe(200)
    expect(deck.html).toContain('Docker Engine architecture')
    const topic = await browser.page('/decks/docker?topic=architecture')
    expect(topic.status).toBe(200)
    expect(topic.html).toMatch(/<title>Docker Engine architecture · Docker/)
    expect(topic.html).toContain('href="/decks/docker/notes/architecture')
  })

  it('creates an API token shown once, uses it through the pages Worker, then revokes it', async () => {
    const created = await browser.submit('/account/tokens', {
      name: 'ci script',
      scopes: ['review'],
      expiresInDays: '30',
    })
    expect(created.status).toBe(201)
    const html = await created.text()
    expect(mainText(html)).toContain('Token "ci script" created. Copy it now: it is shown only once.')
    const token = /<code id="new-token">(dd_[^<]+)<\/code>/.exec(html)?.[1] ?? ''
    expect(token).toMatch(/^dd_/)
    const account = await browser.page('/account')
    expect(account.html).toContain('ci script')
    expect(account.html).not.toContain(token)

    const api = (path: string) =>
      fetch(`${browser.origin}${path}`, { headers: { authorization: `Bearer ${token}` }, redirect: 'manual' })
    const next = await api('/api/v1/review/next?deck=docker')
    expect(next.status).toBe(200)
    expect(next.headers.get('content-type')).toMatch(/^application\/json/)
    expect(((await next.json()) as { card: { id: string } }).card.id).toBeTruthy()

    const tokenId = /action="\/account\/tokens\/([\w-]+)\/revoke"/.exec(account.html)?.[1] ?? ''
    const revoked = await browser.submit(`/account/tokens/${tokenId}/revoke`, {})
    expect(revoked.status).toBe(200)
    expect(await revoked.text()).toContain('The token was revoked: it no longer works.')
    const refused = await api('/api/v1/review/next?deck=docker')
    expect(refused.status).toBe(401)
    expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/)
  })

  it('answers an unknown page with the HTML error page, and an unknown team as a 404 from the data Worker', async () => {
    const missing = await browser.page('/no-such-page')
    expect(missing.status).toBe(404)
    expect(missing.res.headers.get('content-type')).toMatch(/^text\/html/)
    expect(missing.html).toContain('<h1>Page not found</h1>')
    const team = await browser.page('/teams/00000000-0000-4000-8000-000000000000')
    expect(team.status).toBe(404)
    expect(team.res.headers.get('content-type')).toMatch(/^text\/html/)
    expect(team.html).toContain('<h1>Page not found</h1>')
    // Own decks are compiled on the Node server only: the page says where, and not "try again".
    const decks = await browser.page('/decks')
    expect(decks.status).toBe(501)
    expect(decks.html).toContain('<h1>Not on this server</h1>')
    expect(decks.html).toContain('on the Node server only')
    expect(decks.html).not.toContain('Try again in a moment')
  })

  it('forwards /api/v1 through the pages Worker: JSON for the session, problem+json for an unknown path', async () => {
    const settings = await browser.request('/api/v1/settings')
    expect(settings.status).toBe(200)
    expect(settings.headers.get('content-type')).toMatch(/^application\/json/)
    expect(await settings.json()).toMatchObject({ newCardsPerDay: 7, timezone: 'Europe/Berlin' })
    const unknown = await browser.request('/api/v1/no-such-thing')
    expect(unknown.status).toBe(404)
    expect(unknown.headers.get('content-type')).toMatch(/^application\/problem\+json/)
    expect(await unknown.json()).toMatchObject({ status: 404, code: 'not_found' })
  })

  it('changes the email on the account page, and sets a new password through the mailed reset link', async () => {
    const newEmail = 'renamed@example.com'
    const changed = await browser.submit('/account/email', { email: newEmail, currentPassword: password })
    expect(changed.status).toBe(200)
    expect(mainText(await changed.text())).toContain(`You now sign in as ${newEmail}.`)

    // The data Worker's mailer writes the message to its log, which dev:worker passes on.
    const visitor = new PageBrowser(browser.origin)
    const forgot = await visitor.submit('/password/forgot', { email: newEmail })
    expect(forgot.status).toBe(200)
    const link = await mailedLink(newEmail)
    expect((await visitor.page(link)).html).toContain('name="newPassword"')
    const reset = await visitor.submit(link, { newPassword: 'a brand new passphrase' })
    expect(location(reset)).toBe('/signin?reset=1')
    // Spent: the link works once.
    expect((await visitor.page(link)).status).toBe(410)
    const signedIn = await visitor.submit('/signin', { email: newEmail, password: 'a brand new passphrase' })
    expect(location(signedIn)).toBe('/')
    expect(mainText((await visitor.page('/account')).html)).toMatch(/You sign in as renamed@example\.com ?\./)
    // The reset ended every session of the account, the first browser's too.
    expect(location(await browser.request('/account'))).toBe('/signin?next=%2Faccount')
    browser = visitor
  })

  // Last: the account is gone afterwards.
  it('deletes the account from the account page once its team has another owner', async () => {
    const refused = await browser.submit('/account/delete', {
      currentPassword: 'a brand new passphrase',
      confirm: 'delete',
    })
    expect(refused.status).toBe(409)
    expect(mainText(await refused.text())).toContain('You are the only owner of "Registry"')
    const team = await browser.page(registry)
    const promote = /<form method="post" action="([^"]+\/role)" class="inline-form">/.exec(team.html)?.[1] ?? ''
    expect(team.html).toContain('Make Grace an owner')
    expect(location(await browser.submit(promote, { role: 'owner' }))).toBe(registry)

    const deleted = await browser.submit('/account/delete', {
      currentPassword: 'a brand new passphrase',
      confirm: 'delete',
    })
    expect(deleted.status).toBe(200)
    expect(mainText(await deleted.text())).toContain('Your account was deleted')
    expect(location(await browser.request('/review'))).toBe('/signin?next=%2Freview')
    const signIn = await new PageBrowser(browser.origin).submit('/signin', {
      email: 'renamed@example.com',
      password: 'a brand new passphrase',
    })
    expect(signIn.status).toBe(401)
  })
})

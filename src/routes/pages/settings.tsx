import { Hono } from 'hono/tiny'
import { optimizeWeights, updateSettings } from '#data'
import { type StudySettings, studySettingsUpdateSchema } from '../../domain/scheduling'
import type { AppEnv } from '../../env'
import { AppError } from '../../errors'
import type { OptimizeResult } from '../../services/fsrs-optimize'
import { parseWith } from '../../validation'
import { type FitNotice, SettingsPage, type SettingsValues } from '../../views/pages/settings'
import { signedIn } from './signed-in'

type FormBody = Record<string, string | File | (string | File)[]>

const labels: Record<keyof SettingsValues, string> = {
  desiredRetention: 'Desired retention',
  newCardsPerDay: 'New cards per day',
  maxReviewsPerDay: 'Maximum reviews per day',
  learningSteps: 'Learning steps',
  relearningSteps: 'Relearning steps',
  timezone: 'Time zone',
  dayStartsAt: 'Day start',
  leechThreshold: 'Leech threshold',
  examDate: 'Exam date',
  fuzz: 'Fuzz',
  learnAheadMinutes: 'Learn ahead',
  maximumInterval: 'Maximum interval',
  buryNewSiblings: 'Bury new siblings',
  buryReviewSiblings: 'Bury review siblings',
  buryInterdayLearningSiblings: 'Bury interday learning siblings',
  newCardOrder: 'New card order',
  reviewOrder: 'Review order',
}

function valuesOf(settings: StudySettings): SettingsValues {
  return {
    desiredRetention: String(settings.desiredRetention),
    newCardsPerDay: String(settings.newCardsPerDay),
    maxReviewsPerDay: String(settings.maxReviewsPerDay),
    learningSteps: settings.learningSteps.join(' '),
    relearningSteps: settings.relearningSteps.join(' '),
    timezone: settings.timezone,
    dayStartsAt: String(settings.dayStartsAt),
    leechThreshold: String(settings.leechThreshold),
    examDate: settings.examDate ?? '',
    fuzz: settings.fuzz,
    learnAheadMinutes: String(settings.learnAheadMinutes),
    maximumInterval: String(settings.maximumInterval),
    buryNewSiblings: settings.buryNewSiblings,
    buryReviewSiblings: settings.buryReviewSiblings,
    buryInterdayLearningSiblings: settings.buryInterdayLearningSiblings,
    newCardOrder: settings.newCardOrder,
    reviewOrder: settings.reviewOrder,
  }
}

function formValues(body: FormBody): SettingsValues {
  const text = (name: keyof SettingsValues) => {
    const value = body[name]
    return typeof value === 'string' ? value.trim() : ''
  }
  return {
    desiredRetention: text('desiredRetention'),
    newCardsPerDay: text('newCardsPerDay'),
    maxReviewsPerDay: text('maxReviewsPerDay'),
    learningSteps: text('learningSteps'),
    relearningSteps: text('relearningSteps'),
    timezone: text('timezone'),
    dayStartsAt: text('dayStartsAt'),
    leechThreshold: text('leechThreshold'),
    examDate: text('examDate'),
    fuzz: body.fuzz === 'on',
    learnAheadMinutes: text('learnAheadMinutes'),
    maximumInterval: text('maximumInterval'),
    buryNewSiblings: body.buryNewSiblings === 'on',
    buryReviewSiblings: body.buryReviewSiblings === 'on',
    buryInterdayLearningSiblings: body.buryInterdayLearningSiblings === 'on',
    newCardOrder: text('newCardOrder'),
    reviewOrder: text('reviewOrder'),
  }
}

/** Form strings to the API's update body; a non-number stays a string so the schema names the field. */
function toUpdate(values: SettingsValues): Record<string, unknown> {
  const number = (text: string) => (/^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text)
  const steps = (text: string) => text.split(/[\s,]+/).filter(Boolean)
  return {
    desiredRetention: number(values.desiredRetention),
    newCardsPerDay: number(values.newCardsPerDay),
    maxReviewsPerDay: number(values.maxReviewsPerDay),
    learningSteps: steps(values.learningSteps),
    relearningSteps: steps(values.relearningSteps),
    timezone: values.timezone,
    dayStartsAt: number(values.dayStartsAt),
    leechThreshold: number(values.leechThreshold),
    examDate: values.examDate || null,
    fuzz: values.fuzz,
    // Absent from a form served before the field existed: left as it is.
    learnAheadMinutes: values.learnAheadMinutes === '' ? undefined : number(values.learnAheadMinutes),
    maximumInterval: values.maximumInterval === '' ? undefined : number(values.maximumInterval),
    buryNewSiblings: values.buryNewSiblings,
    buryReviewSiblings: values.buryReviewSiblings,
    buryInterdayLearningSiblings: values.buryInterdayLearningSiblings,
    newCardOrder: values.newCardOrder || undefined,
    reviewOrder: values.reviewOrder || undefined,
  }
}

type FieldIssue = { field: string; message: string }

/** Schema messages start with the API field name; the form shows them under the label instead. */
function fieldErrors(issues: FieldIssue[]) {
  const errors: Partial<Record<keyof SettingsValues, string>> = {}
  for (const issue of issues) {
    const key = issue.field.split('.')[0] as keyof SettingsValues
    if (!(key in labels) || errors[key]) continue
    const text = issue.message.replace(new RegExp(`^${key}\\s+`), '')
    errors[key] = text.charAt(0).toUpperCase() + text.slice(1)
  }
  return errors
}

const score = (logLoss: number) => logLoss.toFixed(4)

/** What the page says after a fit: the figures, and whether they are now in force. */
function fitNotice(result: OptimizeResult): FitNotice {
  const figures =
    `Fitted on ${result.reviews} reviews; on the ${result.heldOut} held out of the fit, log loss ` +
    `${score(result.before.logLoss)} with the parameters in force, ${score(result.after.logLoss)} fitted.`
  return result.saved
    ? { ok: true, text: `${figures} Your own parameters now schedule your cards.` }
    : { ok: false, text: `${figures} They predict no better, so nothing changed.` }
}

/** `/settings`: the study settings as a plain form, saved through the same rules as the API. */
export const settingsPages = new Hono<AppEnv>()
  .use('/settings', signedIn)
  .use('/settings/*', signedIn)
  .get('/settings', async (c) => {
    const values = valuesOf(c.var.user.settings)
    const page = { values, errors: {}, csrfToken: c.var.csrfToken }
    return c.render(
      <SettingsPage
        {...page}
        personal={c.var.user.settings.fsrsWeights !== null}
        saved={c.req.query('saved') === '1'}
      />,
      {
        title: 'Settings',
        styles: ['review.css'],
        scripts: ['timezone.js'],
      },
    )
  })
  .post('/settings', async (c) => {
    const values = formValues(await c.req.parseBody({ all: true }))
    try {
      await updateSettings(c.var.user, parseWith(studySettingsUpdateSchema, toUpdate(values)))
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'validation_failed') throw error
      c.status(400)
      const issues = (error.options.extra?.errors ?? []) as FieldIssue[]
      const page = { values, errors: fieldErrors(issues) }
      const personal = c.var.user.settings.fsrsWeights !== null
      return c.render(<SettingsPage {...page} personal={personal} saved={false} csrfToken={c.var.csrfToken} />, {
        title: 'Settings',
        styles: ['review.css'],
        scripts: ['timezone.js'],
      })
    }
    return c.redirect('/settings?saved=1', 303)
  })
  .post('/settings/optimize', async (c) => {
    const { user } = c.var
    let fit: FitNotice
    let personal = user.settings.fsrsWeights !== null
    try {
      const result = await optimizeWeights(user, c.var.deps.fsrsOptimizer)
      fit = fitNotice(result)
      personal ||= result.saved
    } catch (error) {
      // Too little history (422), no optimizer here (501), too slow or busy (503): said on the page.
      if (!(error instanceof AppError) || ![422, 501, 503].includes(error.status)) throw error
      c.status(error.status)
      fit = { ok: false, text: error.message.charAt(0).toUpperCase() + error.message.slice(1) }
    }
    const values = valuesOf(user.settings)
    const page = { values, errors: {}, csrfToken: c.var.csrfToken }
    return c.render(<SettingsPage {...page} personal={personal} fit={fit} saved={false} />, {
      title: 'Settings',
      styles: ['review.css'],
      scripts: ['timezone.js'],
    })
  })
  .post('/settings/timezone', async (c) => {
    const body = await c.req.parseBody()
    const timezone = typeof body.timezone === 'string' ? body.timezone : ''
    await updateSettings(c.var.user, parseWith(studySettingsUpdateSchema, { timezone }))
    return c.redirect('/settings?saved=1', 303)
  })

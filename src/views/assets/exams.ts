import { type Asset, css, js } from './asset'

/** Exam, quiz and readiness styles: colours only through the app's light/dark variables. */
const examCss = `
.exam-fields{display:grid;grid-template-columns:repeat(auto-fit,minmax(9rem,1fr));gap:0 1rem}
.topic-choice{border:1px solid var(--line);border-radius:.4rem;padding:.3rem .9rem .6rem;margin:.8rem 0}
.topic-choice legend{font-weight:600;padding:0 .3rem}
.topic-choice p{margin:.1rem 0 .3rem}
label.check{display:flex;gap:.5rem;align-items:center;font-weight:400;margin:.35rem 0}
label.check input{width:1.15rem;height:1.15rem;margin:0;flex:none}
input.short{max-width:8rem}
[aria-invalid=true]{border-color:var(--bad);border-width:2px}
.exam-bar{display:flex;flex-wrap:wrap;justify-content:space-between;align-items:center;gap:.3rem 1rem;position:sticky;top:0;z-index:1;background:var(--bg);padding:.4rem 0;margin-bottom:.8rem;border-bottom:1px solid var(--line)}
.exam-bar h1{margin:0;font-size:1.4rem}
.countdown{margin:0}
.countdown-clock{font-variant-numeric:tabular-nums;font-weight:700;font-size:1.5rem}
.countdown.low .countdown-clock{color:var(--bad)}
.exam-layout{display:grid;gap:0 1rem;grid-template-columns:minmax(0,1fr)}
@media (min-width:46rem){.exam-layout{grid-template-columns:minmax(0,1fr) 13.5rem;align-items:start}}
.question-meta{font-size:1rem;font-weight:600;margin:0 0 .6rem}
.flag-note{color:var(--warn)}
.prompt{font-size:1.15rem;overflow-wrap:anywhere}
.prompt>:first-child{margin-top:0}
.options{border:0;padding:0;margin:1rem 0 .5rem;min-width:0}
.options legend{font-weight:600;padding:0;margin-bottom:.4rem}
label.option{display:flex;gap:.6rem;align-items:flex-start;font-weight:400;margin:.45rem 0;padding:.6rem .8rem;border:2px solid var(--line);border-radius:.5rem;background:var(--card);cursor:pointer;overflow-wrap:anywhere}
label.option:has(input:checked){border-color:var(--accent)}
label.option input{width:1.2rem;height:1.2rem;margin:.15rem 0 0;flex:none}
.option .letter{font-weight:700;min-width:1.1rem}
.option-text{flex:1}
label.option.right{border-color:var(--ok)}
label.option.wrong{border-color:var(--bad)}
.option-mark{font-weight:700;white-space:nowrap}
.option.right .option-mark{color:var(--ok)}
.option.wrong .option-mark{color:var(--bad)}
fieldset:disabled label.option{cursor:default}
.answer-buttons{gap:.5rem;margin-top:1rem}
.answer-buttons button,.answer-buttons .button{padding:.45rem .8rem}
button kbd,.button kbd{border-color:currentColor;font-size:.75em;margin-left:.2rem}
.domc{border:2px solid var(--accent);border-radius:.5rem;padding:.6rem 1rem .4rem;margin:1rem 0}
.domc legend{font-weight:600;padding:0 .3rem}
.domc-option{font-size:1.15rem;margin:.2rem 0 .8rem;overflow-wrap:anywhere}
.domc .row button{min-width:6rem}
.domc-judged{margin:.6rem 0;padding-left:1.2rem}
.typed-input,.typed-text{font-family:ui-monospace,SFMono-Regular,Menlo,monospace}
.navigator h2{font-size:1.05rem;margin:0}
.navigator p{margin:.2rem 0;font-size:.9rem}
.navigator-grid{list-style:none;padding:0;margin:.5rem 0;display:grid;grid-template-columns:repeat(auto-fill,minmax(2.3rem,1fr));gap:.3rem}
.nav-item{display:flex;align-items:center;justify-content:center;position:relative;min-height:2.3rem;border:1px solid var(--muted);border-radius:.3rem;background:var(--card);color:var(--fg);text-decoration:none;font-variant-numeric:tabular-nums}
.nav-item.answered{background:var(--accent);border-color:var(--accent);color:var(--accent-fg)}
.nav-item.flagged{border:2px solid var(--warn)}
.nav-item[aria-current=page]{font-weight:700;box-shadow:0 0 0 2px var(--bg),0 0 0 4px var(--fg)}
.flag-mark{position:absolute;top:-.05rem;right:.12rem;font-size:.65rem;line-height:1}
.nav-item:not(.answered) .flag-mark{color:var(--warn)}
.navigator-legend .nav-item{display:inline-flex;min-height:1.5rem;min-width:1.5rem;font-size:.75rem;margin:0 .15rem;vertical-align:middle}
.submit-exam summary{cursor:pointer;font-weight:600;color:var(--accent)}
.submit-exam form{margin:0}
.verdict h2{font-size:1.6rem;margin:0 0 .4rem}
.verdict.passed{border-left:6px solid var(--ok)}
.verdict.failed{border-left:6px solid var(--bad)}
.exam-bars{display:block;margin:.4rem 0 1rem;overflow:visible}
.exam-bars text{fill:var(--fg);font:14px system-ui,sans-serif}
.exam-bars .value{fill:var(--muted)}
.exam-bars .track{fill:var(--line)}
.exam-bars .bar{fill:var(--ok)}
.exam-bars .bar.low{fill:var(--bad)}
.exam-bars .pass-mark{stroke:var(--fg);stroke-width:2;stroke-dasharray:4 3}
.result-list{list-style:none;padding:0;margin:0}
.result-question{background:var(--card);border:1px solid var(--line);border-left:5px solid var(--line);border-radius:.4rem;padding:.7rem 1rem;margin:.7rem 0}
.result-question.is-right{border-left-color:var(--ok)}
.result-question.is-wrong{border-left-color:var(--bad)}
.result-question .prompt{font-size:1.05rem}
.result-answers{display:grid;grid-template-columns:max-content minmax(0,1fr);gap:.2rem 1rem;margin:.5rem 0}
.result-answers dt{color:var(--muted)}
.result-answers dd{margin:0;overflow-wrap:anywhere}
.result-answers ul{margin:0;padding-left:1.1rem}
.result-question .source{margin:.3rem 0 0}
.result-actions{gap:.6rem;margin:1rem 0}
.result-actions form{margin:0}
.quiz-verdict .verdict-line{font-size:1.15rem;font-weight:700;margin:.8rem 0 .4rem}
.readiness table{margin:.5rem 0}
.meter-row{display:flex;gap:.5rem;align-items:center}
.meter-row meter{flex:1;min-width:5rem;height:1.1rem}
`

/**
 * The exam countdown and keyboard shortcuts, as an enhancement only: every control is a plain
 * form or link, and the server shows the time left and enforces the deadline without it.
 */
const examJs = `
const typing = (el) => el instanceof HTMLElement && (el.isContentEditable || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || (el.tagName === 'INPUT' && !['radio', 'checkbox'].includes(el.type)))
const pad = (n) => String(n).padStart(2, '0')
const clock = (ms) => {
  const t = Math.max(0, Math.ceil(ms / 1000))
  const h = Math.floor(t / 3600), m = Math.floor((t % 3600) / 60), s = t % 60
  return (h ? h + ':' + pad(m) : String(m)) + ':' + pad(s)
}

const countdown = document.querySelector('.countdown[data-ends-at]')
if (countdown) {
  const endsAt = Date.parse(countdown.dataset.endsAt)
  const skew = Date.parse(countdown.dataset.now) - Date.now()
  const face = countdown.querySelector('.countdown-clock')
  const alert = countdown.querySelector('.countdown-alert')
  const left = () => endsAt - (Date.now() + skew)
  const marks = [[300000, '5 minutes left'], [60000, '1 minute left']].filter(([at]) => left() > at)
  let done = false
  const tick = () => {
    const ms = left()
    face.textContent = clock(ms)
    face.setAttribute('datetime', 'PT' + Math.max(0, Math.ceil(ms / 1000)) + 'S')
    countdown.classList.toggle('low', ms <= 300000)
    while (marks.length && ms <= marks[0][0]) alert.textContent = marks.shift()[1]
    if (ms <= 0 && !done) {
      done = true
      alert.textContent = 'Time is up: the exam is being submitted'
      const form = document.querySelector('.submit-form')
      if (form) form.requestSubmit()
      return
    }
    setTimeout(tick, 250)
  }
  tick()
}

document.addEventListener('keydown', (event) => {
  // Escape leaves a text field, so a type-in question's shortcuts (F to flag) stay in reach.
  if (event.key === 'Escape' && typing(event.target)) {
    event.target.blur()
    return
  }
  if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented || typing(event.target)) return
  const form = document.querySelector('.answer-form')
  const key = event.key.toLowerCase()
  const radios = form ? [...form.querySelectorAll('input[name="choice"]:not(:disabled)')] : []
  const pick = 'abcdefgh'.indexOf(key) >= 0 ? 'abcdefgh'.indexOf(key) : '12345678'.indexOf(key)
  if (radios.length && pick >= 0 && radios[pick]) {
    event.preventDefault()
    radios[pick].checked = true
    radios[pick].focus()
    if (form.dataset.kind === 'quiz') form.requestSubmit()
    return
  }
  const shortcut = form && key.length === 1 ? form.querySelector('[data-shortcut="' + key + '"]') : null
  if (shortcut) {
    event.preventDefault()
    shortcut.click()
    return
  }
  if (event.key !== 'Enter') return
  const next = document.querySelector('.next-link')
  if (next) {
    event.preventDefault()
    next.click()
  } else if (form && radios.includes(event.target)) {
    event.preventDefault()
    form.requestSubmit(form.querySelector('button[name="go"][value="next"]') || undefined)
  }
})
`

/** Scripts and styles of the exams pages, served at `/assets/<name>`. */
export const examsAssets: Record<string, Asset> = {
  'exam.css': css(examCss),
  'exam.js': js(examJs),
}

import { type Asset, css, js } from './asset'
import { registerWorker } from './offline'

/** The review and settings pages' styles: colours only through the app's light/dark variables. */
const reviewCss = `
.review-progress h1{margin:.2rem 0;font-size:1.3rem}
.review-counts{margin:0;font-variant-numeric:tabular-nums}
.review-progress progress{display:block;width:100%;height:.6rem;margin:.4rem 0 1rem;border:0;border-radius:1rem;background:var(--line);color:var(--accent);appearance:none;overflow:hidden}
.review-progress progress::-webkit-progress-bar{background:var(--line)}
.review-progress progress::-webkit-progress-value{background:var(--accent)}
.review-progress progress::-moz-progress-bar{background:var(--accent)}
.card>h2:first-child{margin-top:0}
.review-notice{border-left-color:var(--accent);display:flex;flex-wrap:wrap;gap:.3rem .8rem;align-items:center;margin:0 0 1rem}
.review-notice form{margin:0}
.review-card{font-size:1.15rem;overflow-wrap:anywhere}
.review-card .card-html>:first-child{margin-top:0}
.review-card .card-html>:last-child{margin-bottom:0}
.review-card hr{border:0;border-top:1px solid var(--line);margin:1rem 0}
.review-card .source{font-size:.95rem;margin:1rem 0 0}
.reveal p{margin:.6rem 0}
.typed-input,.diff code,.typed-text{font-family:ui-monospace,SFMono-Regular,Menlo,monospace}
.typed-answer{margin-top:1rem;font-size:1rem}
.typed-verdict{font-weight:600;margin:.8rem 0 .3rem}
.diff{margin:.3rem 0}
.diff code{font-size:1rem;white-space:pre-wrap}
ins{color:var(--ok);text-decoration:underline 2px;font-weight:700}
del{color:var(--bad);text-decoration:line-through 2px}
ins+del,del+ins{margin-left:.4em}
.diff-legend{font-size:.9rem;margin:.2rem 0}
.grades fieldset{border:0;padding:0;margin:0 0 .6rem;min-width:0}
.grades legend{font-weight:600;padding:0;margin-bottom:.4rem}
.grade-buttons{display:grid;grid-template-columns:repeat(4,1fr);gap:.5rem}
@media (max-width:32rem){.grade-buttons{grid-template-columns:repeat(2,1fr)}}
button.grade{display:flex;flex-direction:column;align-items:center;gap:.15rem;background:var(--card);color:var(--fg);border:2px solid var(--line);border-top-width:.35rem;padding:.5rem .3rem}
button.grade-again{border-top-color:var(--bad)}
button.grade-hard{border-top-color:var(--warn)}
button.grade-good{border-top-color:var(--ok)}
button.grade-easy{border-top-color:var(--accent)}
.grade-label{font-weight:600}
.grade-interval{color:var(--muted);font-size:.9rem;font-variant-numeric:tabular-nums}
button kbd{border-color:currentColor;font-size:.75em;margin-left:.2rem}
.review-actions{gap:.5rem;margin-top:.4rem}
.review-actions form{margin:0}
.review-actions button{padding:.35rem .7rem;font-size:.95rem}
.summary{display:flex;gap:2rem;margin:0 0 .8rem}
.summary dt{color:var(--muted)}
.summary dd{margin:0;font-size:1.6rem;font-weight:700;font-variant-numeric:tabular-nums}
.settings .hint{margin:.2rem 0 0;font-size:.9rem}
.settings .field-error{margin:.2rem 0 0;font-weight:600}
.settings [aria-invalid=true]{border-color:var(--bad);border-width:2px}
.settings .checkbox{display:grid;grid-template-columns:auto 1fr;gap:0 .5rem;align-items:center;margin-top:1rem}
.settings .checkbox input{width:1.2rem;height:1.2rem;margin:0}
.settings .checkbox label{margin:0}
.settings .checkbox .hint{grid-column:2}
.notice.ok{border-left-color:var(--ok)}
`

/**
 * Keyboard shortcuts and answer timing, as an enhancement only: every control is a plain link
 * or form without it. Keys are ignored while typing, where Enter submits the form natively.
 */
const reviewJs = `
// Key hints only where keys work: this script runs, and a keyboard-and-mouse device is likely.
if (matchMedia('(hover: hover) and (pointer: fine)').matches) document.documentElement.classList.add('keys')
const root = document.querySelector('.review')
if (root) {
  const card = root.dataset.card
  const storeKey = 'dockdeck:shown'
  const started = performance.now()
  if (root.dataset.side === 'question' && card) {
    try { sessionStorage.setItem(storeKey, JSON.stringify({ card, at: Date.now() })) } catch {}
  }
  const form = document.querySelector('[data-grade-form]')
  if (form) {
    let sent = false
    form.addEventListener('submit', (event) => {
      if (sent) return event.preventDefault()
      sent = true
      let ms = performance.now() - started
      try {
        const shown = JSON.parse(sessionStorage.getItem(storeKey) || 'null')
        if (shown && shown.card === card) ms = Date.now() - shown.at
      } catch {}
      form.elements.durationMs.value = String(Math.max(0, Math.min(Math.round(ms), 86400000)))
    })
  }
  const waiting = document.querySelector('[data-refresh-in]')
  if (waiting) setTimeout(() => location.reload(), Number(waiting.dataset.refreshIn) * 1000)
  const focused = document.querySelector('[autofocus]')
  if (focused && document.activeElement === document.body) focused.focus()
  const typing = (el) => el instanceof HTMLElement && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName))
  const press = (key) => {
    const el = document.querySelector('[data-key="' + key + '"]')
    if (el) el.click()
    return Boolean(el)
  }
  document.addEventListener('keydown', (event) => {
    if (event.altKey || event.repeat || typing(event.target)) return
    // Ctrl+Z (Cmd+Z) undoes, as in Anki; other shortcuts are single keys.
    if (event.ctrlKey || event.metaKey) {
      if (event.key.toLowerCase() === 'z' && !event.shiftKey && press('u')) event.preventDefault()
      return
    }
    if (event.key === ' ' || event.key === 'Enter') {
      const active = document.activeElement
      if (active instanceof HTMLButtonElement || active instanceof HTMLAnchorElement) return
      if (press('reveal')) event.preventDefault()
    } else if (/^[1-4ubser]$/i.test(event.key) && press(event.key.toLowerCase())) event.preventDefault()
  })
}
`

/** Scripts and styles of the review pages, served at `/assets/<name>`. */
export const reviewAssets: Record<string, Asset> = {
  'review.css': css(reviewCss),
  'review.js': js(reviewJs + registerWorker),
}

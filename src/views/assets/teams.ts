import { type Asset, css, js } from './asset'

/** Team, check and results pages: colours only through the app's light/dark variables. */
const teamsCss = `
.team-list{list-style:none;padding:0;margin:0}
.team-list li{display:flex;gap:.6rem;flex-wrap:wrap;align-items:baseline;padding:.5rem 0;border-bottom:1px solid var(--line)}
.team-list li:last-child{border-bottom:0}
.role{display:inline-block;font-size:.8rem;font-weight:600;border:1px solid var(--line);border-radius:1rem;padding:0 .5rem;color:var(--muted)}
.role-owner{border-color:var(--accent);color:var(--accent)}
.inline-form{display:inline;margin:0}
.actions{display:flex;gap:.6rem;flex-wrap:wrap;align-items:center}
.invite-form{margin-top:.8rem}
.invite-link{display:flex;gap:.5rem;flex-wrap:wrap;align-items:center}
.invite-link input{flex:1;min-width:12rem;font-family:ui-monospace,monospace;font-size:.9rem}
.status{font-weight:600}
.status-open{color:var(--ok)}
.status-closed{color:var(--bad)}
.status-upcoming{color:var(--warn)}
.form-grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(13rem,1fr));gap:0 1rem}
.hint{font-size:.9rem;color:var(--muted);margin:.2rem 0 0}
.question{border:1px solid var(--line);border-radius:.6rem;padding:.8rem 1rem;margin:0 0 1rem;min-width:0}
.question legend{font-weight:600;padding:0 .3rem}
.question .prompt>:first-child{margin-top:0}
.question .topic{font-size:.85rem;color:var(--muted);margin:0 0 .4rem}
.option{display:flex;gap:.6rem;align-items:flex-start;font-weight:400;margin:.35rem 0;padding:.4rem .5rem;border-radius:.4rem;cursor:pointer}
.option:hover{background:var(--bg)}
.option input{width:auto;margin:.3rem 0 0}
.option .html>*{margin:0}
.answered-count{font-variant-numeric:tabular-nums}
.score-big{font-size:2rem;font-weight:700;margin:.2rem 0}
.chart{list-style:none;margin:.5rem 0 1rem;padding:0;font-size:.9rem}
.chart li{margin:0 0 .7rem}
.chart-head{display:flex;flex-wrap:wrap;justify-content:space-between;gap:0 .8rem}
.chart .value{font-weight:600;font-variant-numeric:tabular-nums;white-space:nowrap;margin-left:auto}
.chart-bar{display:block;margin-top:.2rem}
.chart .track{fill:var(--line)}
.chart .bar{fill:var(--accent)}
.chart .bar.low{fill:var(--bad)}
.scroll{overflow-x:auto}
.missed .answer{color:var(--ok);font-weight:500}
.card>h2:first-child{margin-top:0}
@media (max-width:40rem){.missed thead{display:none}.missed tr{display:block;padding:.4rem 0;border-bottom:1px solid var(--line)}.missed td{display:block;border:0;padding:.15rem 0}.missed td.num{text-align:left}.missed td::before{content:attr(data-label) ": ";font-weight:600;color:var(--fg)}}
`

/** The API reference page. */
const apiDocsCss = `
.toc{display:flex;flex-wrap:wrap;gap:.4rem 1.2rem;list-style:none;margin:0;padding:0}
.op h3{font-size:1.05rem;margin:0 0 .4rem;overflow-wrap:anywhere}
.method{display:inline-block;min-width:4.2rem;text-align:center;font:700 .8rem ui-monospace,monospace;border-radius:.3rem;padding:.15rem .4rem;border:1px solid currentColor}
.method-get{color:var(--ok)}
.method-post{color:var(--accent)}
.method-put,.method-patch{color:var(--warn)}
.method-delete{color:var(--bad)}
.scope{font-weight:600}
.required{color:var(--bad);font-size:.8rem}
.responses{font-size:.9rem;margin-bottom:0}
`

/**
 * Enhancements only: copy an invite link, and count answered questions on a check page
 * (with a confirmation before submitting with questions left). Everything works without it.
 */
const teamsJs = `
for (const button of document.querySelectorAll('[data-copy]')) {
  button.hidden = false
  button.addEventListener('click', async () => {
    const input = document.getElementById(button.dataset.copy)
    if (input.value.startsWith('/')) input.value = new URL(input.value, location.href).href
    try { await navigator.clipboard.writeText(input.value); button.textContent = 'Copied' }
    catch { input.select() }
  })
}
const form = document.querySelector('form[data-check]')
if (form) {
  const total = form.querySelectorAll('.question').length
  const counter = document.getElementById('answered-count')
  const answered = () => [...form.querySelectorAll('.question')].filter((q) =>
    [...q.querySelectorAll('input')].some((i) => (i.type === 'radio' ? i.checked : i.value.trim() !== ''))).length
  const update = () => { if (counter) counter.textContent = answered() + ' of ' + total + ' answered' }
  form.addEventListener('input', update)
  update()
  form.addEventListener('submit', (event) => {
    const left = total - answered()
    if (left > 0 && !confirm(left + ' question(s) unanswered count as wrong. Submit anyway?')) event.preventDefault()
  })
}
`

/** Scripts and styles of the teams pages, served at `/assets/<name>`. */
export const teamsAssets: Record<string, Asset> = {
  'teams.css': css(teamsCss),
  'teams.js': js(teamsJs),
  'api-docs.css': css(apiDocsCss),
}

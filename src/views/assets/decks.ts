import { type Asset, css, js } from './asset'

/** Styles of the home page and the deck pages (topics, cards, source notes). */
const decksCss = `
.deck h2{margin:.2rem 0}
.deck-counts{margin:.3rem 0 .8rem}
.deck table .button{padding:.25rem .7rem;font-size:.9rem;white-space:nowrap}
.deck th[scope=row]{font-weight:400}
.deck td.action{text-align:right;width:1%}
@media (max-width:40rem){.deck table .button{padding:.3rem .5rem}.deck table{font-size:.95rem}}
.card>h2:first-child{margin-top:0}
.topic-list{padding-left:1.2rem;margin:.3rem 0}
.topic-list li{margin:.25rem 0}
.topic-list [aria-current=page]{font-weight:700}
.deck-cards{list-style:none;padding:0;margin:0}
.deck-card{background:var(--card);border:1px solid var(--line);border-radius:.6rem;padding:.8rem 1rem;margin:0 0 .7rem;overflow-wrap:anywhere}
.deck-card .prompt{font-weight:600}
.deck-card .card-html>:first-child{margin-top:0}
.deck-card .answer{border-top:1px dashed var(--line);margin-top:.5rem;padding-top:.4rem}
.card-meta{font-size:.9rem;margin:.4rem 0 0}
.kind{font-variant:small-caps}
.note{overflow-wrap:anywhere}
.note pre,.deck-card pre{white-space:pre-wrap;overflow-x:visible}
.note h2{font-size:1.2rem;margin:1.4rem 0 .5rem;scroll-margin-top:1rem}
.note h2:first-child{margin-top:0}
.note :target{outline:3px solid var(--focus);outline-offset:4px;border-radius:.2rem}
.note dl{margin:0}
.note-card{padding:.4rem 0;border-bottom:1px solid var(--line)}
.note-card dd{margin:.2rem 0 0 1rem}
.note-card .card-html>:first-child{margin-top:0}
.note-card .card-html>:last-child{margin-bottom:0}
.note-editor{display:grid;gap:1rem;grid-template-columns:minmax(0,1fr)}
@media (min-width:70rem){.note-editor{grid-template-columns:minmax(0,1fr) minmax(0,1fr);align-items:start}}
.note-editor textarea{font-family:ui-monospace,monospace;font-size:.95rem;min-height:20rem;resize:vertical;tab-size:2}
.note-preview h2{margin-top:0}
.diagnostics{margin:.3rem 0 0;padding-left:1.2rem}
.notice.warn{border-left-color:var(--warn)}
.note-table td.action form{margin:0}
.note-table th[scope=row]{font-weight:400;overflow-wrap:anywhere}
`

/**
 * The note editor's live preview: the form is sent (with its CSRF field) as the Preview button
 * would send it, half a second after typing stops, and the preview section replaced by the
 * server's answer; without scripts the Preview button does the same with a page load.
 * Ctrl+Enter saves. "E" in review links here with `line`: the caret is put on that line.
 */
const noteEditorJs = `
const form = document.querySelector('[data-note-form]')
const preview = document.getElementById('preview')
if (form && preview) {
  const textarea = form.elements.text
  const line = Number(textarea.dataset.line || 0)
  if (line > 0) {
    const lines = textarea.value.split('\\n')
    const at = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0)
    textarea.focus()
    textarea.setSelectionRange(at, at)
    textarea.scrollTop = Math.max(0, ((line - 3) / Math.max(lines.length, 1)) * textarea.scrollHeight)
  }
  let timer
  let controller
  const refresh = async () => {
    controller?.abort()
    controller = new AbortController()
    const data = new FormData(form)
    data.set('action', 'preview')
    try {
      // form.action would be the button named "action", not the URL.
      const res = await fetch(form.getAttribute('action'), {
        method: 'POST',
        body: data,
        headers: { 'x-preview': 'fragment' },
        credentials: 'same-origin',
        signal: controller.signal,
      })
      preview.innerHTML = await res.text()
    } catch {
      // Aborted by newer typing, or offline: the last preview stays, and the Preview button works.
    }
  }
  form.addEventListener('input', () => {
    clearTimeout(timer)
    timer = setTimeout(refresh, 500)
  })
  form.addEventListener('keydown', (event) => {
    if ((event.ctrlKey || event.metaKey) && event.key === 'Enter') {
      event.preventDefault()
      form.requestSubmit(form.querySelector('[data-save]'))
    }
  })
}
`

/** Scripts and styles of the decks pages, served at `/assets/<name>`. */
export const decksAssets: Record<string, Asset> = {
  'decks.css': css(decksCss),
  'note-editor.js': js(noteEditorJs),
}

import { type Asset, css } from './asset'

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
`

/** Scripts and styles of the decks pages, served at `/assets/<name>`. */
export const decksAssets: Record<string, Asset> = { 'decks.css': css(decksCss) }

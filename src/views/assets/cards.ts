import { type Asset, css } from './asset'

/** Styles of the card browser (`/cards`) and a card's info page. */
const cardsCss = `
.cards-filters{display:grid;grid-template-columns:repeat(auto-fill,minmax(9.5rem,1fr));gap:0 .8rem}
.bulk-actions{gap:.5rem .6rem}
.bulk-actions label.inline{display:inline;margin:0;font-weight:400}
.bulk-actions input[type=date]{width:auto}
.cards-table th[scope=row]{font-weight:400;overflow-wrap:anywhere}
.cards-table td:first-child{width:1%}
.cards-table input[type=checkbox]{width:1.3rem;height:1.3rem}
.card-facts{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;margin:0 0 .8rem}
.card-facts dt{font-weight:600}
.card-facts dd{margin:0}
`

export const cardsAssets: Record<string, Asset> = {
  'cards.css': css(cardsCss),
}

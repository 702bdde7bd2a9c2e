import { type Asset, css } from './asset'

/**
 * The SVG charts (`views/components/chart-*`), for any page that draws one: add `charts.css` to
 * its styles. Colours come only from the app's light/dark variables; hover targets are
 * transparent rects so a `<title>` shows anywhere over a column or a week. A wide chart in a
 * `.scroll` box opens scrolled to its newest (right) end on a phone: `direction: rtl`, no script.
 */
const chartsCss = `
.svg-chart{margin:0 0 1.2rem}
.svg-chart>figcaption{font-weight:600;font-size:1.1rem;margin:0 0 .5rem}
.svg-chart .chart-note{color:var(--muted);font-size:.9rem;margin:-.3rem 0 .5rem}
.svg-chart svg{display:block;overflow:visible;font-size:.78rem}
.svg-chart text{fill:var(--fg)}
.svg-chart text.axis{fill:var(--muted)}
.svg-chart text.value{font-weight:600;font-variant-numeric:tabular-nums}
.svg-chart .track{fill:var(--line)}
.svg-chart .bar{fill:var(--accent)}
.svg-chart .bar.low{fill:var(--warn)}
.svg-chart .grid{stroke:var(--line);stroke-width:1}
.svg-chart .target{stroke:var(--ok);stroke-width:2;stroke-dasharray:5 4}
.svg-chart .key{fill:var(--ok);font-weight:700}
.svg-chart .line{fill:none;stroke:var(--accent);stroke-width:2.5;stroke-linejoin:round}
.svg-chart .dot{stroke:var(--accent);stroke-width:6;stroke-linecap:round}
.svg-chart .hit{fill:transparent}
.svg-chart .hit:hover{fill:var(--line);fill-opacity:.5}
.svg-chart .heat-0{fill:var(--line)}
.svg-chart .heat-1,.svg-chart .heat-2,.svg-chart .heat-3,.svg-chart .heat-4{fill:var(--accent)}
.svg-chart .heat-1{fill-opacity:.35}
.svg-chart .heat-2{fill-opacity:.55}
.svg-chart .heat-3{fill-opacity:.78}
.svg-chart .chart-heatmap rect:hover{stroke:var(--fg);stroke-width:1.5}
.svg-chart .chart-heatmap{width:100%;min-width:36rem;height:auto}
.svg-chart .scroll{overflow-x:auto;direction:rtl}
.svg-chart .scroll>svg{direction:ltr}
.svg-chart details{margin:.5rem 0 0}
.svg-chart summary{cursor:pointer;color:var(--accent)}
.svg-chart details table{margin-top:.4rem;font-size:.92rem}
`

/** The progress dashboard: stat tiles and sections. */
const progressCss = `
.progress-head{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:end;justify-content:space-between;margin:0 0 1rem}
.progress-head h1{margin:0}
.progress-head form{display:flex;gap:.5rem;align-items:end}
.progress-head label{margin:0 0 .2rem}
.progress-head select{width:auto}
.tiles{display:grid;grid-template-columns:repeat(auto-fit,minmax(10.5rem,1fr));gap:.8rem;margin:0 0 1rem;padding:0;list-style:none}
.tile{background:var(--card);border:1px solid var(--line);border-radius:.6rem;padding:.8rem 1rem}
.tile h2{font-size:.9rem;font-weight:600;color:var(--muted);margin:0}
.tile .figure{display:block;font-size:1.9rem;font-weight:700;line-height:1.2;font-variant-numeric:tabular-nums}
.tile p{margin:.2rem 0 0;font-size:.9rem;color:var(--muted)}
.tile .below{color:var(--warn)}
.tile .above{color:var(--ok)}
.today-line{margin:-.2rem 0 1.2rem;color:var(--muted)}
.progress-empty{border-left:4px solid var(--accent)}
.progress-empty h2{margin-top:0}
.progress-export{font-size:.95rem}
`

/** Scripts and styles of the progress pages, served at `/assets/<name>`. */
export const progressAssets: Record<string, Asset> = {
  'charts.css': css(chartsCss),
  'progress.css': css(progressCss),
}

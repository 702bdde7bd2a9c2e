/** The whole site's stylesheet: system fonts, light and dark from `prefers-color-scheme`. */
export const appCss = `
:root{color-scheme:light dark;--bg:#fbfaf7;--fg:#1c1d21;--muted:#5b5f6a;--card:#fff;--line:#d9d6cf;--accent:#0b5cad;--accent-fg:#fff;--ok:#1d6b35;--bad:#a4262c;--warn:#8a5a00;--focus:#b35c00;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
@media (prefers-color-scheme:dark){:root{--bg:#16171b;--fg:#ececef;--muted:#a9adb8;--card:#202228;--line:#3a3d46;--accent:#7ab8ff;--accent-fg:#0b1420;--ok:#6fd08c;--bad:#ff8a8f;--warn:#f2c066;--focus:#ffb454}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg)}
a{color:var(--accent)}
:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
header.site{display:flex;gap:.4rem 1rem;align-items:center;flex-wrap:wrap;padding:.6rem 1rem;border-bottom:1px solid var(--line)}
header.site .brand{font-weight:700;text-decoration:none;color:var(--fg)}
header.site nav{display:flex;gap:.2rem .9rem;flex-wrap:wrap}
header.site nav[aria-label=Main]{flex:1}
header.site .account{margin:0 0 0 auto;display:flex;gap:.8rem;align-items:center;min-width:0}
header.site .who{color:var(--muted);max-width:14rem;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
@media (max-width:40rem){header.site{padding:.5rem .75rem}header.site nav[aria-label=Main]{order:3;flex-basis:100%;gap:.2rem .6rem;font-size:.92rem}header.site .who{max-width:9rem}}
footer.site{max-width:52rem;margin:1rem auto;padding:0 1rem 1rem;display:flex;gap:1rem;font-size:.9rem}
main{max-width:52rem;margin:0 auto;padding:1rem}
h1{font-size:1.6rem;margin:.4rem 0 1rem}
.card{background:var(--card);border:1px solid var(--line);border-radius:.6rem;padding:1rem 1.2rem;margin:0 0 1rem}
label{display:block;font-weight:600;margin:.8rem 0 .2rem}
input,select,textarea{font:inherit;color:inherit;background:var(--card);border:1px solid var(--muted);border-radius:.4rem;padding:.5rem .6rem;width:100%}
button,.button{font:inherit;display:inline-block;cursor:pointer;border-radius:.4rem;border:1px solid var(--accent);background:var(--accent);color:var(--accent-fg);padding:.5rem 1rem;text-decoration:none}
button.secondary,.button.secondary{background:transparent;color:var(--accent)}
button.danger{background:var(--bad);border-color:var(--bad);color:var(--card)}
fieldset{border:1px solid var(--line);border-radius:.4rem;margin:.8rem 0;padding:.4rem .8rem}
label.check{display:flex;gap:.5rem;align-items:center;font-weight:400;margin:.3rem 0;min-height:2.75rem}
label.check input{width:auto;min-width:1.2rem;min-height:1.2rem}
.table-scroll{overflow-x:auto;max-width:100%}
button.link{background:none;border:0;color:var(--accent);padding:0;text-decoration:underline}
.muted{color:var(--muted)}
.error{color:var(--bad)}
.ok{color:var(--ok)}
.notice{border-left:4px solid var(--bad);padding:.5rem .8rem;background:var(--card)}
.notice.info{border-left-color:var(--accent)}
table{border-collapse:collapse;width:100%}
th,td{text-align:left;padding:.35rem .5rem;border-bottom:1px solid var(--line)}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
.row{display:flex;gap:.6rem;flex-wrap:wrap;align-items:center}
.grow{flex:1}
kbd{font:.85em ui-monospace,monospace;border:1px solid var(--line);border-bottom-width:2px;border-radius:.25rem;padding:0 .3rem}
code,pre{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:.92em}
pre{overflow-x:auto;background:var(--bg);padding:.6rem;border-radius:.4rem}
main p,main li,main dd,main td,main th{overflow-wrap:break-word}
main code,main li a,main p a{overflow-wrap:anywhere}
kbd.hint{display:none}
.keys kbd.hint{display:inline-block}
.narrow-only{display:none}
@media (pointer:coarse){button,.button{min-height:2.75rem;min-width:2.75rem}}
@media (max-width:40rem){main{padding:.75rem}.card{padding:.8rem .6rem}th,td{padding:.3rem .25rem}.wide-only{display:none}.narrow-only{display:inline}table.stack thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}table.stack tr{display:block;border-bottom:1px solid var(--line);padding:.4rem 0}table.stack td,table.stack th{display:block;border:0;padding:.15rem 0}}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
`

/** A small dockdeck mark: the favicon and the installed app's icon. */
export const icon =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="12" fill="#0b5cad"/>' +
  '<path d="M14 20h24v6H14zm0 10h36v6H14zm0 10h28v6H14z" fill="#fff"/></svg>'

/** The web app manifest: installing dockdeck opens the review. @see https://www.w3.org/TR/appmanifest/ */
export const manifest = JSON.stringify({
  name: 'dockdeck',
  short_name: 'dockdeck',
  description: 'Docker flashcards and mock exams, reviewable offline',
  start_url: '/review',
  scope: '/',
  display: 'standalone',
  background_color: '#ffffff',
  theme_color: '#0b5cad',
  icons: [{ src: '/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
})

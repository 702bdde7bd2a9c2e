/**
 * A note's path inside a deck, as uploads and archives name it: `folder/note.md`, relative,
 * forward slashes. Returns undefined for anything that could escape or confuse a folder
 * (`..`, absolute paths, backslashes, hidden or empty segments, control characters).
 */
export function notePath(raw: string): string | undefined {
  const path = raw.normalize('NFC')
  if (path.length === 0 || path.length > 200) return undefined
  if (!/\.(md|markdown)$/i.test(path)) return undefined
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
  if (/[\\\u0000-\u001f\u007f:*?"<>|]/.test(path)) return undefined
  const segments = path.split('/')
  if (segments.some((part) => part === '' || part === '.' || part === '..' || part.startsWith('.'))) return undefined
  return path
}

export const notePathRule =
  'must be a relative Markdown path like "folder/note.md": no "..", no leading "/" or ".", at most 200 characters'

/**
 * A shop name made safe for a file name on Windows, macOS and Linux: reserved characters and
 * control characters removed, CJK kept, spaces as hyphens, at most 40 characters.
 */
export const fileNameSafe = (text: string): string =>
  Array.from(
    text
      .normalize('NFC')
      .replace(/[<>:"/\\|?*\p{Cc}]/gu, '')
      .trim()
      .replace(/\s+/g, '-')
      .replace(/^\.+/, ''),
  )
    .slice(0, 40)
    .join('');

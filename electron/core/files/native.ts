/**
 * The operating system's keychain (Electron safeStorage), given to the core by electron/main where
 * the system offers one. The core never stores a passphrase itself, only what this returns.
 */
export interface Keychain {
  seal(secret: string): string;
  /** null when the sealed text cannot be opened here (another computer or user). */
  unseal(sealed: string): string | null;
}

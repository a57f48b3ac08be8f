import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { CliFailure } from './output';

/** Reads a line from the terminal without echoing it. */
const askHidden = (question: string): Promise<string> =>
  new Promise((resolve) => {
    let muted = false;
    const output = new Writable({
      write: (chunk: Buffer, _encoding, done) => {
        if (!muted) process.stderr.write(chunk);
        done();
      },
    });
    const reader = createInterface({ input: process.stdin, output, terminal: true });
    reader.question(question, (answer) => {
      reader.close();
      process.stderr.write('\n');
      resolve(answer);
    });
    muted = true;
  });

/**
 * The passphrase from REGULARS_PASSPHRASE (for scripts), else asked in the terminal; when making a
 * backup it is asked twice, since a mistyped passphrase would lock the owner out of their backup.
 */
export const passphraseFor = async (purpose: 'backup' | 'restore'): Promise<string> => {
  const fromEnv = process.env.REGULARS_PASSPHRASE;
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  if (!process.stdin.isTTY) throw new CliFailure('A passphrase is needed: set REGULARS_PASSPHRASE or run this in a terminal.', 2);
  const first = await askHidden('Passphrase: ');
  if (purpose === 'restore') return first;
  const second = await askHidden('Passphrase again: ');
  if (first !== second) throw new CliFailure('The two passphrases differ; nothing was backed up.', 2);
  return first;
};

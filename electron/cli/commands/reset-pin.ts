import { forgetOwnerSecrets } from '../../core/auth';
import { openCore } from '../../core/core';
import { systemLocalesFromEnv } from '../../core/system-locale';
import { dataDirOption, parseCommand } from '../args';
import { CliFailure } from '../output';

export const resetPinHelp = `Usage: regulars reset-pin [--data DIR] --yes

Forgets the owner PIN and its recovery code; the customers, visits and audit trail stay as they are.
The app then opens on its setup screen and asks for a new PIN. For an owner who lost both the PIN
and the recovery code. Anyone who can run this on the computer can read the book file anyway: see
"Threat model" in the README.
  --yes   confirms (without it nothing is changed)`;

export const runResetPin = (argv: string[], projectRoot: string): void => {
  const { values } = parseCommand(argv, { yes: { type: 'boolean' } });
  if (values.help) return void console.log(resetPinHelp);
  const dataDir = dataDirOption(values.data);
  if (!values.yes) throw new CliFailure('reset-pin forgets the owner PIN; add --yes to confirm (nothing was changed)', 2);
  const core = openCore({ dataDir, transport: 'browser', authority: 'owner', systemLocales: systemLocalesFromEnv(), projectRoot });
  try {
    const now = () => new Date();
    if (!forgetOwnerSecrets({ db: core.db, session: core.session, now })) {
      console.log(`The book in ${dataDir} has no owner PIN; the app asks for one when it starts.`);
      return;
    }
    console.log(`Owner PIN forgotten (${dataDir}). Start Regulars (or restart it, if it is running) to set a new one.`);
  } finally {
    core.close();
  }
};

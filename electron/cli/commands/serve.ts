import { customerRecordParticipants } from '../../core/core';
import { bookPath } from '../../core/paths';
import { startSyncListener, type SessionReport } from '../../core/sync';
import { dataDirOption, parseCommand, positiveInteger } from '../args';
import { reasonedValueOr, withCore } from '../core';
import { CliFailure } from '../output';

export const serveHelp = `Usage: regulars serve [--host ADDRESS] [--port N] [--timeout SECONDS] [--data DIR]

Serves this shared book to its other devices on the shop's network until stopped (Ctrl+C):
prints one line, the address other devices sync with ("regulars sync --peer ADDRESS"), then one
line per device that synced or was refused. Only devices paired with an invitation from this
device get in; the connection is encrypted (TLS with the pairing secret, then each device's link).
  --host ADDRESS      the interface to listen on (default 0.0.0.0: every one)
  --port N            the port (default 47800; 0 picks a free one)
  --timeout SECONDS   how long to wait for a device before ending its session (default 60)`;

const defaultPort = 47_800;

const describeSession = (report: SessionReport): string => {
  const device = report.device ?? 'a device';
  if (report.outcome === 'synced') return `synced with ${device}: ${report.received ?? 0} documents received`;
  if (report.outcome === 'book-sent') return `sent the book to ${device}`;
  return `${report.outcome} ${device}: ${report.reason ?? ''}`;
};

export const runServe = async (argv: string[], projectRoot: string): Promise<void> => {
  const { values } = parseCommand(argv, { host: { type: 'string' }, port: { type: 'string' }, timeout: { type: 'string' } });
  if (values.help) return void console.log(serveHelp);
  const dataDir = dataDirOption(values.data);
  const port = positiveInteger('port', values.port, defaultPort);
  if (port > 65_535) throw new CliFailure('--port must be 65535 or less', 2);
  const host = typeof values.host === 'string' && values.host !== '' ? values.host : '0.0.0.0';
  // Opening the book brings it to this version's schema first.
  await withCore(dataDir, projectRoot, async () => undefined);
  const listener = reasonedValueOr(
    await startSyncListener({
      bookFile: bookPath(dataDir),
      projectRoot,
      participants: customerRecordParticipants,
      now: () => new Date(),
      host,
      port,
      timeoutMs: positiveInteger('timeout', values.timeout, 60) * 1000,
      onSession: (report) => console.log(describeSession(report)),
    }),
  );
  console.log(listener.address);
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await listener.close();
};

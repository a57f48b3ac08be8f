import path from 'node:path';
import { exportKinds, repeatableTargets, type ImportTarget } from '../../../shared/contract/transfer';
import type { FieldIssue } from '../../../shared/errors';
import { err, ok, type Result } from '../../../shared/result';
import { recordAudit } from '../audit';
import type { HandlerContext } from '../context';
import { inTransaction } from '../db/transaction';
import type { HandlerImpls } from '../registry';
import { exportTableOf } from './export/tables';
import { listWorkbook } from './sheet';

/** A field that takes one value may be filled by one column only. */
const checkMapping = (mapping: readonly ImportTarget[]): Result<null> => {
  const seen = new Set<ImportTarget>();
  const issues: FieldIssue[] = [];
  mapping.forEach((target, index) => {
    if (repeatableTargets.has(target)) return;
    if (seen.has(target)) issues.push({ path: `mapping.${index}`, rule: 'invalid_choice' });
    seen.add(target);
  });
  return issues.length > 0 ? err('VALIDATION_FAILED', { issues }) : ok(null);
};

const resolveSource = async (ctx: HandlerContext, source: Parameters<HandlerContext['data']['uploads']['resolve']>[0]) => {
  const file = await ctx.data.uploads.resolve(source);
  return file.ok ? ok({ file: file.value.file, displayName: file.value.displayName }) : file;
};

export const transferHandlers: HandlerImpls = {
  'sheet-xlsx': async (_ctx, input) => ok({ base64: (await listWorkbook(input.rows, input.sheet)).toString('base64') }),
  'export-kinds': (ctx) =>
    ok(
      exportKinds.map((kind) => ({ kind, rows: exportTableOf[kind].count(ctx.db) })),
    ),
  'export-run': async (ctx, input) => {
    const folder = path.resolve(input.folder);
    const written = await ctx.data.jobs.run(
      'export',
      { bookFile: ctx.data.bookFile, what: input.what, format: input.format, folder, fileName: input.fileName, language: input.language, now: ctx.now().toISOString() },
      { cancellable: true },
    );
    if (!written.ok) return written;
    return inTransaction(ctx.db, () => {
      recordAudit(ctx, {
        action: 'export.run',
        entity: 'export',
        entityId: null,
        after: { what: input.what, format: input.format, files: written.value.map((file) => ({ path: file.path, rows: file.rows })) },
      });
      return written;
    });
  },
  'import-analyse': async (ctx, input) => {
    const source = await resolveSource(ctx, input.source);
    if (!source.ok) return source;
    return ctx.data.jobs.run(
      'import-analyse',
      { source: source.value, sheet: input.sheet, encoding: input.encoding, delimiter: input.delimiter, headerRow: input.headerRow },
      { cancellable: false, anotherFollows: true },
    );
  },
  'import-preview': async (ctx, input) => {
    const mapping = checkMapping(input.mapping);
    if (!mapping.ok) return mapping;
    const source = await resolveSource(ctx, input.source);
    if (!source.ok) return source;
    return ctx.data.jobs.run('import-preview', { ...input, source: source.value, bookFile: ctx.data.bookFile }, { cancellable: true, anotherFollows: true });
  },
  'import-commit': async (ctx, input) => {
    const mapping = checkMapping(input.mapping);
    if (!mapping.ok) return mapping;
    const source = await resolveSource(ctx, input.source);
    if (!source.ok) return source;
    const { skipInvalid, ...plan } = input;
    return ctx.data.jobs.run(
      'import-commit',
      {
        ...plan,
        source: source.value,
        bookFile: ctx.data.bookFile,
        skipInvalid,
        actor: { role: ctx.session.role, staffId: ctx.session.staffId },
        now: ctx.now().toISOString(),
      },
      { cancellable: true, writes: true },
    );
  },
};

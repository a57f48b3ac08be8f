/**
 * Feature surfaces for electron/core (the lint rule boundaries/dependencies in eslint.config.js
 * enforces them). Finds every import into another core feature's internal module, from any file
 * under electron/ outside that feature (except core.ts, the composition root, which wires each
 * feature's handlers, records and services from where they are), then:
 *  1. adds what is imported to that feature's index.ts (`export { … } from './module'`), creating the
 *     index when missing; a hand-written index (derive) keeps its own lines and gets the missing ones;
 *  2. rewrites the import to the feature's folder ('../customers'), merging imports of one feature.
 * Re-run it after merging work that imports another feature's internals; a second run changes nothing.
 * It never removes a re-export: an index names what others use, and trimming it is a human decision.
 *
 *   node build/scripts/feature-surfaces.mjs [repoRoot] [--dry]
 */
import ts from 'typescript';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(process.argv[2] ?? '.');
const dry = process.argv.includes('--dry');
const core = path.join(root, 'electron/core');
const INFRA = new Set(['db']);
const GENERATED = '// The feature\'s surface: what other features may import from it (lint: boundaries/dependencies).';

const docs = {
  archive: 'Archiving and restoring customers and visits.',
  audit: 'The audit log: recording who did what, in the caller\'s transaction.',
  auth: 'The session\'s state, and forgetting the owner\'s secrets (a PIN reset).',
  backup: 'Backup files: the backup and restore-check jobs, the container\'s mark, SQLite\'s quick check.',
  complaints: 'Complaints: their rows and promises for other features\' writes, reads, settings and export rows.',
  counter: 'The counter card.',
  customers: 'Customers: their rows and writers, reading and presenting them, and the list\'s columns.',
  derive: 'The one owner of derived data: afterWrite after each write, the full rebuild and its job.',
  files: 'Files: refusing unusable paths and names, the uploads and keychain types, the in-use mark.',
  history: 'Imported visit histories: writing and deleting them for an import.',
  jobs: 'Long jobs: what a job sees, and the runner as services that start jobs see it.',
  loyalty: 'Loyalty: tier rules and settings, the incremental and full loyalty passes, kept months.',
  merge: 'Merges: the customer row\'s delete, the merges a purge removes, and the undo a sync makes of merges into a customer deleted for good elsewhere.',
  referrals: 'Referrals: links and rewards for other features\' writes, rules, overview counts and export rows.',
  reminders: 'Reminders: generating them, following customers, settings, their rows and export rows.',
  seed: 'Seeding a demonstration book.',
  session: 'The session.',
  settings: 'The shop\'s settings and the book\'s stored state, through the one typed store.',
  staff: 'Staff members: reading and writing them, and resolving who is at the counter.',
  timeline: 'A customer\'s timeline: the source seam features add to it, and its cursor.',
  transfer: 'Import and export: their jobs, and the book\'s counts by table.',
  value: 'Customer value predictions: the fit and the figures shown (its job is derive’s: it remakes a derived figure).',
  visits: 'Visits and contacts: their rows for other features\' writes, and presenting them.',
  winback: 'Win-back: attempts, status events and the standing of lapsed customers.',
};

function walk(d, out = []) {
  for (const e of fs.readdirSync(d, { withFileTypes: true })) {
    const p = path.join(d, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (/\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}
const featureOf = (file) => {
  const rel = path.relative(core, file);
  if (rel.startsWith('..')) return null;
  const parts = rel.split(path.sep);
  return parts.length < 2 ? null : parts[0];
};
const indexOf = (feature) => path.join(core, feature, 'index.ts');
function resolve(from, spec) {
  if (!spec.startsWith('.')) return null;
  const base = path.resolve(path.dirname(from), spec);
  for (const c of [base, base + '.ts', base + '.tsx', path.join(base, 'index.ts')]) {
    if (fs.existsSync(c) && fs.statSync(c).isFile()) return c;
  }
  return null;
}
const parse = (f) => ts.createSourceFile(f, fs.readFileSync(f, 'utf8'), ts.ScriptTarget.Latest, true);
const relSpec = (fromFile, toFile) => {
  let r = path.relative(path.dirname(fromFile), toFile).split(path.sep).join('/').replace(/\.tsx?$/, '');
  if (!r.startsWith('.')) r = './' + r;
  return r;
};

// What is already re-exported by each feature's index: name -> { module file, typeOnly }.
const surface = {}; // feature -> Map(name -> {file, type})
const handWritten = new Set();
const exportedBefore = {}; // feature -> names its index exported before this run
for (const feature of fs.readdirSync(core)) {
  if (INFRA.has(feature) || !fs.statSync(path.join(core, feature)).isDirectory()) continue;
  surface[feature] = new Map();
  exportedBefore[feature] = new Set();
  const idx = indexOf(feature);
  if (!fs.existsSync(idx)) continue;
  const text = fs.readFileSync(idx, 'utf8');
  if (!text.includes(GENERATED)) handWritten.add(feature);
  const src = parse(idx);
  for (const st of src.statements) {
    if (ts.isExportDeclaration(st) && st.moduleSpecifier && st.exportClause && ts.isNamedExports(st.exportClause)) {
      const file = resolve(idx, st.moduleSpecifier.text);
      for (const el of st.exportClause.elements) {
        surface[feature].set(el.name.text, { file, type: st.isTypeOnly || el.isTypeOnly, from: (el.propertyName ?? el.name).text });
        exportedBefore[feature].add(el.name.text);
      }
    }
  }
}

const problems = [];
const rewrites = new Map(); // file -> list of {stmt, targetFeature, specifiers:[{name, alias, type}], kind}
const compositionRoot = path.join(core, 'core.ts');
for (const f of walk(path.join(root, 'electron'))) {
  if (f === compositionRoot) continue;
  const src = parse(f);
  const ff = featureOf(f);
  for (const st of src.statements) {
    const isImp = ts.isImportDeclaration(st);
    const isExp = ts.isExportDeclaration(st);
    if (!(isImp || isExp) || !st.moduleSpecifier || !ts.isStringLiteral(st.moduleSpecifier)) continue;
    const target = resolve(f, st.moduleSpecifier.text);
    if (!target) continue;
    const tf = featureOf(target);
    if (!tf || INFRA.has(tf) || tf === ff) continue;
    if (target === indexOf(tf)) continue;
    const specs = [];
    if (isImp) {
      const clause = st.importClause;
      if (!clause || clause.name || (clause.namedBindings && !ts.isNamedImports(clause.namedBindings))) {
        problems.push(`${path.relative(root, f)}: unsupported import form from ${st.moduleSpecifier.text}`);
        continue;
      }
      for (const el of clause.namedBindings?.elements ?? []) {
        specs.push({ name: (el.propertyName ?? el.name).text, alias: el.propertyName ? el.name.text : null, type: clause.isTypeOnly || el.isTypeOnly });
      }
      rewrites.set(f, [...(rewrites.get(f) ?? []), { st, tf, specs, kind: 'import', allType: clause.isTypeOnly }]);
    } else {
      if (!st.exportClause || !ts.isNamedExports(st.exportClause)) {
        problems.push(`${path.relative(root, f)}: unsupported export form from ${st.moduleSpecifier.text}`);
        continue;
      }
      for (const el of st.exportClause.elements) {
        specs.push({ name: (el.propertyName ?? el.name).text, alias: el.propertyName ? el.name.text : null, type: st.isTypeOnly || el.isTypeOnly });
      }
      rewrites.set(f, [...(rewrites.get(f) ?? []), { st, tf, specs, kind: 'export', allType: st.isTypeOnly }]);
    }
    for (const s of specs) {
      const have = surface[tf].get(s.name);
      if (have && have.file !== target) problems.push(`${tf}: '${s.name}' exported from both ${path.relative(root, have.file)} and ${path.relative(root, target)}`);
      else if (!have) surface[tf].set(s.name, { file: target, type: s.type, from: s.name });
      else if (!s.type) have.type = false;
    }
  }
}
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}

// (1) index files
let indexes = 0;
for (const [feature, names] of Object.entries(surface)) {
  if (names.size === 0) continue;
  const idx = indexOf(feature);
  const byFile = new Map();
  for (const [name, { file, type, from }] of names) {
    // A hand-written index keeps its own export lines; only names it lacks are added.
    if (handWritten.has(feature) && exportedBefore[feature].has(name)) continue;
    if (!byFile.has(file)) byFile.set(file, []);
    byFile.get(file).push({ name, type, from });
  }
  const lines = [];
  for (const file of [...byFile.keys()].sort()) {
    const list = byFile.get(file).sort((a, b) => a.name.localeCompare(b.name));
    const spec = relSpec(idx, file);
    const values = list.filter((x) => !x.type).map((x) => (x.from !== x.name ? `${x.from} as ${x.name}` : x.name));
    const types = list.filter((x) => x.type).map((x) => (x.from !== x.name ? `${x.from} as ${x.name}` : x.name));
    if (values.length) lines.push(`export { ${values.join(', ')} } from '${spec}';`);
    if (types.length) lines.push(`export type { ${types.join(', ')} } from '${spec}';`);
  }
  let text;
  if (handWritten.has(feature)) {
    // A hand-written index (derive): keep it, add the re-exports it lacks at its end.
    if (!lines.length) continue;
    text = fs.readFileSync(idx, 'utf8').replace(/\n*$/, '\n') + lines.join('\n') + '\n';
  } else {
    text = `${GENERATED}\n\n/** ${docs[feature] ?? feature} */\n${lines.join('\n')}\n`;
  }
  indexes++;
  if (!dry) fs.writeFileSync(idx, text);
}

// (2) import lines
let changedLines = 0;
for (const [f, list] of rewrites) {
  let text = fs.readFileSync(f, 'utf8');
  const src = parse(f);
  // Merge per (kind, target feature): one statement where the first of them was.
  const groups = new Map();
  for (const r of list) {
    const key = r.kind + ':' + r.tf;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(r);
  }
  // Existing imports of the index of the same feature join the group too.
  for (const st of src.statements) {
    if (ts.isImportDeclaration(st) && st.moduleSpecifier && ts.isStringLiteral(st.moduleSpecifier)) {
      const target = resolve(f, st.moduleSpecifier.text);
      const tf = target && featureOf(target);
      const key = 'import:' + tf;
      if (tf && target === indexOf(tf) && groups.has(key) && st.importClause?.namedBindings && ts.isNamedImports(st.importClause.namedBindings) && !st.importClause.name) {
        const specs = st.importClause.namedBindings.elements.map((el) => ({ name: (el.propertyName ?? el.name).text, alias: el.propertyName ? el.name.text : null, type: st.importClause.isTypeOnly || el.isTypeOnly }));
        groups.get(key).push({ st, tf, specs, kind: 'import', allType: st.importClause.isTypeOnly });
      }
    }
  }
  const edits = [];
  for (const [, rs] of groups) {
    rs.sort((a, b) => a.st.getStart() - b.st.getStart());
    const tf = rs[0].tf;
    const spec = relSpec(f, path.join(core, tf));
    const allType = rs.every((r) => r.allType || r.specs.every((s) => s.type));
    const seen = new Set();
    const specs = rs.flatMap((r) => r.specs).filter((s) => {
      const k = s.name + '|' + s.alias + '|' + s.type;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
    // A name imported both as type and as value keeps the value form.
    const valueNames = new Set(specs.filter((s) => !s.type).map((s) => s.name + '|' + s.alias));
    const final = specs.filter((s) => !(s.type && valueNames.has(s.name + '|' + s.alias))).sort((a, b) => (a.alias ?? a.name).localeCompare(b.alias ?? b.name));
    const items = final.map((s) => `${!allType && s.type ? 'type ' : ''}${s.name}${s.alias ? ` as ${s.alias}` : ''}`);
    const kw = rs[0].kind === 'import' ? 'import' : 'export';
    const stmt = `${kw} ${allType ? 'type ' : ''}{ ${items.join(', ')} } from '${spec}';`;
    edits.push({ start: rs[0].st.getStart(), end: rs[0].st.getEnd(), text: stmt });
    for (const r of rs.slice(1)) {
      let end = r.st.getEnd();
      if (text[end] === '\n') end++;
      edits.push({ start: r.st.getStart(), end, text: '' });
    }
    changedLines += rs.length;
  }
  edits.sort((a, b) => b.start - a.start);
  for (const e of edits) text = text.slice(0, e.start) + e.text + text.slice(e.end);
  if (!dry) fs.writeFileSync(f, text);
}
console.log(`index files written: ${indexes}; files rewritten: ${rewrites.size}; import statements replaced: ${changedLines}`);

/**
 * For end-to-end tests only: REGULARS_NOW=<ISO-8601 instant> starts the host's clock at that
 * instant, and it runs on from there, so a test can stand on a reminder's due day or just before
 * the shop's midnight. Unset (always, in normal use) the host uses the computer's clock.
 */
export const clockFromEnvironment = (value = process.env.REGULARS_NOW): (() => Date) | undefined => {
  if (!value) return undefined;
  const start = Date.parse(value);
  if (Number.isNaN(start)) {
    console.error(`REGULARS_NOW is not an ISO-8601 instant: ${value}`);
    process.exit(2);
  }
  const startedAt = Date.now();
  return () => new Date(start + (Date.now() - startedAt));
};

/**
 * The languages this computer prefers, most preferred first, outside Electron (which has
 * app.getPreferredSystemLanguages()). POSIX variables look like "zh_TW.UTF-8".
 */
export const systemLocalesFromEnv = (env: NodeJS.ProcessEnv = process.env): string[] => {
  const fromEnv = [env.LC_ALL, env.LC_MESSAGES, env.LANG, ...(env.LANGUAGE ?? '').split(':')]
    .filter((value): value is string => typeof value === 'string' && value !== '' && value !== 'C' && value !== 'POSIX')
    .map((value) => value.split('.')[0]!.replace('_', '-'));
  return [...fromEnv, Intl.DateTimeFormat().resolvedOptions().locale];
};

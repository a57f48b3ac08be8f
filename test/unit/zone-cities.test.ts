import { describe, expect, it } from 'vitest';
import { cityOfZoneId, loadZoneCities } from '../../renderer/src/features/settings/zone-cities';

describe('time zones by city in the app language (issue 16, item 12)', () => {
  it('names cities in Traditional and Simplified Chinese, nested zones included', async () => {
    const traditional = await loadZoneCities('zh-Hant');
    const simplified = await loadZoneCities('zh-Hans');
    expect(traditional.get('Asia/Tokyo')).toBe('東京');
    expect(traditional.get('Asia/Taipei')).toBe('台北');
    expect(traditional.get('America/Los_Angeles')).toBe('洛杉磯');
    expect(simplified.get('Asia/Tokyo')).toBe('东京');
    expect(simplified.get('Asia/Shanghai')).toBe('上海');
    expect(simplified.get('America/Argentina/Salta')).toBe('萨尔塔');
  });

  it('names a city for every zone the platform offers that lies in a city', async () => {
    const zones = Intl.supportedValuesOf('timeZone').filter((zone) => zone.includes('/') && !zone.startsWith('Etc/'));
    for (const language of ['zh-Hant', 'zh-Hans'] as const) {
      const cities = await loadZoneCities(language);
      const unnamed = zones.filter((zone) => !cities.has(zone));
      expect(unnamed, language).toEqual([]);
    }
  });

  it('falls back as CLDR does in English: the id spaced, CLDR’s spelling where it has one', async () => {
    const english = await loadZoneCities('en');
    expect(english.get('America/Sao_Paulo')).toBe('São Paulo');
    expect(english.get('Asia/Taipei') ?? cityOfZoneId('Asia/Taipei')).toBe('Taipei');
    expect(cityOfZoneId('America/Los_Angeles')).toBe('Los Angeles');
  });
});

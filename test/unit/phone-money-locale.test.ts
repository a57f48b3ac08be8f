import { describe, expect, it } from 'vitest';
import { languageOf, resolveLanguage, shopDefaultsFor } from '../../shared/locale';
import { currencyExponent, formatMoney, parseAmount } from '../../shared/money';
import { looksLikePhone, normalisePhone, phoneMatchKey } from '../../shared/phone';

describe('phones', () => {
  it('accepts what people type and refuses what is not a number', () => {
    for (const ok of ['0912-345-678', '(02) 2345 6789', '+886 912 345 678', '138 0013 8000', '０９１２３４５６７８']) expect(looksLikePhone(ok), ok).toBe(true);
    for (const bad of ['abc', '12345', '0912-345-678 ext 5', '1234567890123456', '', '+']) expect(looksLikePhone(bad), bad).toBe(false);
  });

  it('normalises a Taiwanese mobile so every written form matches', () => {
    const typed = normalisePhone('0912-345-678', 'TW');
    expect(typed).toMatchObject({ e164: '+886912345678', national: '912345678' });
    expect(typed.searchDigits.split(' ')).toEqual(expect.arrayContaining(['0912345678', '912345678', '886912345678']));
    expect(phoneMatchKey(normalisePhone('+886 912 345 678', 'TW'))).toBe(phoneMatchKey(typed));
    expect(phoneMatchKey(normalisePhone('+886912345678', 'US'))).toBe(phoneMatchKey(typed));
  });

  it('reads numbers without + by the shop country', () => {
    expect(normalisePhone('138 0013 8000', 'CN').e164).toBe('+8613800138000');
    expect(normalisePhone('(212) 555-0123', 'US').e164).toBe('+12125550123');
    expect(normalisePhone('9123 4567', 'HK').e164).toBe('+85291234567');
  });

  it('keeps the digits of a number it cannot place', () => {
    expect(normalisePhone('000 111 222', 'TW')).toMatchObject({ e164: null, national: '000111222', searchDigits: '000111222' });
  });
});

describe('money', () => {
  it('knows minor units per currency', () => {
    expect(currencyExponent('TWD')).toBe(2);
    expect(currencyExponent('JPY')).toBe(0);
  });

  it('reads amounts typed at the counter into minor units', () => {
    expect(parseAmount('120', 'TWD')).toBe(12000);
    expect(parseAmount('1,200.5', 'USD')).toBe(120050);
    expect(parseAmount('１２０', 'TWD')).toBe(12000);
    expect(parseAmount('980', 'JPY')).toBe(980);
    for (const bad of ['', '-5', '1.234', '12a', '1e3', '9'.repeat(20)]) expect(parseAmount(bad, 'USD'), bad).toBeNull();
    expect(parseAmount('1.5', 'JPY')).toBeNull();
  });

  it('formats per locale and drops .00 on whole amounts', () => {
    expect(formatMoney(12000, 'USD', 'en')).toBe('$120');
    expect(formatMoney(12050, 'USD', 'en')).toBe('$120.50');
    expect(formatMoney(12000, 'TWD', 'en')).toBe('NT$120');
  });
});

describe('languages', () => {
  it('maps system locales to the three supported languages', () => {
    expect(languageOf('zh-TW')).toBe('zh-Hant');
    expect(languageOf('zh-HK')).toBe('zh-Hant');
    expect(languageOf('zh-Hant-CN')).toBe('zh-Hant');
    expect(languageOf('zh-CN')).toBe('zh-Hans');
    expect(languageOf('zh')).toBe('zh-Hans');
    expect(languageOf('en-GB')).toBe('en');
    expect(languageOf('fr-FR')).toBeNull();
    expect(languageOf('not a tag!')).toBeNull();
  });

  it('follows the first supported preference, English otherwise', () => {
    expect(resolveLanguage(['fr-FR', 'zh-TW', 'en'])).toBe('zh-Hant');
    expect(resolveLanguage(['de'])).toBe('en');
    expect(shopDefaultsFor('zh-Hans')).toEqual({ currency: 'CNY', country: 'CN' });
  });
});
